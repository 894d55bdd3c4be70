package vn.ideabank.quota;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A part of the plan year: the whole year, a quarter or a half. Its range is half-open:
 * {@link #firstDay(int)} included, {@link #endExclusive(int)} (the first day after it) excluded.
 */
public enum YearPart {
	YEAR(1, 12), Q1(1, 3), Q2(4, 6), Q3(7, 9), Q4(10, 12), H1(1, 6), H2(7, 12);

	private final int fromMonth;

	private final int toMonth;

	YearPart(int fromMonth, int toMonth) {
		this.fromMonth = fromMonth;
		this.toMonth = toMonth;
	}

	public int fromMonth() {
		return fromMonth;
	}

	public int toMonth() {
		return toMonth;
	}

	public String messageKey() {
		return "target.period." + name();
	}

	public LocalDate firstDay(int year) {
		return LocalDate.of(year, fromMonth, 1);
	}

	/** The first day after the period. */
	public LocalDate endExclusive(int year) {
		return LocalDate.of(year, toMonth, 1).plusMonths(1);
	}

	/** The share of the year's days this period covers, 0..1. */
	public double shareOfYear(int year) {
		return days(firstDay(year), endExclusive(year)) / (double) days(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
	}

	/** The share of the year's days that had passed in this period by the end of {@code today}, 0..1. */
	public double elapsedShareOfYear(int year, LocalDate today) {
		LocalDate start = firstDay(year);
		LocalDate end = endExclusive(year);
		LocalDate upTo = today.plusDays(1);
		if (!upTo.isAfter(start)) {
			return 0;
		}
		long elapsed = days(start, upTo.isBefore(end) ? upTo : end);
		return elapsed / (double) days(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
	}

	private static long days(LocalDate from, LocalDate to) {
		return ChronoUnit.DAYS.between(from, to);
	}
}
