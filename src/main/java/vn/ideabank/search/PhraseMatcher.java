package vn.ideabank.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the thesaurus's phrases in a text's syllables, with one rule for the similarity scorer and the search
 * alike ({@link Thesaurus}, {@link QueryExpansion}): a syllable typed as written matches; a syllable typed
 * without diacritics matches the phrase's folded form, except in a one-syllable phrase that has diacritics
 * (folded, "lợn" would also be "lớn"), which matches only as written. The longest phrase wins; among phrases of
 * one length, the one added first.
 */
final class PhraseMatcher<T> {

	private record Entry<T>(List<String> exact, List<String> folded, boolean foldedMatch, T value) {
	}

	/** A phrase found at {@code start}, {@code length} syllables long. */
	record Match<T>(int start, int length, T value) {
	}

	private final Map<String, List<Entry<T>>> byFirstFolded = new HashMap<>();

	/** Adds a phrase as written; false when it has no syllables (nothing to match). */
	boolean add(String phrase, T value) {
		List<String> exact = VietnameseAnalysis.exactTokens(phrase);
		List<String> folded = VietnameseAnalysis.foldedTokens(phrase);
		if (folded.isEmpty() || exact.size() != folded.size()) {
			return false;
		}
		List<Entry<T>> list = byFirstFolded.computeIfAbsent(folded.get(0), k -> new ArrayList<>());
		list.add(new Entry<>(exact, folded, !onlyAsWritten(exact, folded), value));
		list.sort(Comparator.comparingInt((Entry<T> e) -> e.exact().size()).reversed()); // stable: first added first
		return true;
	}

	/** Whether a phrase matches only as written: one syllable with diacritics. */
	static boolean onlyAsWritten(List<String> exact, List<String> folded) {
		return folded.size() == 1 && !exact.get(0).equals(folded.get(0));
	}

	boolean isEmpty() {
		return byFirstFolded.isEmpty();
	}

	/** The longest phrase that starts at {@code at}, or null. */
	Match<T> longestAt(List<String> exact, List<String> folded, int at) {
		for (Entry<T> e : byFirstFolded.getOrDefault(folded.get(at), List.of())) {
			if (matches(e, exact, folded, at)) {
				return new Match<>(at, e.exact().size(), e.value());
			}
		}
		return null;
	}

	/** The phrases of a text from left to right, each the longest at its place, none overlapping. */
	List<Match<T>> scan(List<String> exact, List<String> folded) {
		List<Match<T>> out = new ArrayList<>();
		if (byFirstFolded.isEmpty() || exact.size() != folded.size()) {
			return out;
		}
		int i = 0;
		while (i < folded.size()) {
			Match<T> m = longestAt(exact, folded, i);
			if (m == null) {
				i++;
			}
			else {
				out.add(m);
				i += m.length();
			}
		}
		return out;
	}

	private static boolean matches(Entry<?> p, List<String> exact, List<String> folded, int at) {
		int n = p.exact().size();
		if (at + n > folded.size()) {
			return false;
		}
		for (int j = 0; j < n; j++) {
			String e = exact.get(at + j);
			if (e.equals(p.exact().get(j))) {
				continue;
			}
			boolean typedWithoutMarks = e.equals(folded.get(at + j));
			if (!(typedWithoutMarks && p.foldedMatch() && folded.get(at + j).equals(p.folded().get(j)))) {
				return false;
			}
		}
		return true;
	}
}
