package vn.ideabank.search;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text typed with the keys of a Vietnamese input method but without it running: Telex ("noong nghieepj"
 * → "nông nghiệp", dd → đ, aa/ee/oo → â/ê/ô, aw/ow/uw/w → ă/ơ/ư, s f r x j → the five tones) or VNI
 * ("no6ng nghie65p": 6 7 8 9 for the marks, 1–5 for the tones). Text without diacritics needs nothing:
 * the index folds them away.
 */
public final class TelexInput {

	private static final Pattern WORD = Pattern.compile("[A-Za-z0-9]+");

	private static final String VOWELS = "aăâeêioôơuưy";

	/** Combining tone marks: sắc, huyền, hỏi, ngã, nặng. */
	private static final char[] TONES = { '\u0301', '\u0300', '\u0309', '\u0303', '\u0323' };

	private static final Set<String> FINALS = Set.of("", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "o", "u", "y");

	private static final Set<String> ONSETS = Set.of("", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n",
			"ng", "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x");

	private TelexInput() {
	}

	/** The Vietnamese a text typed in Telex stands for; words without Telex keys are left as they are. */
	public static String fromTelex(String text) {
		return replaceWords(text, false);
	}

	/** The Vietnamese a text typed in VNI stands for; words without VNI digits are left as they are. */
	public static String fromVni(String text) {
		return replaceWords(text, true);
	}

	/**
	 * The readings worth searching for when a text has no diacritics but looks typed with Telex or VNI keys
	 * (at least two words, and a third of them, change): none for ordinary text.
	 */
	public static List<String> candidates(String text) {
		Set<String> out = new LinkedHashSet<>();
		if (text == null || !text.chars().allMatch(c -> c < 128)) {
			return List.of();
		}
		for (boolean vni : new boolean[] { false, true }) {
			int words = 0, changed = 0;
			Matcher m = WORD.matcher(text);
			while (m.find()) {
				words++;
				if (!convert(m.group(), vni).equals(m.group())) {
					changed++;
				}
			}
			if (changed >= 2 && changed * 3 >= words) {
				out.add(replaceWords(text, vni));
			}
		}
		return List.copyOf(out);
	}

	/** The text itself, or its Telex/VNI reading when it looks typed that way. */
	public static String understood(String text) {
		List<String> c = candidates(text);
		return c.isEmpty() ? text : c.get(0);
	}

	private static String replaceWords(String text, boolean vni) {
		if (text == null) {
			return null;
		}
		Matcher m = WORD.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, Matcher.quoteReplacement(convert(m.group(), vni)));
		}
		m.appendTail(out);
		return out.toString();
	}

	/** One word; unchanged unless the result is a well-formed syllable. */
	static String convert(String word, boolean vni) {
		boolean upper = Character.isUpperCase(word.charAt(0));
		String w = word.toLowerCase();
		int tone = -1;
		StringBuilder s = new StringBuilder();
		if (vni) {
			if (w.chars().allMatch(Character::isDigit) || w.chars().noneMatch(Character::isDigit)) {
				return word;
			}
			String letters = w.replaceAll("[0-9]", "");
			s.append(letters);
			for (char d : w.replaceAll("[^0-9]", "").toCharArray()) {
				switch (d) {
					case '1', '2', '3', '4', '5' -> tone = d - '1';
					case '6' -> mark(s, "aeo", "âêô");
					case '7' -> mark(s, "ou", "ơư");
					case '8' -> mark(s, "a", "ă");
					case '9' -> replaceFirst(s, "d", "đ");
					default -> {
						return word;
					}
				}
			}
		}
		else {
			if (w.chars().anyMatch(Character::isDigit)) {
				return word;
			}
			// the tone key: last, or typed before the final consonant ("gifn")
			for (int k = w.length() - 1; k > 0; k--) {
				int t = "sfrxj".indexOf(w.charAt(k));
				if (t >= 0 && hasVowel(w.substring(0, k)) && FINALS.contains(w.substring(k + 1))
						&& (VOWELS.indexOf(w.charAt(k - 1)) >= 0 || k == w.length() - 1)) {
					tone = t;
					w = w.substring(0, k) + w.substring(k + 1);
					break;
				}
			}
			w = w.replace("dd", "đ").replace("uow", "ươ").replace("aa", "â").replace("ee", "ê").replace("oo", "ô")
				.replace("aw", "ă").replace("ow", "ơ").replace("uw", "ư");
			s.append(w.replace("w", ""));
			if (w.indexOf('w') > 0) {
				mark(s, "aou", "ăơư"); // w typed after the final consonant ("ungw" → ưng)
			}
			else if (w.startsWith("w")) {
				s.insert(0, 'ư'); // w alone is ư
			}
		}
		String syllable = s.toString();
		if (tone < 0 && syllable.equals(word.toLowerCase())) {
			return word;
		}
		String toned = placeTone(syllable, tone);
		if (toned == null) {
			return word;
		}
		return upper ? Character.toUpperCase(toned.charAt(0)) + toned.substring(1) : toned;
	}

	private static boolean hasVowel(String w) {
		return w.chars().anyMatch(c -> VOWELS.indexOf(c) >= 0);
	}

	private static void mark(StringBuilder s, String plain, String marked) {
		for (int i = s.length() - 1; i >= 0; i--) {
			int k = plain.indexOf(s.charAt(i));
			if (k >= 0) {
				s.setCharAt(i, marked.charAt(k));
				if (marked.charAt(k) == 'ơ' && i > 0 && s.charAt(i - 1) == 'u') {
					s.setCharAt(i - 1, 'ư'); // ươ
				}
				return;
			}
		}
	}

	private static void replaceFirst(StringBuilder s, String from, String to) {
		int i = s.indexOf(from);
		if (i >= 0) {
			s.replace(i, i + 1, to);
		}
	}

	/** Puts the tone (-1: none) on the vowel that carries it; null when the word is not a Vietnamese syllable. */
	private static String placeTone(String syllable, int tone) {
		int start = -1, end = -1;
		for (int i = 0; i < syllable.length(); i++) {
			boolean vowel = VOWELS.indexOf(syllable.charAt(i)) >= 0;
			// the u of "qu" and the i of "gi" before a vowel belong to the consonant
			boolean consonantPart = (i == 1 && syllable.charAt(i) == 'u' && syllable.charAt(0) == 'q')
					|| (i == 1 && syllable.charAt(i) == 'i' && syllable.charAt(0) == 'g' && syllable.length() > 2
							&& VOWELS.indexOf(syllable.charAt(2)) >= 0);
			if (vowel && !consonantPart) {
				if (start < 0) {
					start = i;
				}
				else if (end != i) {
					return null; // two vowel groups
				}
				end = i + 1;
			}
		}
		if (start < 0 || !FINALS.contains(syllable.substring(end)) || end - start > 3
				|| !ONSETS.contains(syllable.substring(0, start))) {
			return null;
		}
		if (tone < 0) {
			return syllable;
		}
		int at = -1;
		for (int i = start; i < end; i++) {
			if ("ăâêôơư".indexOf(syllable.charAt(i)) >= 0) {
				at = i; // the marked vowel (the ơ of ươ: the last one)
			}
		}
		if (at < 0) {
			at = end < syllable.length() || end - start == 1 ? end - 1 : end - start == 3 ? start + 1 : start;
		}
		String withTone = syllable.substring(0, at + 1) + TONES[tone] + syllable.substring(at + 1);
		return Normalizer.normalize(withTone, Normalizer.Form.NFC);
	}
}
