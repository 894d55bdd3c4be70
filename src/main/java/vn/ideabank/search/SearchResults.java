package vn.ideabank.search;

import java.util.List;

/**
 * A page of hits and how many there are: exactly when {@code totalExact}, otherwise at least
 * {@code totalElements} (see {@link SearchService#EXACT_TOTAL_UP_TO}). Facet counts are asked apart
 * ({@link SearchService#facets}).
 */
public record SearchResults(List<SearchHit> content, long totalElements, boolean totalExact, int page, int size) {
}
