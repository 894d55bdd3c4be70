package vn.ideabank.report;

import java.time.LocalDate;
import java.util.List;

/** Hand-offs of the report module, published inside the action's transaction (records of plain values). */
public final class ReportEvents {

	private ReportEvents() {
	}

	/** An office asked the units below it for their annual plan. */
	public record PlanRequested(long requestId, String title, int year, LocalDate deadline, List<Long> unitIds,
			long actorId) {
	}

	/**
	 * The parent's office sent a unit's periodic report back with a comment; {@code periodKey} and
	 * {@code periodArgs} name the period ("Quý 3 năm 2026").
	 */
	public record ReportReturned(long reportId, long unitId, String periodKey, List<String> periodArgs, String comment,
			long actorId) {
	}
}
