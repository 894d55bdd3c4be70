package vn.ideabank.search;

import java.nio.file.Path;
import java.util.Optional;

import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Chooses the index backend by {@code ideabank.search.backend} ({@code IDEABANK_SEARCH_BACKEND}): {@code lucene}
 * (the default: an embedded index under the data directory, nothing to install) or {@code elasticsearch} (an
 * OpenSearch 2.x or Elasticsearch cluster at {@code ideabank.search.elasticsearch.hosts}, shared by every app
 * node). Both backends are on the class path; only the chosen one is started. Sets Hibernate Search's backend
 * properties accordingly and provides the {@link SearchBackend} the module's services use.
 */
@Configuration(proxyBeanMethods = false)
class SearchBackendConfiguration {

	private static final String HS = "hibernate.search.backend.";

	/** The index's one primary shard: exact term statistics for the similarity (docs/search.md, "OpenSearch"). */
	static final String INDEX_SETTINGS = "search/opensearch-index-settings.json";

	static String backend(Environment env) {
		String backend = env.getProperty("ideabank.search.backend", SearchBackend.LUCENE).strip().toLowerCase(java.util.Locale.ROOT);
		if (backend.equals("opensearch")) {
			return SearchBackend.ELASTICSEARCH;
		}
		if (!backend.equals(SearchBackend.LUCENE) && !backend.equals(SearchBackend.ELASTICSEARCH)) {
			throw new IllegalStateException("ideabank.search.backend must be lucene or elasticsearch, not " + backend);
		}
		return backend;
	}

	private ElasticsearchSearchBackend.Layout layout;

	private String indexDir;

	/**
	 * Read once, for Hibernate Search's directory and the term statistics alike (the tests' directory name is random:
	 * read twice, it named two directories, and the statistics read an empty one).
	 */
	synchronized String indexDir(Environment env) {
		if (indexDir == null) {
			indexDir = env.getRequiredProperty("ideabank.search.index-dir");
		}
		return indexDir;
	}

	/** Read once: the Hibernate Search properties and the statistics must name the same index (a prefix may be random). */
	synchronized ElasticsearchSearchBackend.Layout layout(Environment env) {
		if (layout == null) {
			layout = new ElasticsearchSearchBackend.Layout(env.getProperty("ideabank.search.elasticsearch.index-prefix", "ideabank-"));
		}
		return layout;
	}

	@Bean
	HibernatePropertiesCustomizer searchBackendProperties(Environment env) {
		String backend = backend(env);
		return properties -> {
			if (backend.equals(SearchBackend.LUCENE)) {
				properties.put(HS + "type", "lucene");
				properties.put(HS + "directory.root", indexDir(env));
				return;
			}
			properties.put(HS + "type", "elasticsearch");
			properties.remove(HS + "directory.root");
			properties.remove(HS + "io.commit_interval");
			properties.put(HS + "analysis.configurer", "class:" + ElasticsearchSearchBackend.class.getName());
			properties.put(HS + "hosts", env.getProperty("ideabank.search.elasticsearch.hosts", "localhost:9200"));
			properties.put(HS + "protocol", env.getProperty("ideabank.search.elasticsearch.protocol", "http"));
			String username = env.getProperty("ideabank.search.elasticsearch.username");
			if (StringUtils.hasText(username)) {
				properties.put(HS + "username", username);
				properties.put(HS + "password", env.getProperty("ideabank.search.elasticsearch.password", ""));
			}
			properties.put(HS + "version", env.getProperty("ideabank.search.elasticsearch.version", "opensearch:2.19"));
			properties.put(HS + "layout.strategy", layout(env));
			properties.put(HS + "schema_management.settings_file", INDEX_SETTINGS);
			// an indexing plan without its own strategy (none in the app; tests that purge by hand) is searchable at once
			properties.put("hibernate.search.indexing.plan.synchronization.strategy", "sync");
		};
	}

	@Bean
	SearchBackend searchBackend(Environment env) {
		if (backend(env).equals(SearchBackend.LUCENE)) {
			return new Local(new LuceneSearchBackend.DirectoryStatistics(Path.of(indexDir(env))));
		}
		ElasticsearchSearchBackend.Layout layout = layout(env);
		ElasticsearchSearchBackend.Cluster cluster = ElasticsearchSearchBackend.Cluster.of(
				env.getProperty("ideabank.search.elasticsearch.hosts", "localhost:9200"),
				env.getProperty("ideabank.search.elasticsearch.protocol", "http"),
				env.getProperty("ideabank.search.elasticsearch.username"), env.getProperty("ideabank.search.elasticsearch.password"));
		return new Shared(layout, new ElasticsearchSearchBackend.ClusterStatistics(cluster,
				layout.createReadAlias(LuceneSearchBackend.INDEX_NAME)));
	}

	/** Each node its own Lucene directory. */
	record Local(TermStatistics statistics) implements SearchBackend, AutoCloseable {

		@Override
		public Optional<String> sharedIndex() {
			return Optional.empty();
		}

		@Override
		public IndexingPlanSynchronizationStrategy changeLogWrites() {
			return IndexingPlanSynchronizationStrategy.writeSync();
		}

		@Override
		public void close() {
			statistics.close();
		}
	}

	/** One cluster index for every node. */
	record Shared(ElasticsearchSearchBackend.Layout layout, TermStatistics statistics) implements SearchBackend, AutoCloseable {

		@Override
		public Optional<String> sharedIndex() {
			return Optional.of(layout.name(LuceneSearchBackend.INDEX_NAME));
		}

		@Override
		public IndexingPlanSynchronizationStrategy changeLogWrites() {
			return IndexingPlanSynchronizationStrategy.sync(); // durable and refreshed: found by the next search
		}

		@Override
		public void close() {
			statistics.close();
		}
	}
}
