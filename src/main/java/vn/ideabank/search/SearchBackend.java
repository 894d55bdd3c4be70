package vn.ideabank.search;

import java.util.Optional;

import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;

/**
 * What differs between the two index backends, chosen by {@code ideabank.search.backend} ({@code lucene}, the
 * embedded default, or {@code elasticsearch} for OpenSearch/Elasticsearch): everything else of the module (the
 * queries, facets, highlights, similar ideas, the change log, the rebuild) is written once against Hibernate
 * Search's backend-neutral DSL. One step runs differently on the embedded index: a search's rescoring, in the first
 * pass's own Lucene searcher ({@link LuceneRescoring}) rather than as a second query by ids. See
 * {@link SearchBackendConfiguration} and docs/search.md.
 */
interface SearchBackend {

	String LUCENE = "lucene";

	String ELASTICSEARCH = "elasticsearch";

	/**
	 * The name of the index all app nodes share (a cluster index), or empty when each node has its own (Lucene).
	 * A shared index has one change-log cursor and one state for all nodes; a node's own index, one each.
	 */
	Optional<String> sharedIndex();

	/**
	 * Whether this node searches a Lucene index of its own (the embedded default): then the steps written in raw
	 * Lucene run (a search's rescoring in one searcher, the near-copy sketch pass of similar ideas).
	 */
	default boolean ownLuceneIndex() {
		return sharedIndex().isEmpty();
	}

	/** Document frequencies for the similarity. */
	TermStatistics statistics();

	/**
	 * How the change log's batches are written: durable before the cursor moves, and visible to searches at once
	 * (the Lucene backend re-opens its reader on the next search by itself; a cluster must be asked to refresh).
	 */
	IndexingPlanSynchronizationStrategy changeLogWrites();
}
