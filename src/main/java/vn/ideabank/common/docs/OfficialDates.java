package vn.ideabank.common.docs;

import java.time.LocalDate;

/**
 * Dates and quarters as Nghị định 30/2020/NĐ-CP (Phụ lục I) writes them in an official document: a day below 10
 * and the months January and February take a leading zero ("ngày 05 tháng 3 năm 2026", "ngày 15 tháng 02 năm
 * 2026"), and quarters are Roman numerals ("quý IV").
 */
public final class OfficialDates {

	private static final String[] ROMAN = { "I", "II", "III", "IV" };

	private OfficialDates() {
	}

	/** "ngày 05 tháng 3 năm 2026". */
	public static String day(LocalDate date) {
		return "ngày " + twoDigits(date.getDayOfMonth()) + " tháng " + month(date.getMonthValue()) + " năm " + date.getYear();
	}

	/** "Thọ Dân, ngày 05 tháng 3 năm 2026": the place-and-date line under the motto. */
	public static String placeAndDay(String place, LocalDate date) {
		return place + ", " + day(date);
	}

	/** The month as written after "tháng": 01, 02, then 3 … 12. */
	public static String month(int month) {
		return month < 3 ? twoDigits(month) : Integer.toString(month);
	}

	/** A quarter (1–4) in Roman numerals: "IV". */
	public static String quarter(int quarter) {
		if (quarter < 1 || quarter > 4) {
			throw new IllegalArgumentException("quarter " + quarter);
		}
		return ROMAN[quarter - 1];
	}

	private static String twoDigits(int n) {
		return n < 10 ? "0" + n : Integer.toString(n);
	}
}
