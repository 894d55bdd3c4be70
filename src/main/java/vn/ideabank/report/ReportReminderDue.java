package vn.ideabank.report;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The reminder job found a unit that has not submitted: {@code kind} BEFORE or AFTER the deadline by
 * {@code dayOffset} days. Published once per unit, subject, kind and offset, for the notification module.
 * The subject is a plan request ({@code PLAN}, its id; {@code title} its title) or a periodic report
 * ({@code REPORT_<kind>}, year × 100 + number: see {@link #period()}).
 */
public record ReportReminderDue(String subjectKind, long subjectId, long unitId, String kind, int dayOffset,
		LocalDate deadline, String title) {

	private static final String REPORT = "REPORT_";

	static String subjectOf(ReportingPeriod period) {
		return REPORT + period.kind().name();
	}

	static long subjectIdOf(ReportingPeriod period) {
		return period.year() * 100L + period.number();
	}

	/** The reporting period, when the reminder is about a periodic report (empty for a plan). */
	public Optional<ReportingPeriod> period() {
		if (subjectKind == null || !subjectKind.startsWith(REPORT)) {
			return Optional.empty();
		}
		return Optional.of(new ReportingPeriod(PeriodKind.valueOf(subjectKind.substring(REPORT.length())),
				(int) (subjectId / 100), (int) (subjectId % 100)));
	}
}
