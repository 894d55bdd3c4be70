package vn.ideabank.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.text.TextNormalizer;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * Similar ideas ({@link SearchService#similar}): candidates from the whole index, rescored in Java by the
 * cosine of TF-IDF vectors (thesaurus applied) with document frequencies read from the index; what the
 * caller may not open is masked. See docs/search.md "Similarity".
 */
@Component
@Transactional(readOnly = true)
class SimilarIdeas {

	/**
	 * The word pass asks for the text's most discriminative terms only: at a million ideas 12 instead of 24 halved
	 * its cost and found the same originals (docs/performance.md "Similar ideas against Lucene's more-like-this").
	 */
	static final int WORD_PASS_TERMS = 12;

	/** A description with fewer distinct (or rare enough) sketch tokens is too short for the sketch pass. */
	static final int SKETCH_MINIMUM_TOKENS = 12;

	/**
	 * Of the description's sketch tokens, how many a candidate must share: a copy shares far more, and the higher
	 * the number the more of the posting lists Lucene can skip (4 found the same originals, slower).
	 */
	static final int SKETCH_MINIMUM_SHARED = 8;

	/**
	 * A sketch token that more than this share of the ideas have is left out of the query: it is a common
	 * sentence of a template, not a sign of a copy, and its long posting list is what the pass costs.
	 */
	static final double SKETCH_MAX_SHARE = 0.10;

	static final int SKETCH_CANDIDATES = 20;

	private final EntityManager em;

	private final UnitService units;

	private final JudgementStore judgements;

	private final ThesaurusSource thesauri;

	private final SearchBackend backend;

	private final TermStatistics statistics;

	private final double minSimilarity;

	private final int candidateCount;

	SimilarIdeas(EntityManager em, UnitService units, JudgementStore judgements, ThesaurusSource thesauri, SearchBackend backend,
			@Value("${ideabank.search.similar.min-similarity:0.2}") double minSimilarity,
			@Value("${ideabank.search.similar.candidates:30}") int candidates) {
		this.em = em;
		this.units = units;
		this.judgements = judgements;
		this.thesauri = thesauri;
		this.backend = backend;
		this.statistics = backend.statistics();
		this.minSimilarity = minSimilarity;
		this.candidateCount = candidates;
	}

	/**
	 * Up to {@code limit} earlier ideas that look like the text, most similar first, each with a similarity
	 * in 0..1 at or above the lowest shown level. Every unit and year is compared; an idea the caller may
	 * not open is returned masked (year and unit only) and only once submitted. With {@code ideaId}, the idea
	 * itself and later ideas are left out, and reviewers' judgements on each pair are attached. Text typed
	 * with Telex or VNI keys but no input method is read as what it stands for.
	 */
	List<SimilarIdea> find(Caller caller, String title, String description, Long ideaId, int limit) {
		Thesaurus thesaurus = thesauri.current();
		String t = title == null ? "" : TelexInput.understood(title);
		String d = description == null ? "" : TelexInput.understood(description);
		String text = clean5000(t + "\n" + t + "\n" + d);
		Map<String, Integer> queryTerms = SimilarityScorer.terms(text, thesaurus);
		long unigrams = queryTerms.keySet().stream().filter(w -> w.indexOf(' ') < 0).count();
		if (unigrams < 2) {
			return List.of();
		}
		prefetch(queryTerms.keySet(), thesaurus);
		SimilarityScorer.Frequencies frequencies = frequencies(thesaurus);
		List<String> wanted = SimilarityScorer.discriminative(queryTerms, frequencies, WORD_PASS_TERMS);
		// a second, small pass over the rarest words, so that ideas written from one template (which share
		// every common word of the query) cannot fill all the candidates and crowd the original out
		List<String> rare = queryTerms.keySet().stream().filter(w -> w.indexOf(' ') < 0 && !w.startsWith("^") && !w.startsWith("~"))
			.sorted(Comparator.comparingLong(frequencies::documentFrequency)).limit(4).toList();

		SearchSession session = Search.session(em);
		List<List<?>> candidates = new ArrayList<>(candidates(session, caller, ideaId, f -> {
			var words = f.bool();
			for (String term : wanted) {
				if (term.startsWith("~")) {
					for (String variant : thesaurus.variantsOf(term).stream().limit(8).toList()) {
						words.should(f.phrase().field("all_folded").matching(variant));
					}
				}
				else if (term.startsWith("^") || term.contains(" ~") || term.contains(" ^")) {
					continue; // a broader term, or a pair with a concept: not in the index as such
				}
				else if (term.indexOf(' ') < 0) {
					words.should(f.match().field("all_folded").matching(term));
				}
				else {
					words.should(f.match().field("title_bigram").boost(1.5f).field("text_bigram").matching(term).boost(1.5f));
				}
			}
			return words.toPredicate();
		}, candidateCount));
		// near-copies of the description: ideas sharing the most MinHash buckets of its three-syllable shingles,
		// which a rewording keeps while ideas from the same template share only their common sentences
		String described = clean5000(d);
		boolean rareSketched = false; // the sketch asked without the template's common tokens
		if (!backend.ownLuceneIndex()) {
			// a cluster analyses the description itself: sketch tokens are not valid text and would not survive JSON;
			// it asks all of them, common ones too, so the rare-word pass below still runs
			if (VietnameseAnalysis.sketchTokens(described).size() >= SKETCH_MINIMUM_TOKENS) {
				candidates.addAll(candidates(session, caller, ideaId, f -> f.match().field("text_sketch").matching(described)
					.minimumShouldMatchNumber(SKETCH_MINIMUM_SHARED).toPredicate(), SKETCH_CANDIDATES));
			}
		}
		List<String> sketch = backend.ownLuceneIndex() ? sketchTokensWorthSearching(described, frequencies.documents()) : List.of();
		if (sketch.size() >= SKETCH_MINIMUM_TOKENS) {
			rareSketched = true;
			candidates.addAll(candidates(session, caller, ideaId, f -> {
				var buckets = f.bool();
				sketch.forEach(s -> buckets.should(f.match().field("text_sketch").matching(s).skipAnalysis().constantScore()));
				return buckets.minimumShouldMatchNumber(SKETCH_MINIMUM_SHARED).toPredicate();
			}, SKETCH_CANDIDATES));
		}
		// the rare words, unless the sketch's rare tokens were asked (with them, this pass found no original it missed)
		if (!rareSketched && rare.size() >= 2) {
			candidates.addAll(candidates(session, caller, ideaId, f -> {
				var words = f.bool();
				rare.forEach(w -> words.should(f.match().field("all_folded").matching(w)));
				return words.minimumShouldMatchNumber(2).toPredicate();
			}, 20));
		}

		Map<String, Double> queryVector = SimilarityScorer.vector(queryTerms, frequencies);
		List<SimilarIdea> scored = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		Map<Long, Long> unitIds = new HashMap<>();
		Map<List<?>, Map<String, Integer>> candidateTerms = new java.util.LinkedHashMap<>();
		for (List<?> c : candidates) {
			if (seen.add((Long) c.get(0))) {
				String candidateTitle = (String) c.get(2);
				String candidateText = candidateTitle + "\n" + candidateTitle + "\n" + (c.get(5) == null ? "" : (String) c.get(5));
				candidateTerms.put(c, SimilarityScorer.terms(clean5000(candidateText), thesaurus));
			}
		}
		prefetch(candidateTerms.values().stream().flatMap(m -> m.keySet().stream()).toList(), thesaurus);
		for (var e : candidateTerms.entrySet()) {
			List<?> c = e.getKey();
			unitIds.put((Long) c.get(0), (Long) c.get(3));
			String candidateTitle = (String) c.get(2);
			double similarity = SimilarityScorer.cosine(queryVector, SimilarityScorer.vector(e.getValue(), frequencies));
			if (similarity >= minSimilarity) {
				scored.add(new SimilarIdea((Long) c.get(0), (String) c.get(1), candidateTitle, "", (Integer) c.get(4),
						Math.round(similarity * 1000) / 1000.0, SimilarIdea.Level.of(similarity), true, null));
			}
		}
		scored.sort(Comparator.comparingDouble(SimilarIdea::similarity).reversed());
		List<SimilarIdea> top = scored.stream().limit(limit).toList();
		Set<Long> readable = readable(session, caller, top.stream().map(SimilarIdea::id).toList());
		Map<Long, UnitView> unitViews = units.findAll(top.stream().map(s -> unitIds.get(s.id())).collect(Collectors.toSet()));
		Map<Long, SimilarIdea.Verdict> verdicts = ideaId == null ? Map.of()
				: judgements.verdicts(ideaId, top.stream().map(SimilarIdea::id).filter(readable::contains).toList());
		return top.stream().map(s -> {
			UnitView unit = unitViews.get(unitIds.get(s.id()));
			String unitName = unit == null ? "" : unit.name();
			if (!readable.contains(s.id())) {
				// only what is public: the year, the unit and how alike (to a tenth, not to be probed finely)
				return new SimilarIdea(0, "", "", unitName, s.year(), Math.floor(s.similarity() * 10) / 10.0, s.level(), false, null);
			}
			return new SimilarIdea(s.id(), s.code(), s.title(), unitName, s.year(), s.similarity(), s.level(), true,
					verdicts.get(s.id()));
		}).toList();
	}

	/**
	 * Candidates from the whole index: any submitted idea (drafts only when the caller may open them),
	 * earlier than {@code ideaId} when given.
	 */
	private List<List<?>> candidates(SearchSession session, Caller caller, Long ideaId,
			Function<SearchPredicateFactory, SearchPredicate> words, int count) {
		if (count == 0) {
			return List.of();
		}
		return session.search(session.scope(Object.class, SearchIndexing.ENTITY))
			.select(f -> f.composite()
				.from(f.id(Long.class), f.field("code", String.class), f.field("title_folded", String.class),
						f.field("unitId", Long.class), f.field("year", Integer.class), f.field("text_folded", String.class))
				.asList())
			.where(f -> {
				var all = f.bool();
				all.filter(f.bool().should(SearchService.visibility(f, caller))
					.should(f.bool().must(f.matchAll()).mustNot(f.match().field("status").matching(IdeaStatus.DRAFT))));
				if (ideaId != null) {
					all.filter(f.range().field("ideaId").lessThan(ideaId));
				}
				all.must(words.apply(f));
				return all;
			})
			.totalHitCountThreshold(100) // no total is needed: Lucene may skip what cannot reach the best candidates
			.fetchHits(count);
	}

	/** Which of the ideas the caller may open (the same visibility rule as search). */
	private Set<Long> readable(SearchSession session, Caller caller, List<Long> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(session.search(session.scope(Object.class, SearchIndexing.ENTITY))
			.select(f -> f.id(Long.class))
			.where(f -> f.bool().filter(SearchService.visibility(f, caller)).filter(f.id().matchingAny(ids)))
			.fetchHits(ids.size() * 2));
	}

	/** The description's sketch tokens that at most {@link #SKETCH_MAX_SHARE} of the ideas (or a thousand) have. */
	private List<String> sketchTokensWorthSearching(String description, long documents) {
		List<String> all = VietnameseAnalysis.sketchTokens(description);
		if (all.size() < SKETCH_MINIMUM_TOKENS) {
			return List.of();
		}
		return all.stream().filter(t -> statistics.documentFrequency("text_sketch", t) <= Math.max(1000, documents * SKETCH_MAX_SHARE)).toList();
	}

	private static String clean5000(String text) {
		String t = TextNormalizer.normalize(text);
		return t == null ? "" : t.length() > 5000 ? t.substring(0, 5000) : t;
	}

	/**
	 * Asks a cluster for the document frequencies of many terms at once (the syllables and pairs that the terms stand
	 * for in the index), so that {@link #frequencies} finds them cached; the Lucene backend reads its directory per
	 * term and needs nothing.
	 */
	private void prefetch(Collection<String> terms, Thesaurus thesaurus) {
		if (backend.ownLuceneIndex()) {
			return;
		}
		Set<String> words = new LinkedHashSet<>();
		Set<String> pairs = new LinkedHashSet<>();
		for (String term : terms) {
			for (String t : indexTerms(term, thesaurus)) {
				(t.indexOf(' ') < 0 ? words : pairs).add(t);
			}
		}
		statistics.prefetch("text_folded", words);
		statistics.prefetch("title_folded", words);
		statistics.prefetch("text_bigram", pairs);
		statistics.prefetch("title_bigram", pairs);
	}

	/** The index terms whose frequencies {@link #frequencies} reads for a term (see its look-up). */
	private static List<String> indexTerms(String term, Thesaurus thesaurus) {
		if (term.startsWith("^")) {
			return List.of();
		}
		if (term.startsWith("~")) {
			List<String> out = new ArrayList<>();
			for (String variant : thesaurus.variantsOf(term)) {
				List<String> words = VietnameseAnalysis.foldedTokens(variant);
				if (!words.isEmpty()) {
					out.add(words.size() == 1 ? words.get(0) : words.get(0) + " " + words.get(1));
				}
			}
			return out;
		}
		int space = term.indexOf(' ');
		if (space > 0 && (term.contains("~") || term.contains("^"))) {
			List<String> out = new ArrayList<>(indexTerms(term.substring(0, space), thesaurus));
			out.addAll(indexTerms(term.substring(space + 1), thesaurus));
			return out;
		}
		return List.of(term);
	}

	/**
	 * Document frequencies from the index: a syllable in the folded fields, a bigram in the bigram fields; a
	 * concept term as its most frequent phrase, a broader term as a word of one idea in fifty.
	 */
	private SimilarityScorer.Frequencies frequencies(Thesaurus thesaurus) {
		long documents = statistics.documents();
		Map<String, Long> cache = new HashMap<>();
		return new SimilarityScorer.Frequencies() {
			@Override
			public long documents() {
				return documents;
			}

			@Override
			public long documentFrequency(String term) {
				Long known = cache.get(term); // not computeIfAbsent: a pair looks up its two parts
				if (known == null) {
					known = lookUp(term);
					cache.put(term, known);
				}
				return known;
			}

			private long lookUp(String term) {
				if (term.startsWith("^")) {
					return documents / 50;
				}
				if (term.startsWith("~")) {
					long most = 0;
					for (String variant : thesaurus.variantsOf(term)) {
						List<String> words = VietnameseAnalysis.foldedTokens(variant);
						most = Math.max(most, words.size() == 1 ? indexed(words.get(0)) : words.size() > 1 ? indexed(words.get(0) + " " + words.get(1)) : 0);
					}
					return most;
				}
				int space = term.indexOf(' ');
				if (space > 0 && (term.contains("~") || term.contains("^"))) {
					return Math.min(documentFrequency(term.substring(0, space)), documentFrequency(term.substring(space + 1)));
				}
				return indexed(term);
			}

			private long indexed(String term) {
				boolean bigram = term.indexOf(' ') >= 0;
				return Math.max(statistics.documentFrequency(bigram ? "text_bigram" : "text_folded", term),
						statistics.documentFrequency(bigram ? "title_bigram" : "title_folded", term));
			}
		};
	}
}
