package vn.ideabank.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.mapper.orm.session.SearchSession;

/**
 * The marked passages of one page of hits, asked by a query of their own: the page's ids and the query's words
 * on the two shown fields, nothing else. The unified highlighter matches its whole query again for every hit and
 * field; asked inside the rescoring query, every clause on another field (the 200 ids, {@code all_folded}, the
 * exact and pair fields) was a look-up in the term dictionary of the whole index each time, and highlighting
 * was half of a search's CPU (docs/performance.md, "Where a search's time goes").
 */
final class SearchHighlights {

	private SearchHighlights() {
	}

	/**
	 * Each hit row ({@code [id, code, title, unitId, year, status, score]}) followed by its title's marked
	 * passage and its text's two best marked sentences (empty lists where a word matched only a label or the
	 * unit's name).
	 */
	static List<List<?>> added(SearchSession session, List<? extends List<?>> rows, QueryExpansion.Words terms, boolean fuzzy) {
		List<Long> ids = rows.stream().map(r -> (Long) r.get(0)).toList();
		Map<Long, List<?>> marks = new HashMap<>();
		if (!ids.isEmpty()) {
			session.search(session.scope(Object.class, SearchIndexing.ENTITY))
				.select(f -> f.composite()
					.from(f.id(Long.class), f.highlight("title_folded").highlighter("title"), f.highlight("text_folded"))
					.asList())
				.where(f -> f.bool().filter(f.id().matchingAny(ids)).must(IdeaQueries.wordsInTitleOrText(f, terms, fuzzy)))
				.highlighter(h -> h.unified().encoder(HighlighterEncoder.HTML).tag("<mark>", "</mark>")
					.numberOfFragments(2)) // passages are sentences (the unified highlighter's boundary)
				// the HTML encoder comes from the default highlighter: OpenSearch takes an encoder only for the whole query
				.highlighter("title", h -> h.unified().tag("<mark>", "</mark>").numberOfFragments(1))
				.fetchHits(ids.size())
				.forEach(m -> marks.put((Long) m.get(0), m.subList(1, 3)));
		}
		List<List<?>> out = new ArrayList<>();
		for (List<?> row : rows) {
			List<Object> marked = new ArrayList<>(row);
			marked.addAll(marks.getOrDefault((Long) row.get(0), List.of(List.of(), List.of())));
			out.add(marked);
		}
		return out;
	}
}
