package vn.ideabank.quota.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.ideabank.common.web.Messages;
import vn.ideabank.common.xlsx.XlsxWriter;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;
import vn.ideabank.quota.Progress.ChildLine;
import vn.ideabank.quota.Progress.CriterionPart;
import vn.ideabank.quota.Progress.CriterionScore;
import vn.ideabank.quota.Progress.Line;
import vn.ideabank.quota.Progress.UnitProgress;
import vn.ideabank.quota.TargetKind;
import vn.ideabank.quota.TargetViews.TargetView;

/**
 * The dashboard's tables, built once and used three ways: rendered as HTML (the accessible form of
 * each chart, which the chart script reads), written to .xlsx, and answered as JSON.
 */
final class DashboardTables {

	/** A cell: its text, its number (for charts and spreadsheets) and an optional link. */
	record Cell(String text, Number value, String href) {

		static Cell text(String text) {
			return new Cell(text, null, null);
		}

		static Cell number(Number n) {
			return n == null ? new Cell("", null, null) : new Cell(n.toString(), n, null);
		}
	}

	/**
	 * A table; {@code chart} is the chart drawn from it (bar, line, doughnut, or null) and
	 * {@code series} the columns it plots, the first column giving the labels.
	 */
	record Table(String id, String title, List<String> headers, List<List<Cell>> rows, String chart, List<Integer> series) {
	}

	static final List<String> IDS = List.of("targets", "children", "months", "fields", "groups", "criterion");

	private final Messages messages;

	DashboardTables(Messages messages) {
		this.messages = messages;
	}

	List<Table> all(UnitProgress p, List<CriterionScore> scores, java.util.function.LongFunction<String> drillDown) {
		return List.of(targets(p), children(p, drillDown), months(p), fields(p), groups(p), criterion(scores));
	}

	String targetLabel(TargetView t) {
		return t.kind() == TargetKind.CUSTOM ? t.name() : m(t.kind().messageKey());
	}

	private String countUnit(TargetView t) {
		return t.kind() == TargetKind.CUSTOM ? t.countUnit() : m("target.countUnit." + t.kind().name());
	}

	private String status(Line l) {
		if (!l.tracked()) {
			return m("target.progress.notTracked");
		}
		if (l.share() == null) {
			return m("target.progress.noShare");
		}
		return l.behind() ? m("target.progress.behind") : m("target.progress.onTrack");
	}

	private Table targets(UnitProgress p) {
		List<List<Cell>> rows = new ArrayList<>();
		for (Line l : p.lines()) {
			rows.add(List.of(Cell.text(targetLabel(l.target())), Cell.text(countUnit(l.target())), Cell.number(l.share()),
					Cell.number(l.periodTarget()), Cell.number(l.expected()),
					l.tracked() ? Cell.number(l.actual()) : Cell.text(m("target.progress.notTracked")),
					Cell.number(l.percent()), Cell.text(status(l))));
		}
		return new Table("targets", m("target.table.targets"),
				List.of(m("target.col.target"), m("target.col.countUnit"), m("target.col.share"), m("target.col.periodTarget"),
						m("target.col.expected"), m("target.col.actual"), m("target.col.percent"), m("target.col.status")),
				rows, "bar", List.of(6));
	}

	private Table children(UnitProgress p, java.util.function.LongFunction<String> drillDown) {
		List<List<Cell>> rows = new ArrayList<>();
		for (ChildLine c : p.children()) {
			Line l = c.line();
			rows.add(List.of(new Cell(c.unit().name(), null, drillDown.apply(c.unit().id())), Cell.number(l.share()),
					Cell.number(l.expected()), l.tracked() ? Cell.number(l.actual()) : Cell.text(m("target.progress.notTracked")),
					Cell.number(l.percent()), Cell.text(l.target() == null ? "" : status(l))));
		}
		String title = p.childTarget() == null ? m("target.table.childrenIdeas")
				: m("target.table.children", targetLabel(p.childTarget()));
		return new Table("children", title, List.of(m("target.col.unit"), m("target.col.share"), m("target.col.expected"),
				m("target.col.actual"), m("target.col.percent"), m("target.col.status")), rows, "bar", List.of(2, 3));
	}

	private Table months(UnitProgress p) {
		List<List<Cell>> rows = new ArrayList<>();
		for (int month = 1; month <= 12; month++) {
			rows.add(List.of(Cell.text(m("target.month", month)), Cell.number(p.proposedByMonth().get(month)),
					Cell.number(p.appliedByMonth().get(month))));
		}
		return new Table("months", m("target.table.months"),
				List.of(m("target.col.month"), m(TargetKind.IDEAS_PROPOSED.messageKey()), m(TargetKind.MODELS_APPLIED.messageKey())),
				rows, "line", List.of(1, 2));
	}

	private Table fields(UnitProgress p) {
		List<List<Cell>> rows = new ArrayList<>();
		for (Map.Entry<String, Long> e : p.byField().entrySet()) {
			String label = e.getKey().isEmpty() ? m("target.notSet") : m(SectorField.valueOf(e.getKey()).messageKey());
			rows.add(List.of(Cell.text(label), Cell.number(e.getValue())));
		}
		return new Table("fields", m("target.table.fields"), List.of(m("target.col.field"), m("target.col.ideas")), rows,
				"doughnut", List.of(1));
	}

	private Table groups(UnitProgress p) {
		List<List<Cell>> rows = new ArrayList<>();
		for (Map.Entry<String, Long> e : p.byGroup().entrySet()) {
			String label = e.getKey().isEmpty() ? m("target.notSet") : m(TargetGroup.valueOf(e.getKey()).messageKey());
			rows.add(List.of(Cell.text(label), Cell.number(e.getValue())));
		}
		return new Table("groups", m("target.table.groups"), List.of(m("target.col.group"), m("target.col.ideas")), rows,
				"bar", List.of(1));
	}

	private Table criterion(List<CriterionScore> scores) {
		List<List<Cell>> rows = new ArrayList<>();
		for (CriterionScore s : scores) {
			List<Cell> row = new ArrayList<>();
			row.add(Cell.text(s.unit().name()));
			for (CriterionPart part : s.parts()) {
				row.add(part.tracked()
						? new Cell(m("target.criterion.part", fmt(part.points()), part.weight(), part.detail() == null ? "" : part.detail()),
								part.points(), null)
						: Cell.text(m(part.leftOutBecause())));
			}
			row.add(new Cell(m("target.criterion.points", fmt(s.points()), s.maxPoints()), s.points(), null));
			row.add(Cell.number(s.score100()));
			rows.add(row);
		}
		return new Table("criterion", m("target.table.criterion"),
				List.of(m("target.col.unit"), m("target.criterion.IDEAS"), m("target.criterion.MODELS"),
						m("target.criterion.CONTESTS"), m("target.criterion.PUNCTUALITY"), m("target.col.points"),
						m("target.col.score100")),
				rows, "bar", List.of(6));
	}

	private static String fmt(double d) {
		return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(Math.round(d * 10) / 10.0);
	}

	static void write(Table table, OutputStream out) throws IOException {
		XlsxWriter.export(out, table.title(), table.headers(), sink -> {
			for (List<Cell> row : table.rows()) {
				sink.row(row.stream().map(c -> c.value() != null ? c.value() : c.text()).toArray());
			}
		});
	}

	private String m(String key, Object... args) {
		return messages.get(key, args);
	}
}
