package vn.ideabank.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;

/**
 * The thesaurus in search (docs/search.md, "Thesaurus in search"). Every phrase of a query that the thesaurus
 * knows becomes a <em>group</em>: the phrase as typed OR any other phrase of its group ({@link #required}), and
 * the group counts as ONE of the query's words in {@link SearchService#wordsRequired}. So "flycam phun thuốc"
 * (3 words: flycam, phun, thuốc) finds "máy bay không người lái phun thuốc" and needs no more words than
 * before. Broader terms widen one way only: a query for the broader phrase also finds its specific ones
 * ("cây ăn quả" finds "cây cam", "bưởi"), a query for a specific one does not find every broader idea
 * ("cây cam" does not find "cây ăn quả").
 * <p>
 * What was typed keeps its BM25 score; an equivalent adds a constant {@value #EQUIVALENT_SCORE}, so an idea
 * that says what was typed ranks above one that says it in other words. The groups of a thesaurus are
 * indexed once ({@link #of}, kept until the thesaurus changes), so a query costs a scan of its syllables.
 */
final class QueryExpansion {

	/** At most this many groups per query; further known phrases are searched as typed. */
	static final int MAX_GROUPS = 8;

	/** At most this many other phrases per group. */
	static final int MAX_EQUIVALENTS = 16;

	/** What an equivalent adds to an idea's score (what was typed adds its BM25 score, far more). */
	static final float EQUIVALENT_SCORE = 0.01f;

	/** Another way of saying a phrase: as written in the thesaurus, folded, and whether it matches only with its diacritics. */
	record Equivalent(String written, String folded, boolean onlyAsWritten) {
	}

	/** A phrase of the query, as its folded syllables, and the other phrases that say it. */
	record Group(String typed, List<Equivalent> equivalents) {
	}

	/**
	 * A query's words: the plain folded syllables, the groups, and every syllable as before the thesaurus
	 * ({@code all}, for the ranking clause of syllable pairs). Without groups, exactly the search of before.
	 */
	record Words(List<String> terms, List<Group> groups, List<String> all) {

		static Words plain(List<String> terms) {
			return new Words(terms, List.of(), terms);
		}

		boolean isEmpty() {
			return terms.isEmpty() && groups.isEmpty();
		}

		/** How many words the query has: a group is one. */
		int count() {
			return terms.size() + groups.size();
		}

		/** The other phrases searched, as written in the thesaurus (for "Đã tìm cả: …"). */
		List<String> alsoSearched() {
			Set<String> out = new LinkedHashSet<>();
			groups.forEach(g -> g.equivalents().forEach(e -> out.add(e.written())));
			return List.copyOf(out);
		}
	}

	private record Cached(Thesaurus thesaurus, QueryExpansion expansion) {
	}

	private static volatile Cached cached;

	private final PhraseMatcher<List<Equivalent>> phrases = new PhraseMatcher<>();

	/** The expansion of a thesaurus, built once per thesaurus (a reload makes a new one). */
	static QueryExpansion of(Thesaurus thesaurus) {
		Cached c = cached;
		if (c == null || c.thesaurus() != thesaurus) {
			c = new Cached(thesaurus, new QueryExpansion(thesaurus));
			cached = c;
		}
		return c.expansion();
	}

	private QueryExpansion(Thesaurus thesaurus) {
		// phrase (by its syllables as written) → the phrases it finds too, as written
		Map<String, Set<String>> finds = new LinkedHashMap<>();
		Map<String, String> written = new LinkedHashMap<>();
		Map<String, List<String>> groupOf = new LinkedHashMap<>();
		for (List<String> group : thesaurus.groupList()) {
			for (String phrase : group) {
				groupOf.putIfAbsent(exactKey(phrase), group);
				for (String other : group) {
					add(finds, written, phrase, other);
				}
			}
		}
		// broader terms: the broader phrase (and its group) finds the specific one (and its group), not back
		thesaurus.broaderLines().forEach((specific, broader) -> {
			List<String> narrower = new ArrayList<>(List.of(specific));
			narrower.addAll(groupOf.getOrDefault(exactKey(specific), List.of()));
			List<String> targets = new ArrayList<>(List.of(broader));
			targets.addAll(groupOf.getOrDefault(exactKey(broader), List.of()));
			for (String target : targets) {
				narrower.forEach(n -> add(finds, written, target, n));
			}
		});
		finds.forEach((key, others) -> {
			Set<String> seen = new HashSet<>();
			List<Equivalent> equivalents = new ArrayList<>();
			for (String other : others) {
				if (!exactKey(other).equals(key)) {
					Equivalent e = equivalent(other);
					if (e != null && seen.add(e.onlyAsWritten() ? exactKey(other) : e.folded())) {
						equivalents.add(e);
					}
				}
			}
			if (!equivalents.isEmpty()) {
				phrases.add(written.get(key), List.copyOf(equivalents));
			}
		});
		// a kept phrase ("lạc hậu") matches first, with nothing to add, so no entry inside it ("lạc") widens the query
		thesaurus.keptPhrases().forEach(phrase -> phrases.add(phrase, List.of()));
	}

