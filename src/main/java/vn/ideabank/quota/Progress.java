package vn.ideabank.quota;

import java.util.List;
import java.util.Map;

import vn.ideabank.org.UnitView;
import vn.ideabank.quota.TargetViews.PlanView;
import vn.ideabank.quota.TargetViews.TargetView;

/** Progress views: computed from records by {@link ProgressService}, never typed in. */
public final class Progress {

	private Progress() {
	}

	/**
	 * One target at one unit for a period. {@code share} is the unit's annual share (null: none
	 * allocated); {@code periodTarget} its part for the period; {@code expected} what should exist by
	 * today; {@code actual} null when no counter tracks the kind yet ("chưa theo dõi").
	 */
	public record Line(TargetView target, Long share, Long periodTarget, Long expected, Long actual) {

		public boolean tracked() {
			return actual != null;
		}

		public boolean behind() {
			return actual != null && expected != null && actual < expected;
		}

		/** Actual as a percentage of the period's target, null when either is unknown or the target is 0. */
		public Integer percent() {
			return actual == null || periodTarget == null || periodTarget == 0 ? null
					: (int) Math.min(999, Math.round(100.0 * actual / periodTarget));
		}
	}

	/** A child unit's progress on the selected target, with its share of ideas and applied models. */
	public record ChildLine(UnitView unit, Line line) {
	}

	/** The dashboard of a unit: its targets, its children on one target, and breakdowns. */
	public record UnitProgress(UnitView unit, int year, YearPart period, PlanView plan, List<Line> lines,
			TargetView childTarget, List<ChildLine> children, Map<Integer, Long> proposedByMonth,
			Map<Integer, Long> appliedByMonth, Map<String, Long> byField, Map<String, Long> byGroup) {
	}

	/** One input of the creativity criterion: its points, the maximum, and the figures behind it. */
	public record CriterionPart(String key, boolean tracked, double points, int weight, String detail,
			String leftOutBecause) {

		public CriterionPart(String key, boolean tracked, double points, int weight, String detail) {
			this(key, tracked, points, weight, detail, tracked ? null : "target.progress.notTracked");
		}

		/** Left out of the score (and of the maximum) because its quota is 0: nothing was asked of the unit. */
		static CriterionPart noQuota(String key, int weight) {
			return new CriterionPart(key, false, 0, weight, null, "target.criterion.noQuota");
		}
	}

	/** A unit's creativity score: points over the tracked inputs' weights, and as a share of 100. */
	public record CriterionScore(UnitView unit, List<CriterionPart> parts, double points, int maxPoints) {

		public Double score100() {
			return maxPoints == 0 ? null : Math.round(1000.0 * points / maxPoints) / 10.0;
		}
	}
}
