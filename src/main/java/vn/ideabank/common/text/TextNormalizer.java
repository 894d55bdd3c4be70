package vn.ideabank.common.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The one place every incoming string passes through: line breaks as LF, control and bidirectional
 * formatting characters dropped, zero-width characters dropped, NFC, a combining mark typed after a
 * space joined back to its letter ({@code "đô ̀"} → {@code "đồ"}), then trimmed. Vietnamese typed with
 * some keyboards or pasted from PDFs arrives decomposed; search, uniqueness and exports all assume NFC.
 * A U+0000 would make PostgreSQL refuse the statement, and a right-to-left override makes a name
 * ({@code "cv\u202Efdp.exe"}) read as something it is not.
 */
public final class TextNormalizer {

	/** CR LF and a lone CR (old Mac, some pastes) become LF, the one line break stored. */
	private static final Pattern CARRIAGE_RETURN = Pattern.compile("\\r\\n?");

	/**
	 * C0 controls but tab and LF, DEL, C1 controls, the bidirectional marks, embeddings, overrides and
	 * isolates (U+200E/F, U+061C, U+202A–U+202E, U+2066–U+2069), and half a surrogate pair (no Unicode
	 * character: PostgreSQL cannot store it).
	 */
	private static final Pattern CONTROLS = Pattern
		.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\\p{Cs}]");

	private static final Pattern ZERO_WIDTH = Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD]");

	/** Blanks (not line breaks) standing between a letter and a combining mark that belongs to it. */
	private static final Pattern DETACHED_MARK = Pattern.compile("(?<=\\p{L}\\p{M}{0,3})[ \\t\\u00A0]+(?=\\p{M})");

	/** Blank at either end, including no-break and other Unicode spaces that String.strip() keeps. */
	private static final Pattern EDGE_BLANKS = Pattern.compile("^[\\s\\p{Z}]+|[\\s\\p{Z}]+$");

	/** Longest stored file name ({@code varchar(255)} in every table that keeps one). */
	public static final int FILE_NAME_MAX = 255;

	private TextNormalizer() {
	}

	/** Returns the normalised text, or {@code null} for {@code null}. */
	public static String normalize(String text) {
		return text == null || alreadyNormal(text) ? text : normalizeFully(text);
	}

	/** What {@link #normalize} does to a text that needs it. */
	static String normalizeFully(String text) {
		String s = CARRIAGE_RETURN.matcher(text).replaceAll("\n");
		s = CONTROLS.matcher(s).replaceAll("");
		s = ZERO_WIDTH.matcher(s).replaceAll("");
		s = Normalizer.normalize(s, Normalizer.Form.NFD);
		s = DETACHED_MARK.matcher(s).replaceAll("");
		s = Normalizer.normalize(s, Normalizer.Form.NFC);
		return EDGE_BLANKS.matcher(s).replaceAll("");
	}

	/**
	 * Whether {@link #normalize} would return the text unchanged, found in one pass: no carriage return, control,
	 * bidirectional, zero-width or surrogate character (emoji take the long way), no combining mark (so no detached
	 * one), already NFC, no blank at either end. Most text is (what the database and the index hold was normalised
	 * when it came in), and similar ideas normalise some sixty candidates' texts per request: the five patterns
	 * and two normalisations were a tenth of its CPU at a million ideas (docs/performance.md).
	 */
	static boolean alreadyNormal(String text) {
		if (text.isEmpty()) {
			return true;
		}
		if (blank(text.charAt(0)) || blank(text.charAt(text.length() - 1))) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 ? c != '\t' && c != '\n' : c >= 0x7F && (c <= 0x9F || special(c))) {
				return false;
			}
		}
		return Normalizer.isNormalized(text, Normalizer.Form.NFC);
	}

	/** What one of the patterns or the joining of marks acts on, above U+007E (C1 controls are tested apart). */
	private static boolean special(char c) {
		return c == '\u00AD' || c == '\u061C' || (c >= '\u200B' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E')
				|| c == '\u2060' || (c >= '\u2066' && c <= '\u2069') || c == '\uFEFF' || Character.isSurrogate(c)
				|| switch (Character.getType(c)) {
					case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> true;
					default -> false;
				};
	}

	/** What {@code EDGE_BLANKS} trims: {@code \s} or a Unicode separator. */
	private static boolean blank(char c) {
		return c == ' ' || (c >= '\t' && c <= '\r') || switch (Character.getType(c)) {
			case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
			default -> false;
		};
	}

	/** Normalises and maps blank text to {@code null}, for optional fields. */
	public static String normalizeToNull(String text) {
		String s = normalize(text);
		return s == null || s.isEmpty() ? null : s;
	}

	/**
	 * An uploaded file's name as stored and offered again: normalised, on one line, no path separators,
	 * at most {@link #FILE_NAME_MAX} characters (the end of a long name is cut before its extension).
	 * {@code null} when nothing is left.
	 */
	public static String fileName(String raw) {
		String name = normalizeToNull(raw == null ? null : raw.replaceAll("[\\\\/\\t\\r\\n]", "_"));
		if (name == null || name.codePointCount(0, name.length()) <= FILE_NAME_MAX) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
		String stem = name.substring(0, name.length() - ext.length());
		int keep = FILE_NAME_MAX - ext.length();
		return stem.substring(0, stem.offsetByCodePoints(0, keep)).strip() + ext;
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
