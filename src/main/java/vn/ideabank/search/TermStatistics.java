package vn.ideabank.search;

import java.util.Collection;

/**
 * Document frequencies for the similarity's IDF, read from wherever the index lives: the node's Lucene
 * directory ({@link LuceneSearchBackend.DirectoryStatistics}) or the cluster
 * ({@link ElasticsearchSearchBackend.ClusterStatistics}). Both cache what they read.
 */
interface TermStatistics extends AutoCloseable {

	/** How many documents the index has (0 before it exists). */
	long documents();

	/** In how many documents the term occurs in the field. */
	long documentFrequency(String field, String term);

	/**
	 * Looks up many terms of one field at once (one request to a cluster), so that {@link #documentFrequency}
	 * then finds them cached. A local index needs nothing.
	 */
	default void prefetch(String field, Collection<String> terms) {
	}

	@Override
	default void close() {
	}
}
