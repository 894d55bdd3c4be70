package vn.ideabank.search;

import java.util.List;

/**
 * A page of hits and how many there are: exactly when {@code totalExact}, otherwise at least
 * {@code totalElements} (see {@link SearchService#EXACT_TOTAL_UP_TO}). Facet counts are asked apart
 * ({@link SearchService#facets}). {@code alsoSearched}: the other ways of saying the query's words that the
 * thesaurus added (empty when none), shown as "Đã tìm cả: …".
 */
public record SearchResults(List<SearchHit> content, long totalElements, boolean totalExact, int page, int size,
		List<String> alsoSearched) {

	public SearchResults(List<SearchHit> content, long totalElements, boolean totalExact, int page, int size) {
		this(content, totalElements, totalExact, page, size, List.of());
	}

	SearchResults alsoSearching(List<String> phrases) {
		return new SearchResults(content, totalElements, totalExact, page, size, phrases);
	}
}
