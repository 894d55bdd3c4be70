package vn.ideabank.common.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The one place every incoming string passes through: NFC, zero-width characters dropped, a
 * combining mark typed after a space joined back to its letter ({@code "đô ̀"} → {@code "đồ"}),
 * then trimmed. Vietnamese typed with some keyboards or pasted from PDFs arrives decomposed; search,
 * uniqueness and exports all assume NFC.
 */
public final class TextNormalizer {

	private static final Pattern ZERO_WIDTH = Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD]");

	/** Blanks (not line breaks) standing between a letter and a combining mark that belongs to it. */
	private static final Pattern DETACHED_MARK = Pattern.compile("(?<=\\p{L}\\p{M}{0,3})[ \\t\\u00A0]+(?=\\p{M})");

	/** Blank at either end, including no-break and other Unicode spaces that String.strip() keeps. */
	private static final Pattern EDGE_BLANKS = Pattern.compile("^[\\s\\p{Z}]+|[\\s\\p{Z}]+$");

	private TextNormalizer() {
	}

	/** Returns the normalised text, or {@code null} for {@code null}. */
	public static String normalize(String text) {
		if (text == null) {
			return null;
		}
		String s = ZERO_WIDTH.matcher(text).replaceAll("");
		s = Normalizer.normalize(s, Normalizer.Form.NFD);
		s = DETACHED_MARK.matcher(s).replaceAll("");
		s = Normalizer.normalize(s, Normalizer.Form.NFC);
		return EDGE_BLANKS.matcher(s).replaceAll("");
	}

	/** Normalises and maps blank text to {@code null}, for optional fields. */
	public static String normalizeToNull(String text) {
		String s = normalize(text);
		return s == null || s.isEmpty() ? null : s;
	}

	/** Vietnamese without diacritics ({@code "Thọ Dân"} → {@code "Tho Dan"}), for codes and loose matching. */
	public static String fold(String text) {
		if (text == null) {
			return null;
		}
		String s = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
		return s.replace('đ', 'd').replace('Đ', 'D');
	}
}
