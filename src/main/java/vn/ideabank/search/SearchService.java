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
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Role;
import vn.ideabank.common.security.Roles;
import vn.ideabank.common.security.UnitScope;
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

	SearchService(EntityManager em, UnitService units, IdeaService ideas, JudgementStore judgements, SimilarIdeas similarIdeas) {
		this.em = em;
		this.units = units;
		this.ideas = ideas;
		this.judgements = judgements;
		this.similarIdeas = similarIdeas;
	}

	// --- search ------------------------------------------------------------------------------

	public SearchResults search(Caller caller, SearchQuery query, int page, int size) {
		String q = clean(query.q());
		List<String> terms = distinctLimited(VietnameseAnalysis.foldedTokens(q), MAX_QUERY_TERMS);
		String unitPath = unitPath(query);
		SearchSession session = Search.session(em);
		SearchResult<List<?>> result = session.search(session.scope(Object.class, SearchIndexing.ENTITY))
			.select(f -> f.composite()
				.from(f.id(Long.class), f.field("code", String.class), f.field("title_folded", String.class),
						f.field("unitId", Long.class), f.field("year", Integer.class),
						f.field("status", String.class, ValueModel.INDEX), f.score())
				.asList())
			.where(f -> matching(f, caller, query, unitPath, q, terms, true))
			// by relevance alone: a second key (the year) would keep Lucene from skipping the many ideas whose
			// score ties the twentieth best; an empty query lists the newest years first
			.sort(f -> terms.isEmpty() ? f.field("year").desc().then().score() : f.score())
			.totalHitCountThreshold(EXACT_TOTAL_UP_TO)
			.fetch(page * size, size);

		Map<Long, UnitView> unitViews = units.findAll(result.hits().stream().map(h -> (Long) h.get(3)).collect(Collectors.toSet()));
		Map<Long, List<?>> highlights = highlights(session, result.hits().stream().map(h -> (Long) h.get(0)).toList(), terms);
		List<SearchHit> hits = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		for (List<?> h : result.hits()) {
			if (!seen.add((Long) h.get(0))) {
				continue; // a second document of one idea (see highlights) is shown once
			}
			List<?> hl = highlights.getOrDefault((Long) h.get(0), List.of(0L, List.of(), List.of()));
			@SuppressWarnings("unchecked")
			List<String> titleHl = (List<String>) hl.get(1);
			@SuppressWarnings("unchecked")
			List<String> textHl = (List<String>) hl.get(2);
			long unitId = (Long) h.get(3);
			UnitView unit = unitViews.get(unitId);
			hits.add(new SearchHit((Long) h.get(0), (String) h.get(1), (String) h.get(2), unitId,
					unit == null ? "" : unit.name(), (Integer) h.get(4), IdeaStatus.valueOf((String) h.get(5)),
					h.get(6) == null ? 0f : (Float) h.get(6), titleHl.isEmpty() ? null : titleHl.get(0), textHl));
		}
		return new SearchResults(hits, result.total().hitCountLowerBound(), result.total().isHitCountExact(), page, size);
	}

	/**
	 * How many of the ideas a search finds have each value of the filters (year, status, kind, field,
	 * target group, unit), at most 30 values each. Asked apart from the hits: counting visits every
	 * match, which costs far more than finding the best twenty, so pages show the hits first and the
	 * counts when they arrive.
	 */
	public Map<String, Map<String, Long>> facets(Caller caller, SearchQuery query) {
		String q = clean(query.q());
		List<String> terms = distinctLimited(VietnameseAnalysis.foldedTokens(q), MAX_QUERY_TERMS);
		String unitPath = unitPath(query);
		SearchSession session = Search.session(em);
		Map<String, AggregationKey<Map<Object, Long>>> keys = new LinkedHashMap<>();
		FACETS.forEach(name -> keys.put(name, AggregationKey.of(name)));
		var step = session.search(session.scope(Object.class, SearchIndexing.ENTITY))
			.where(f -> matching(f, caller, query, unitPath, q, terms, false));
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

	/** The ideas a search finds: the caller's visibility and the filters, then the words ({@code ranked} adds the clauses that only order them). */
	private static PredicateFinalStep matching(SearchPredicateFactory f, Caller caller, SearchQuery query, String unitPath, String q,
			List<String> terms, boolean ranked) {
		var all = f.bool();
		all.filter(visibility(f, caller));
		filters(f, query, unitPath).forEach(all::filter);
		if (terms.isEmpty()) {
			all.must(f.matchAll());
		}
		else {
			all.must(textMatch(f, q, terms));
			if (ranked) {
				all.should(f.match().field("title").boost(2f).field("text").matching(q).boost(3f));
				if (terms.size() > 1) {
					all.should(f.match().field("title_bigram").boost(2f).field("text_bigram")
						.matching(String.join(" ", terms)).boost(2f));
				}
			}
		}
		return all;
	}

	/**
	 * Highlights of one page of hits, by idea id, from a second query over just those ids that matches
	 * the folded syllables exactly. Highlighting inside the main query made the fast-vector highlighter
	 * rewrite every fuzzy clause again for each hit and field: a third of a search's CPU (JFR). A typo
	 * that matched only fuzzily is therefore found but not marked.
	 */
	private static Map<Long, List<?>> highlights(SearchSession session, List<Long> ids, List<String> terms) {
		if (ids.isEmpty() || terms.isEmpty()) {
			return Map.of();
		}
		return session.search(session.scope(Object.class, SearchIndexing.ENTITY))
			.select(f -> f.composite()
				.from(f.id(Long.class), f.highlight("title_folded").highlighter("title"), f.highlight("text_folded"))
				.asList())
			.where(f -> f.bool().filter(f.id().matchingAny(ids))
				.should(f.match().field("title_folded").field("text_folded").matching(String.join(" ", terms))))
			.highlighter(h -> h.fastVector().encoder(HighlighterEncoder.HTML).tag("<mark>", "</mark>").fragmentSize(160)
				.numberOfFragments(2))
			.highlighter("title", h -> h.fastVector().encoder(HighlighterEncoder.HTML).tag("<mark>", "</mark>")
				.numberOfFragments(1).fragmentSize(400))
			.fetchHits(ids.size())
			.stream()
			// one entry per idea even if the index ever held two documents for one (it must not: every write
			// is an update by id), so a search never fails on the index's state
			.collect(Collectors.toMap(h -> (Long) h.get(0), h -> h, (first, second) -> first));
	}

	/** Unit names of the unit facet's values. */
	public Map<Long, String> unitNames(Collection<Long> ids) {
		return units.findAll(ids).values().stream().collect(Collectors.toMap(UnitView::id, UnitView::name));
	}

	/**
	 * The words that must match: all of them in a query of up to three words, all but one in up to six,
	 * four in five beyond (see {@link #wordsRequired}); typos of one letter forgiven on words of five
	 * letters or more. A query that contains a digit may also be an idea code.
	 */
	private static SearchPredicate textMatch(SearchPredicateFactory f, String q, List<String> terms) {
		var words = f.bool();
		for (String term : terms) {
			var match = f.match().field("title_folded").boost(1.5f).field("text_folded").matching(term);
			if (term.length() >= 5 && term.chars().allMatch(Character::isLetter)) {
				match = match.fuzzy(1, 1);
			}
			words.should(match);
		}
		words.minimumShouldMatchNumber(wordsRequired(terms.size()));
		if (q.chars().noneMatch(Character::isDigit)) {
			return words.toPredicate();
		}
		return f.bool().should(words).should(f.match().field("code").matching(q.strip()).boost(10f)).toPredicate();
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

	private static List<SearchPredicate> filters(SearchPredicateFactory f, SearchQuery query, String unitPath) {
		List<SearchPredicate> out = new ArrayList<>();
		if (unitPath != null) {
			out.add(f.prefix().field("unitPath").matching(unitPath).toPredicate());
		}
		if (query.year() != null) {
			out.add(f.match().field("year").matching(query.year()).toPredicate());
		}
		if (query.status() != null) {
			out.add(f.match().field("status").matching(query.status()).toPredicate());
		}
		if (query.kind() != null) {
			out.add(f.match().field("kind").matching(query.kind()).toPredicate());
		}
		if (query.field() != null) {
			out.add(f.match().field("sectorField").matching(query.field()).toPredicate());
		}
		if (query.targetGroup() != null) {
			out.add(f.match().field("targetGroup").matching(query.targetGroup()).toPredicate());
		}
		return out;
	}

	/**
	 * Ideas the caller may open (the idea module's {@code IdeaAccess.canRead}): their own, published
	 * ones, non-draft ideas of the subtrees where they are staff, drafts where they are officers.
	 */
	static SearchPredicate visibility(SearchPredicateFactory f, Caller caller) {
		var any = f.bool();
		any.should(f.match().field("owner").matching(caller.accountId()));
		any.should(f.bool().must(f.terms().field("status").matchingAny(IdeaStatus.PUBLIC))
			.mustNot(f.match().field("publicOptOut").matching(true)));
		UnitScope officers = UnitScope.of(caller, Roles.STAFF);
		UnitScope readers = UnitScope.of(caller, Roles.STAFF_AND_ASSESSORS);
		if (!officers.isNothing()) {
			any.should(inScope(f, officers));
		}
		if (!readers.isNothing() && !readers.equals(officers)) {
			any.should(f.bool().must(inScope(f, readers)).mustNot(f.match().field("status").matching(IdeaStatus.DRAFT)));
		}
		return any.toPredicate();
	}

	/** The scope as index prefixes (in the index a path is a keyword: nothing is a wildcard). */
	private static SearchPredicate inScope(SearchPredicateFactory f, UnitScope scope) {
		if (scope.isEverything()) {
			return f.matchAll().toPredicate();
		}
		var any = f.bool();
		scope.prefixes().forEach(p -> any.should(f.prefix().field("unitPath").matching(p)));
		return any.toPredicate();
	}

	static String clean(String q) {
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
