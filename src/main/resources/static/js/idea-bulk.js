// The idea list's bulk form: "select all on this page" also ticks the rows' boxes, so the page shows what
// will be sent. Without JavaScript the box works on its own (the server takes the page's ids).
(function () {
  'use strict';
  var all = document.getElementById('bulk-all-on-page');
  if (!all) {
    return;
  }
  var rows = document.querySelectorAll('input.bulk-row');
  all.addEventListener('change', function () {
    rows.forEach(function (box) { box.checked = all.checked; });
  });
  rows.forEach(function (box) {
    box.addEventListener('change', function () {
      if (!box.checked) {
        all.checked = false;
      }
    });
  });
}());
