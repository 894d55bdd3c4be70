package vn.ideabank.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.ValueModel;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Role;
import vn.ideabank.common.text.TextNormalizer;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * Full-text search over ideas and similar-idea detection. Every query carries the caller's
 * visibility as a filter inside the index query (mirroring the idea module's rules: authors see
 * their own ideas, staff their units' subtrees, drafts only authors and officers, everyone the
 * published ones), so a hit is always an idea the caller may open.
 */
@Service
@Transactional(readOnly = true)
public class SearchService {

	/** Longer queries are cut here silently. */
	public static final int MAX_QUERY_CHARS = 500;

	private static final int MAX_QUERY_TERMS = 32;

	/**
	 * Totals are exact up to here and "more than" beyond: counting every match of a common word over a
	 * million ideas costs more than the search itself, and stopping lets Lucene skip the hits that cannot
	 * reach the page (block-max WAND).
	 */
	public static final int EXACT_TOTAL_UP_TO = 1000;

	static final List<String> FACETS = List.of("year", "status", "kind", "sectorField", "targetGroup", "unitId");

	private final EntityManager em;

	private final UnitService units;

	private final IdeaService ideas;

	private final JudgementStore judgements;

	private final SimilarIdeas similarIdeas;

	private final ThesaurusSource thesauri;

	private final SearchBackend backend;

	SearchService(EntityManager em, UnitService units, IdeaService ideas, JudgementStore judgements, SimilarIdeas similarIdeas,
			ThesaurusSource thesauri, SearchBackend backend) {
		this.em = em;
		this.units = units;
		this.ideas = ideas;
		this.judgements = judgements;
		this.similarIdeas = similarIdeas;
		this.thesauri = thesauri;
		this.backend = backend;
	}

	// --- search ------------------------------------------------------------------------------

	/**
	 * The best {@value #RESCORE_WINDOW} hits of the required words are rescored by the ranking clauses
	 * (pages inside it come in the rescored order, deeper pages in the first query's order, like
	 * Elasticsearch's rescore window).
	 */
	static final int RESCORE_WINDOW = 100;

