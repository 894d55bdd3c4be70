package vn.ideabank.search;

import java.util.ArrayList;
import java.util.List;

import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Roles;
import vn.ideabank.common.security.UnitScope;
import vn.ideabank.idea.IdeaStatus;

/**
 * The predicates of a search, in the shape that lets Lucene skip (docs/search.md, "Query"):
 * <ol>
 * <li>{@link #required}: the query's words on the one combined folded field {@code all_folded}, as a
 * conjunction (with a few words allowed missing in long queries) that leads with the rarest word;</li>
 * <li>{@link #ranking}: the clauses that only order (title words, exact diacritics, compound words), run by
 * the rescoring query over the best few hundred hits only;</li>
 * <li>fuzzy forms of the words only when the strict words find little ({@code fuzzy});</li>
 * <li>{@link #visibility}: a filter (not scored, cached by Lucene per segment), absent for whoever sees
 * every idea.</li>
 * </ol>
 */
final class IdeaQueries {

	/** Words at least this long may match with one letter wrong (first letter exact), in the fallback only. */
	static final int FUZZY_FROM_LETTERS = 5;

	private IdeaQueries() {
	}

	/**
	 * The words that must match ({@link SearchService#wordsRequired} of them) on {@code all_folded}, a phrase the
	 * thesaurus knows counting as one word ({@link QueryExpansion#required}); a query with a digit may instead be
	 * an idea code (×10).
	 */
	static SearchPredicate required(SearchPredicateFactory f, String q, QueryExpansion.Words query, boolean fuzzy) {
		var words = f.bool();
		for (String term : query.terms()) {
			var match = f.match().field("all_folded").matching(term);
			words.should(fuzzy && fuzzyWord(term) ? match.fuzzy(1, 1) : match);
		}
		query.groups().forEach(g -> words.should(QueryExpansion.required(f, g)));
		words.minimumShouldMatchNumber(SearchService.wordsRequired(query.count()));
		if (q.chars().noneMatch(Character::isDigit)) {
			return words.toPredicate();
		}
		return f.bool().should(words).should(f.match().field("code").matching(q.strip()).boost(10f)).toPredicate();
	}

	/** Whether any word would match differently in the fuzzy fallback. */
	static boolean anyFuzzyWord(List<String> terms) {
		return terms.stream().anyMatch(IdeaQueries::fuzzyWord);
	}

	/** Whether a word is matched with one letter wrong in the fuzzy fallback. */
	static boolean fuzzyWord(String term) {
		return term.length() >= FUZZY_FROM_LETTERS && term.chars().allMatch(Character::isLetter);
	}

	/**
	 * Clauses that only order the hits: each word in the title (×1.5; in the text it is scored by {@link #required}
	 * already), a thesaurus group's typed phrase in the title or the text; the query with its diacritics in the title and
	 * text ({@code all_exact}, ×3), its folded syllable pairs (×2, in the title ×2). So exact diacritics > compound
	 * words > folded words > other words for the same thing, and the title counts more than the text.
	 */
	static List<SearchPredicate> ranking(SearchPredicateFactory f, String q, QueryExpansion.Words query, boolean fuzzy) {
		List<SearchPredicate> out = new ArrayList<>();
		for (String term : query.terms()) {
			var match = f.match().field("title_folded").matching(term).boost(1.5f);
			out.add((fuzzy && fuzzyWord(term) ? match.fuzzy(1, 1) : match).toPredicate());
		}
		query.groups().forEach(g -> out.add(QueryExpansion.ranking(f, g)));
		out.add(f.match().field("all_exact").matching(q).boost(3f).toPredicate());
		List<String> terms = query.all();
		if (terms.size() > 1) {
			out.add(f.match().field("title_bigram").boost(2f).field("text_bigram").matching(String.join(" ", terms)).boost(2f)
				.toPredicate());
		}
		return out;
	}

	/** Whether the caller may open every idea (an administrator of the root): then no filter at all. */
	static boolean seesEverything(Caller caller) {
		return UnitScope.of(caller, Roles.STAFF).isEverything();
	}

	/**
	 * Ideas the caller may open (the idea module's {@code IdeaAccess.canRead}): their own, published ones,
	 * non-draft ideas of the subtrees where they are staff, drafts where they are officers. Each part is a
	 * query of its own, so Lucene's query cache keeps the parts every caller shares (the published ideas, a
	 * unit's subtree) as bit sets per segment.
	 */
	static SearchPredicate visibility(SearchPredicateFactory f, Caller caller) {
		if (seesEverything(caller)) {
			return f.matchAll().toPredicate(); // dropped by Lucene's rewrite next to any other clause
		}
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

	static List<SearchPredicate> filters(SearchPredicateFactory f, SearchQuery query, String unitPath) {
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
}
