package vn.ideabank.report;

import java.time.Instant;

/** Whether a child unit has submitted its report for a period (the parent's overview). */
public record ChildStatus(long unitId, String unitCode, String unitName, Long reportId, ReportStatus status,
		Instant submittedAt) {

	public boolean submitted() {
		return status == ReportStatus.SUBMITTED;
	}
}