	private static void add(Map<String, Set<String>> finds, Map<String, String> written, String phrase, String other) {
		String key = exactKey(phrase);
		if (key.isEmpty()) {
			return;
		}
		written.putIfAbsent(key, phrase);
		finds.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(other);
	}

	private static String exactKey(String phrase) {
		return String.join(" ", VietnameseAnalysis.exactTokens(phrase));
	}

	private static Equivalent equivalent(String phrase) {
		List<String> exact = VietnameseAnalysis.exactTokens(phrase);
		List<String> folded = VietnameseAnalysis.foldedTokens(phrase);
		if (folded.isEmpty() || exact.size() != folded.size()) {
			return null;
		}
		return new Equivalent(phrase, String.join(" ", folded), PhraseMatcher.onlyAsWritten(exact, folded));
	}

	/**
	 * The words of query {@code q}: {@code terms} (its distinct folded syllables, as the search takes them) less
	 * those inside a known phrase, and a group for each known phrase.
	 */
	Words words(String q, List<String> terms) {
		List<String> exact = VietnameseAnalysis.exactTokens(q);
		List<String> folded = VietnameseAnalysis.foldedTokens(q);
		List<PhraseMatcher.Match<List<Equivalent>>> found = phrases.scan(exact, folded);
		if (found.isEmpty()) {
			return Words.plain(terms);
		}
		boolean[] inGroup = new boolean[folded.size()];
		Map<String, Group> groups = new LinkedHashMap<>();
		for (var m : found) {
			String typed = String.join(" ", folded.subList(m.start(), m.start() + m.length()));
			List<Equivalent> others = m.value().stream().filter(e -> e.onlyAsWritten() || !e.folded().equals(typed))
				.limit(MAX_EQUIVALENTS).toList();
			if (others.isEmpty() || (!groups.containsKey(typed) && groups.size() == MAX_GROUPS)) {
				continue;
			}
			groups.putIfAbsent(typed, new Group(typed, others));
			for (int i = m.start(); i < m.start() + m.length(); i++) {
				inGroup[i] = true;
			}
		}
		if (groups.isEmpty()) {
			return Words.plain(terms);
		}
		Set<String> outside = new HashSet<>();
		for (int i = 0; i < folded.size(); i++) {
			if (!inGroup[i]) {
				outside.add(folded.get(i));
			}
		}
		return new Words(terms.stream().filter(outside::contains).toList(), List.copyOf(groups.values()), terms);
	}

	// --- predicates ------------------------------------------------------------------------------

	/**
	 * The group as one required word: what was typed (scored: its syllables on {@code all_folded}, all of them, as
	 * if the thesaurus did not know it, so the labels and the unit's name count and expanding never finds less than
	 * the typed words alone) or any equivalent that can find more ({@link #findingMore}; a constant). An equivalent
	 * of several syllables is matched by its syllable pairs, all in the title or all in the text ({@code title_bigram},
	 * {@code text_bigram}): a pair is far rarer than either syllable, so this is a conjunction of short lists, where a
	 * phrase query walked the positions of every idea holding its common syllables ("năng", "lượng", "mặt", "trời").
	 * The exact phrase ranks in the rescoring ({@link #ranking}).
	 */
	static SearchPredicate required(SearchPredicateFactory f, Group g) {
		var any = f.bool();
		any.should(f.match().field("all_folded").matching(g.typed()).minimumShouldMatchPercent(100));
		for (Equivalent e : findingMore(g)) {
			if (e.onlyAsWritten()) { // its folded form may be another word: matched with its diacritics
				any.should(f.match().field("all_exact").matching(e.written()).constantScore().boost(EQUIVALENT_SCORE));
			}
			else if (e.folded().indexOf(' ') < 0) {
				any.should(f.match().field("all_folded").matching(e.folded()).constantScore().boost(EQUIVALENT_SCORE));
			}
			else {
				any.should(f.match().field("title_bigram").field("text_bigram").matching(e.folded())
					.minimumShouldMatchPercent(100).constantScore().boost(EQUIVALENT_SCORE));
			}
		}
		return any.toPredicate();
	}

	/**
	 * The equivalents that can find an idea the typed words do not: one that holds every syllable typed ("rác thải"
	 * for "rác", "sản phẩm OCOP" for "OCOP") finds only ideas that have them all, which the typed clause finds already,
	 * and would cost a walk of its postings for a constant of {@value #EQUIVALENT_SCORE} (phân loại rác: 7.9 ms with
	 * three such phrases, 4.2 without the thesaurus). They are still shown as searched and highlighted.
	 */
	static List<Equivalent> findingMore(Group g) {
		List<String> typed = List.of(g.typed().split(" "));
		return g.equivalents().stream().filter(e -> !List.of(e.folded().split(" ")).containsAll(typed)).toList();
	}

	/**
	 * The ranking clause of a group, run over the best hits only: what was typed in the title (×1.5) or the text, as
	 * each plain word is (an equivalent already scored its constant in {@link #required}).
	 */
	static SearchPredicate ranking(SearchPredicateFactory f, Group g) {
		return g.typed().indexOf(' ') < 0
				? f.match().field("title_folded").boost(1.5f).field("text_folded").matching(g.typed()).toPredicate()
				: f.phrase().field("title_folded").boost(1.5f).field("text_folded").matching(g.typed()).toPredicate();
	}
}