	/** Fewer strict hits than this, and the query is run again with one-letter typos forgiven. */
	static final int FUZZY_BELOW = 20;

	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true) // the index alone: no database connection to hold
	public SearchResults search(Caller caller, SearchQuery query, int page, int size) {
		String q = understood(query);
		QueryExpansion.Words terms = words(q, query.expand());
		String unitPath = unitPath(query);
		SearchSession session = Search.session(em);
		if (terms.isEmpty()) {
			// no words: every visible idea, newest years first
			SearchResult<List<?>> all = session.search(session.scope(Object.class, SearchIndexing.ENTITY))
				.select(f -> f.composite()
					.from(f.id(Long.class), f.field("code", String.class), f.field("title_folded", String.class),
							f.field("unitId", Long.class), f.field("unitName", String.class), f.field("year", Integer.class),
							f.field("status", String.class, ValueModel.INDEX), f.score())
					.asList())
				.where(f -> candidates(f, caller, query, unitPath, q, terms, false))
				.sort(f -> f.field("year").desc().then().score())
				.totalHitCountThreshold(EXACT_TOTAL_UP_TO)
				.fetch(page * size, size);
			return results(all.hits(), null, all.total().hitCountLowerBound(), all.total().isHitCountExact(), page, size);
		}
		// 1. the required words under the filters, nothing else scored; fuzzy only when that finds little
		// 2. the ranking clauses over the best of those
		int from = page * size;
		Ranked ranked = rank(session, caller, query, unitPath, q, terms, false, from, size);
		boolean fuzzy = false;
		if (ranked.total() < FUZZY_BELOW && IdeaQueries.anyFuzzyWord(terms.terms())) {
			fuzzy = true;
			ranked = rank(session, caller, query, unitPath, q, terms, true, from, size);
		}
		// 3. the marked title and passages of this page's hits, from their stored text (in results)
		return results(ranked.rows(), SearchHighlights.of(terms, fuzzy), ranked.total(), ranked.exact(), page, size)
			.alsoSearching(terms.alsoSearched());
	}

	/** A page of hits as rows {@code [id, code, title, unitId, unitName, year, status, score, text]}, and the total found. */
	record Ranked(List<List<?>> rows, long total, boolean exact) {
	}

	/**
	 * Hits {@code from}..{@code from + size} of the required words under the filters, the best
	 * {@value #RESCORE_WINDOW} rescored by the ranking clauses: in one Lucene searcher on the embedded index
	 * ({@link LuceneRescoring}), as a second query over the first pass's ids on a cluster.
	 */
	private Ranked rank(SearchSession session, Caller caller, SearchQuery query, String unitPath, String q,
			QueryExpansion.Words terms, boolean fuzzy, int from, int size) {
		var scope = session.scope(Object.class, SearchIndexing.ENTITY);
		if (backend.ownLuceneIndex()) {
			var f = scope.predicate();
			var ranking = f.bool();
			IdeaQueries.ranking(f, q, terms, fuzzy).forEach(ranking::should);
			return LuceneRescoring.search(scope, candidates(f, caller, query, unitPath, q, terms, fuzzy).toPredicate(),
					ranking.toPredicate(), from, size, RESCORE_WINDOW, EXACT_TOTAL_UP_TO);
		}
		boolean rescored = from + size <= RESCORE_WINDOW;
		SearchResult<Long> first = session.search(scope)
			.select(f -> f.id(Long.class))
			.where(f -> candidates(f, caller, query, unitPath, q, terms, fuzzy))
			// by relevance alone: a second key (the year) would keep Lucene from skipping the many ideas whose
			// score ties the last one kept
			.sort(f -> f.score())
			.totalHitCountThreshold(EXACT_TOTAL_UP_TO)
			.fetch(rescored ? 0 : from, rescored ? RESCORE_WINDOW : size);
		List<Long> ids = first.hits().stream().distinct().toList();
		if (ids.isEmpty()) {
			return new Ranked(List.of(), first.total().hitCountLowerBound(), first.total().isHitCountExact());
		}
		// the ranking clauses over those ids alone (no visibility filter needed: all visible)
		SearchResult<List<?>> second = session.search(scope)
			.select(f -> f.composite().from(f.id(Long.class), f.field("code", String.class), f.field("title_folded", String.class),
					f.field("unitId", Long.class), f.field("unitName", String.class), f.field("year", Integer.class),
					f.field("status", String.class, ValueModel.INDEX), f.score(), f.field("text_folded", String.class)).asList())
			.where(f -> {
				var b = f.bool().filter(f.id().matchingAny(ids)).must(IdeaQueries.required(f, q, terms, fuzzy));
				IdeaQueries.ranking(f, q, terms, fuzzy).forEach(b::should);
				return b;
			})
			.sort(f -> f.score())
			.fetch(rescored ? from : 0, rescored ? size : ids.size());
		List<List<?>> hits = new ArrayList<>(second.hits());
		if (!rescored) { // past the window: the first query's order
			hits.sort(java.util.Comparator.comparingInt(h -> ids.indexOf((Long) h.get(0))));
		}
		return new Ranked(hits, first.total().hitCountLowerBound(), first.total().isHitCountExact());
	}

	/** Hits from rows {@code [id, code, title, unitId, unitName, year, status, score, (text)]}, one per idea, marked by {@code marks} (or not). */
	private static SearchResults results(List<? extends List<?>> rows, SearchHighlights marks, long total, boolean exact,
			int page, int size) {
		List<SearchHit> hits = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		for (List<?> h : rows) {
			if (!seen.add((Long) h.get(0))) {
				continue; // a second document of one idea (it must not exist: every write is an update by id) is shown once
			}
			String titleHl = marks == null ? null : marks.title((String) h.get(2));
			List<String> textHl = marks == null ? List.of() : marks.passages((String) h.get(8));
			String unitName = (String) h.get(4); // the index's copy: a rename re-indexes the unit's ideas
			hits.add(new SearchHit((Long) h.get(0), (String) h.get(1), (String) h.get(2), (Long) h.get(3),
					unitName == null ? "" : unitName, (Integer) h.get(5), IdeaStatus.valueOf((String) h.get(6)),
					h.get(7) == null ? 0f : (Float) h.get(7), titleHl, textHl));
		}
		return new SearchResults(hits, total, exact, page, size);
	}

	/**
	 * How many of the ideas a search finds have each value of the filters (year, status, kind, field,
	 * target group, unit), at most 30 values each. Asked apart from the hits: counting visits every
	 * match, which costs far more than finding the best twenty, so pages show the hits first and the
	 * counts when they arrive. The same ideas as the hits: strict words, fuzzy when they find little.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Map<String, Map<String, Long>> facets(Caller caller, SearchQuery query) {
		String q = understood(query);
		QueryExpansion.Words terms = words(q, query.expand());
		String unitPath = unitPath(query);
		Map<String, Map<String, Long>> facets = facets(caller, query, unitPath, q, terms, false);
		if (!terms.isEmpty() && IdeaQueries.anyFuzzyWord(terms.terms())
				&& facets.get("year").values().stream().mapToLong(Long::longValue).sum() < FUZZY_BELOW) {
			facets = facets(caller, query, unitPath, q, terms, true);
		}
		return facets;
	}

	private Map<String, Map<String, Long>> facets(Caller caller, SearchQuery query, String unitPath, String q,
			QueryExpansion.Words terms, boolean fuzzy) {
		SearchSession session = Search.session(em);
		Map<String, AggregationKey<Map<Object, Long>>> keys = new LinkedHashMap<>();
		FACETS.forEach(name -> keys.put(name, AggregationKey.of(name)));
		var step = session.search(session.scope(Object.class, SearchIndexing.ENTITY))
			.where(f -> candidates(f, caller, query, unitPath, q, terms, fuzzy));
		for (var e : keys.entrySet()) {
			String field = e.getKey();
			step = step.aggregation(e.getValue(), f -> f.terms().field(field, Object.class, ValueModel.INDEX).maxTermCount(30));
		}
		SearchResult<?> result = step.fetch(0);
		Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
		for (var e : keys.entrySet()) {
			Map<String, Long> counts = new LinkedHashMap<>();
			result.aggregation(e.getValue()).forEach((k, v) -> counts.put(String.valueOf(k), v));
			facets.put(e.getKey(), counts);
		}
		return facets;
	}

	private String unitPath(SearchQuery query) {
		return query.unitId() == null ? null : units.find(query.unitId()).map(UnitView::path).orElse("/none/");
	}

	/** The ideas a search finds: the caller's visibility and the filters (not scored), then the required words. */
	private static PredicateFinalStep candidates(SearchPredicateFactory f, Caller caller, SearchQuery query, String unitPath,
			String q, QueryExpansion.Words terms, boolean fuzzy) {
		var all = f.bool();
		if (!IdeaQueries.seesEverything(caller)) {
			all.filter(IdeaQueries.visibility(f, caller));
		}
		IdeaQueries.filters(f, query, unitPath).forEach(all::filter);
		all.must(terms.isEmpty() ? f.matchAll().toPredicate() : IdeaQueries.required(f, q, terms, fuzzy));
		return all;
	}

	/** Unit names of the unit facet's values. */
	public Map<Long, String> unitNames(Collection<Long> ids) {
		return units.findAll(ids).values().stream().collect(Collectors.toMap(UnitView::id, UnitView::name));
	}

	/**
	 * How many of a query's words an idea must contain. Strict enough that a common word cannot carry a
	 * query alone ("thư viện số" must not find every idea that says "số"), loose enough that one word
	 * missing from a long query does not lose the idea. It also bounds the work: Lucene walks only the
	 * rarest words' postings when few may be missing.
	 */
	static int wordsRequired(int words) {
		return words <= 3 ? words : words <= 6 ? words - 1 : (int) Math.ceil(words * 0.8);
	}

	/** Ideas the caller may open, as an index predicate (see {@link IdeaQueries#visibility}). */
	static SearchPredicate visibility(SearchPredicateFactory f, Caller caller) {
		return IdeaQueries.visibility(f, caller);
	}

	/**
	 * The query's words: its distinct folded syllables, and with {@code expand} each phrase the thesaurus knows as
	 * one word that its other phrases match too ({@link QueryExpansion}).
	 */
	private QueryExpansion.Words words(String q, boolean expand) {
		List<String> terms = distinctLimited(VietnameseAnalysis.foldedTokens(q), MAX_QUERY_TERMS);
		return expand && !terms.isEmpty() ? QueryExpansion.of(thesauri.current()).words(q, terms) : QueryExpansion.Words.plain(terms);
	}

	/** The searched text: typed in Telex or VNI without a Vietnamese keyboard ("noong nghieepj"), read as Vietnamese. */
	private static String understood(SearchQuery query) {
		return TelexInput.understood(clean(query.q()));
	}

	/** The part of a query that is searched: normalised (NFC, no control characters), its first {@value #MAX_QUERY_CHARS} characters. */
	public static String clean(String q) {
		String text = TextNormalizer.normalize(q == null ? "" : q);
		if (text == null) {
			return "";
		}
		if (text.length() > MAX_QUERY_CHARS) {
			int cut = MAX_QUERY_CHARS;
			if (Character.isHighSurrogate(text.charAt(cut - 1))) {
				cut--;
			}
			text = text.substring(0, cut);
		}
		return text;
	}

	private static List<String> distinctLimited(List<String> tokens, int max) {
		// emoji and symbols come out of the tokenizer as tokens of their own, and a "word" of more than
		// 40 letters is no word: neither has to match
		return new LinkedHashSet<>(tokens).stream()
			.filter(t -> t.length() <= 40 && t.codePoints().anyMatch(Character::isLetterOrDigit)).limit(max).toList();
	}

	// --- similar ideas -----------------------------------------------------------------------

	/**
	 * Up to {@code limit} earlier ideas the caller may open that look like the text, most similar first,
	 * each with a similarity in 0..1 above the noise threshold. With {@code ideaId}, the idea itself and
	 * later ideas are left out, and reviewers' judgements on each pair are attached.
	 */
	public List<SimilarIdea> similar(Caller caller, String title, String description, Long ideaId, int limit) {
		return similarIdeas.find(caller, title, description, ideaId, limit);
	}

	// --- duplicate judgements ----------------------------------------------------------------

	/** Whether the caller may judge the idea's similar ideas: a reviewer, the office or an administrator over its unit. */
	public boolean canJudge(Caller caller, long unitId) {
		return units.find(unitId).map(u -> caller.can(u.path(), Role.REVIEWER, Role.OFFICE, Role.ADMIN)).orElse(false);
	}

	/**
	 * Records that idea {@code ideaId} duplicates the earlier idea {@code otherId}, or is distinct from it.
	 * Both ideas are kept; the judgement says who and when. Both must be readable by the caller.
	 */
	@Transactional
	public void judge(Caller caller, long ideaId, long otherId, SimilarIdea.Verdict verdict) {
		IdeaView idea = ideas.get(caller, ideaId);
		ideas.get(caller, otherId);
		if (!canJudge(caller, idea.unitId())) {
			throw new vn.ideabank.common.error.ForbiddenException();
		}
		if (ideaId == otherId || verdict == null) {
			throw new vn.ideabank.common.error.BusinessException("otherId", "search.error.badJudgement");
		}
		judgements.save(ideaId, otherId, verdict, caller.accountId(), caller.displayName());
	}
}
