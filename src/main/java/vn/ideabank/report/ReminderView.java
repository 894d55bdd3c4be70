package vn.ideabank.report;

import java.time.LocalDate;

/** A reminder the job recorded for a unit that had not yet submitted. */
public record ReminderView(long id, String subjectKind, long subjectId, long unitId, String unitName, String kind,
		int dayOffset, LocalDate deadline, LocalDate dueOn) {

	public String messageKey() {
		return "report.reminder." + kind;
	}
}
