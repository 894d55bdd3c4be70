package vn.ideabank.report;

import java.time.LocalDate;

import vn.ideabank.common.error.BusinessException;

/** One reporting period: its kind, year and number within the year (month 1–12, quarter 1–4, half 1–2, year 1). */
public record Period(PeriodKind kind, int year, int number) {

	public Period {
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

	public LocalDate start() {
		return LocalDate.of(year, (number - 1) * kind.months() + 1, 1);
	}

	/** The last day of the period. */
	public LocalDate end() {
		return start().plusMonths(kind.months()).minusDays(1);
	}

	/** The period of this kind that contains the day. */
	public static Period containing(PeriodKind kind, LocalDate day) {
		return new Period(kind, day.getYear(), (day.getMonthValue() - 1) / kind.months() + 1);
	}

	/** The period of the same kind just before this one. */
	public Period previous() {
		return containing(kind, start().minusDays(1));
	}

	/** The message key and arguments that name the period ("Quý 3 năm 2026"). */
	public String messageKey() {
		return "report.periodName." + kind.name();
	}

	public Object[] messageArgs() {
		return new Object[] { number, String.valueOf(year) };
	}
}
