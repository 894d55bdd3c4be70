package vn.ideabank.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.text.TextNormalizer;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * Similar ideas ({@link SearchService#similar}): candidates from the index under the caller's visibility,
 * rescored in Java by the cosine of TF-IDF vectors with document frequencies read from the index.
 */
@Component
@Transactional(readOnly = true)
class SimilarIdeas implements DisposableBean {

	private final EntityManager em;

	private final UnitService units;

	private final JudgementStore judgements;

	private final LuceneSearchBackend.TermStatistics statistics;

	private final double minSimilarity;

	private final int candidateCount;

	SimilarIdeas(EntityManager em, UnitService units, JudgementStore judgements,
			@Value("${ideabank.search.index-dir}") String indexDir,
			@Value("${ideabank.search.similar.min-similarity:0.2}") double minSimilarity,
			@Value("${ideabank.search.similar.candidates:60}") int candidates) {
		this.em = em;
		this.units = units;
		this.judgements = judgements;
		this.statistics = new LuceneSearchBackend.TermStatistics(Path.of(indexDir));
		this.minSimilarity = minSimilarity;
		this.candidateCount = candidates;
	}

	@Override
	public void destroy() throws Exception {
		statistics.close();
	}

	/**
	 * Up to {@code limit} earlier ideas the caller may open that look like the text, most similar first,
	 * each with a similarity in 0..1 above the noise threshold. With {@code ideaId}, the idea itself and
	 * later ideas are left out, and reviewers' judgements on each pair are attached.
	 */
	List<SimilarIdea> find(Caller caller, String title, String description, Long ideaId, int limit) {
		String text = clean5000((title == null ? "" : title + "\n" + title + "\n") + (description == null ? "" : description));
		Map<String, Integer> queryTerms = SimilarityScorer.terms(text);
		long unigrams = queryTerms.keySet().stream().filter(t -> t.indexOf(' ') < 0).count();
		if (unigrams < 2) {
			return List.of();
		}
		SimilarityScorer.Frequencies frequencies = frequencies();
		List<String> wanted = SimilarityScorer.discriminative(queryTerms, frequencies, 24);

		SearchSession session = Search.session(em);
		List<List<?>> candidates = session.search(session.scope(Object.class, SearchIndexing.ENTITY))
			.select(f -> f.composite()
				.from(f.id(Long.class), f.field("code", String.class), f.field("title_folded", String.class),
						f.field("unitId", Long.class), f.field("year", Integer.class), f.field("text_folded", String.class))
				.asList())
			.where(f -> {
				var all = f.bool();
				all.filter(SearchService.visibility(f, caller));
				if (ideaId != null) {
					all.filter(f.range().field("ideaId").lessThan(ideaId));
				}
				var words = f.bool();
				for (String term : wanted) {
					if (term.indexOf(' ') < 0) {
						words.should(f.match().field("title_folded").boost(1.5f).field("text_folded").matching(term));
					}
					else {
						words.should(f.match().field("title_bigram").boost(1.5f).field("text_bigram").matching(term).boost(1.5f));
					}
				}
				all.must(words);
				return all;
			})
			.totalHitCountThreshold(100) // no total is needed: Lucene may skip what cannot reach the best candidates
			.fetchHits(candidateCount);

		Map<String, Double> queryVector = SimilarityScorer.vector(queryTerms, frequencies);
		List<SimilarIdea> scored = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		for (List<?> c : candidates) {
			if (!seen.add((Long) c.get(0))) {
				continue;
			}
			String candidateTitle = (String) c.get(2);
			String candidateText = candidateTitle + "\n" + candidateTitle + "\n" + (c.get(5) == null ? "" : (String) c.get(5));
			double similarity = SimilarityScorer.cosine(queryVector,
					SimilarityScorer.vector(SimilarityScorer.terms(clean5000(candidateText)), frequencies));
			if (similarity >= minSimilarity) {
				scored.add(new SimilarIdea((Long) c.get(0), (String) c.get(1), candidateTitle, "", (Integer) c.get(4),
						Math.round(similarity * 1000) / 1000.0, null));
			}
		}
		scored.sort(Comparator.comparingDouble(SimilarIdea::similarity).reversed());
		List<SimilarIdea> top = scored.stream().limit(limit).toList();
		Map<Long, Long> unitIds = new HashMap<>();
		for (List<?> c : candidates) {
			unitIds.put((Long) c.get(0), (Long) c.get(3));
		}
		Map<Long, UnitView> unitViews = units.findAll(new LinkedHashSet<>(unitIds.values()));
		Map<Long, SimilarIdea.Verdict> verdicts = ideaId == null ? Map.of()
				: judgements.verdicts(ideaId, top.stream().map(SimilarIdea::id).toList());
		return top.stream().map(s -> {
			UnitView unit = unitViews.get(unitIds.get(s.id()));
			return new SimilarIdea(s.id(), s.code(), s.title(), unit == null ? "" : unit.name(), s.year(), s.similarity(),
					verdicts.get(s.id()));
		}).toList();
	}

	private static String clean5000(String text) {
		String t = TextNormalizer.normalize(text);
		return t == null ? "" : t.length() > 5000 ? t.substring(0, 5000) : t;
	}

	/** Document frequencies from the index: a syllable in the folded fields, a bigram in the bigram fields. */
	private SimilarityScorer.Frequencies frequencies() {
		long documents = statistics.documents();
		return new SimilarityScorer.Frequencies() {
			@Override
			public long documents() {
				return documents;
			}

			@Override
			public long documentFrequency(String term) {
				boolean bigram = term.indexOf(' ') >= 0;
				return Math.max(statistics.documentFrequency(bigram ? "text_bigram" : "text_folded", term),
						statistics.documentFrequency(bigram ? "title_bigram" : "title_folded", term));
			}
		};
	}
}
