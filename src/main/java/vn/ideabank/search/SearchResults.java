package vn.ideabank.search;

import java.util.List;
import java.util.Map;

/** A page of hits, the counts per filter value over all hits (facets), and the total. */
public record SearchResults(List<SearchHit> content, Map<String, Map<String, Long>> facets, long totalElements, int page,
		int size) {
}
