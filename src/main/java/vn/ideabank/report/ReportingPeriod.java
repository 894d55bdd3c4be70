package vn.ideabank.report;

import java.time.LocalDate;

import vn.ideabank.common.error.BusinessException;

/**
 * One reporting period of a periodic report (month, quarter, half or year), both ends included:
 * {@link #firstDay()} to {@link #lastDay()}.
 * Its kind, year and number within the year (month 1–12, quarter 1–4, half 1–2, year 1).
 */
public record ReportingPeriod(PeriodKind kind, int year, int number) {

	public ReportingPeriod {
		if (kind == null) {
			throw new BusinessException("periodKind", "report.error.periodKind");
		}
		if (year < 2000 || year > 2100) {
			throw new BusinessException("year", "report.error.year");
		}
		if (number < 1 || number > kind.perYear()) {
			throw new BusinessException("number", "report.error.periodNumber", kind.perYear());
		}
	}

	public LocalDate firstDay() {
		return LocalDate.of(year, (number - 1) * kind.months() + 1, 1);
	}

	/** The last day of the period. */
	public LocalDate lastDay() {
		return firstDay().plusMonths(kind.months()).minusDays(1);
	}

	/** The period of this kind that contains the day. */
	public static ReportingPeriod containing(PeriodKind kind, LocalDate day) {
		return new ReportingPeriod(kind, day.getYear(), (day.getMonthValue() - 1) / kind.months() + 1);
	}

	/** The period of the same kind just before this one. */
	public ReportingPeriod previous() {
		return containing(kind, firstDay().minusDays(1));
	}

	/** The message key and arguments that name the period ("Quý 3 năm 2026"). */
	public String messageKey() {
		return "report.periodName." + kind.name();
	}

	public Object[] messageArgs() {
		return new Object[] { number, String.valueOf(year) };
	}
}
