package vn.ideabank.report;

import java.time.Instant;
import java.time.LocalDate;

/** A unit addressed by a plan request, with its status and the deadline (for to-do lists). */
public record PlanRecipientView(long id, long requestId, String requestTitle, LocalDate deadline, long unitId,
		String unitName, PlanStatus status, Instant submittedAt, int submissionCount, long reminders) {

	public boolean overdue(LocalDate today) {
		return status == PlanStatus.MISSING && today.isAfter(deadline);
	}
}
