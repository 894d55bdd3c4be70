package vn.ideabank.common.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;

import vn.ideabank.common.security.UnitScope;

/**
 * Accent-insensitive word matching in SQL for columns that keep no folded copy (unit names, idea titles):
 * {@code lower(translate(column, FROM, TO))}, where the translation table is built from
 * {@link TextNormalizer#fold} itself, so SQL and Java fold the same letters ("Thọ" → "tho", "Đ" → "d").
 * Only the precomposed (NFC) letters are mapped: every stored string is NFC (see {@link TextNormalizer}).
 * A scan, not an index: meant for the pickers' short lists, inside a unit-scope condition.
 */
public final class FoldedMatch {

	/** Letters that fold to one ASCII letter, and that letter: the two arguments of SQL {@code translate}. */
	static final String FROM;

	static final String TO;

	static {
		StringBuilder from = new StringBuilder();
		StringBuilder to = new StringBuilder();
		for (char c = '\u00C0'; c <= '\u1EFF'; c++) {
			if (c > '\u024F' && c < '\u1EA0') {
				continue; // only Latin-1, Latin Extended-A/B and the Vietnamese block
			}
			String folded = TextNormalizer.fold(String.valueOf(c));
			if (Character.isLetter(c) && folded.length() == 1 && folded.charAt(0) < 128 && folded.charAt(0) != c) {
				from.append(c);
				to.append(folded.charAt(0));
			}
		}
		FROM = from.toString();
		TO = to.toString();
	}

	private FoldedMatch() {
	}

	/** The words of what a person typed, folded and in lower case ("  Thọ  Dân " → [tho, dan]); at most 5. */
	public static List<String> words(String typed) {
		String s = TextNormalizer.normalizeToNull(typed);
		if (s == null) {
			return List.of();
		}
		List<String> words = new ArrayList<>(Arrays.asList(
				TextNormalizer.fold(s).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
		words.removeIf(String::isEmpty);
		return words.size() > 5 ? words.subList(0, 5) : words;
	}

	/** The column folded to lower-case ASCII letters in SQL. */
	public static Expression<String> folded(CriteriaBuilder cb, Expression<String> column) {
		return cb.lower(cb.function("translate", String.class, column, cb.literal(FROM), cb.literal(TO)));
	}

	/** Every word appears in the folded column (each as a substring); true for no words. */
	public static Predicate allWords(CriteriaBuilder cb, Expression<String> column, List<String> words) {
		Expression<String> folded = folded(cb, column);
		return cb.and(words.stream()
			.map(w -> cb.like(folded, "%" + UnitScope.escapeLike(w) + "%", '\\'))
			.toArray(Predicate[]::new));
	}
}
