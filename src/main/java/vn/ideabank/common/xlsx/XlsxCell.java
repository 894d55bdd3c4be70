package vn.ideabank.common.xlsx;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

import org.apache.poi.ss.usermodel.DateUtil;

import vn.ideabank.common.text.TextNormalizer;

/**
 * One cell's value: its text (normalised, NFC) and, for a numeric cell, the number and whether its
 * format is a date format.
 */
public record XlsxCell(String text, Double number, boolean dateFormatted) {

	private static final DateTimeFormatter[] DATE_FORMATS = {
			DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
			DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
			DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT),
			DateTimeFormatter.ISO_LOCAL_DATE };

	public static final XlsxCell BLANK = new XlsxCell(null, null, false);

	public static XlsxCell text(String text) {
		return new XlsxCell(TextNormalizer.normalizeToNull(text), null, false);
	}

	public static XlsxCell number(double value, boolean dateFormatted) {
		return new XlsxCell(plain(value), value, dateFormatted);
	}

	public boolean blank() {
		return text == null || text.isBlank();
	}

	/**
	 * The cell as a date: a real Excel date (or any day number), or text written dd/MM/yyyy (also
	 * d-M-yyyy, d.M.yyyy, yyyy-MM-dd). {@code null} when blank.
	 *
	 * @throws IllegalArgumentException when it is not a date
	 */
	public LocalDate asDate() {
		if (number != null) {
			if (!DateUtil.isValidExcelDate(number)) {
				throw new IllegalArgumentException("not a date: " + number);
			}
			return DateUtil.getLocalDateTime(number).toLocalDate();
		}
		if (blank()) {
			return null;
		}
		for (DateTimeFormatter f : DATE_FORMATS) {
			try {
				return LocalDate.parse(text, f);
			}
			catch (DateTimeParseException e) {
				// try the next format
			}
		}
		throw new IllegalArgumentException("not a date: " + text);
	}

	/** Lower case, without diacritics, single spaces: for matching labels loosely ("Học sinh" = "hoc  sinh"). */
	public static String looseKey(String text) {
		String s = TextNormalizer.normalize(text);
		return s == null ? null : TextNormalizer.fold(s).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
	}

	private static String plain(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return String.valueOf(value);
		}
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}
}
