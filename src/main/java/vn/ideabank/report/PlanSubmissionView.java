package vn.ideabank.report;

import java.time.Instant;

/** One upload of a plan document, for the history shown to the unit and the office. */
public record PlanSubmissionView(long id, String fileName, String contentType, long size, boolean late,
		String submittedBy, Instant submittedAt) {
}
