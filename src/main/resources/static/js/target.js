// Dashboard charts: each canvas names the table it is drawn from (data-table) and the columns to plot
// (data-series); the first column gives the labels. The table stays on the page as the accessible form.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') {
    return;
  }
  var colours = ['#0b4ea2', '#b3261e', '#1e6b34', '#f0b400', '#6a3d9a', '#ff7f00', '#17becf', '#8c564b', '#e377c2',
    '#7f7f7f', '#bcbd22', '#1f77b4', '#2ca02c'];
  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var table = document.getElementById(canvas.dataset.table);
    if (!table) {
      return;
    }
    var type = canvas.dataset.chart;
    var series = canvas.dataset.series.split(',').map(Number);
    var headers = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
    var labels = rows.map(function (tr) { return tr.cells[0].textContent.trim(); });
    var datasets = series.map(function (col, i) {
      var colour = colours[i % colours.length];
      return {
        label: headers[col],
        data: rows.map(function (tr) {
          var v = tr.cells[col] && tr.cells[col].dataset.value;
          return v === undefined || v === '' ? null : Number(v);
        }),
        backgroundColor: type === 'doughnut' ? colours : colour,
        borderColor: type === 'doughnut' ? '#fff' : colour,
        fill: false
      };
    });
    new Chart(canvas, {
      type: type,
      data: { labels: labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: type === 'doughnut' || datasets.length > 1 } },
        scales: type === 'doughnut' ? {} : { y: { beginAtZero: true } }
      }
    });
  });
})();
