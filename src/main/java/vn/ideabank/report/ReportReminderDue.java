package vn.ideabank.report;

import java.time.LocalDate;

/**
 * The reminder job found a unit that has not submitted: {@code kind} BEFORE or AFTER the deadline by
 * {@code dayOffset} days. Published once per unit, subject, kind and offset, for the notification module.
 */
public record ReportReminderDue(String subjectKind, long subjectId, long unitId, String kind, int dayOffset,
		LocalDate deadline, String title) {
}
