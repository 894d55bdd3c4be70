package vn.ideabank.report;

import java.util.List;

import vn.ideabank.quota.TargetKind;

/**
 * Table 1 of a report's section I: progress against each of the year's targets for the report's period, and what the
 * counters count for the standard kinds the plan sets none for (contests, startups, clubs, IP). {@code frozen}: the
 * rows were stored when the report was submitted and no later change of targets or records moves them; otherwise
 * (a draft, a returned report, a report submitted before V108) they are counted when read.
 */
public record ProgressTable(boolean frozen, List<Row> rows) {

	/**
	 * One row: the kind ({@code name} is a custom target's own name), whether the plan sets a target for it, the unit's
	 * share of the year's target (null: none allocated), its part for the period, and what was done (null: no counter
	 * tracks the kind, "chưa theo dõi").
	 */
	public record Row(TargetKind kind, String name, boolean hasTarget, Long yearTarget, Long periodTarget, Long actual) {

		/** What was done as a percentage of the period's target (as the dashboard shows it); null when unknown or 0. */
		public Integer percent() {
			return actual == null || periodTarget == null || periodTarget == 0 ? null
					: (int) Math.min(999, Math.round(100.0 * actual / periodTarget));
		}
	}
}
