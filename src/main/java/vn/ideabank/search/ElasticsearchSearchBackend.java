package vn.ideabank.search;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.hibernate.search.backend.elasticsearch.index.layout.IndexLayoutStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything specific to the OpenSearch/Elasticsearch backend ({@code ideabank.search.backend=elasticsearch}), the
 * counterpart of {@link LuceneSearchBackend}:
 * <ul>
 * <li>the three Vietnamese analyzers built only from what every OpenSearch ships (no {@code analysis-icu} plugin,
 * which is not on Maven Central): a {@code mapping} char filter composing decomposed letters (NFD → NFC), the
 * {@code standard} tokenizer, {@code lowercase}, {@code asciifolding} (every tone and vowel mark, đ → d) and a
 * 2-2 {@code shingle} (3-3 and {@code min_hash} for the sketch). They give the tokens of {@link VietnameseAnalysis} (ICU) on Vietnamese text, which
 * {@code OpenSearchAnalysisTests} checks against a running node;</li>
 * <li>{@link Layout}: the index and alias names, with a prefix (several applications, or test contexts, on one
 * cluster);</li>
 * <li>{@link ClusterStatistics}: document frequencies for the similarity, read from the cluster.</li>
 * </ul>
 */
public class ElasticsearchSearchBackend implements ElasticsearchAnalysisConfigurer {

	static final String NFC = "vi_nfc";

	static final String SHINGLE = "vi_shingle";

	static final String SHINGLE3 = "vi_shingle3";

	static final String MIN_HASH = "vi_min_hash";

	@Override
	public void configure(ElasticsearchAnalysisConfigurationContext context) {
		context.charFilter(NFC).type("mapping").param("mappings", nfcMappings().toArray(String[]::new));
		context.tokenFilter(SHINGLE).type("shingle").param("min_shingle_size", 2).param("max_shingle_size", 2)
			.param("output_unigrams", false);
		context.analyzer(VietnameseAnalysis.FOLDED).custom().tokenizer("standard").charFilters(NFC)
			.tokenFilters("lowercase", "asciifolding");
		context.analyzer(VietnameseAnalysis.EXACT).custom().tokenizer("standard").charFilters(NFC).tokenFilters("lowercase");
		context.analyzer(VietnameseAnalysis.BIGRAM).custom().tokenizer("standard").charFilters(NFC)
			.tokenFilters("lowercase", "asciifolding", SHINGLE);
		context.tokenFilter(SHINGLE3).type("shingle").param("min_shingle_size", 3).param("max_shingle_size", 3)
			.param("output_unigrams", false);
		context.tokenFilter(MIN_HASH).type("min_hash").param("hash_count", 1).param("bucket_count", VietnameseAnalysis.SKETCH_BUCKETS)
			.param("hash_set_size", 1).param("with_rotation", true);
		context.analyzer(VietnameseAnalysis.SKETCH).custom().tokenizer("standard").charFilters(NFC)
			.tokenFilters("lowercase", "asciifolding", SHINGLE3, MIN_HASH);
		context.normalizer(VietnameseAnalysis.KEYWORD).custom().tokenFilters("lowercase");
	}

	/**
	 * Rules of the {@code mapping} char filter that compose every decomposed Latin letter (Latin-1 Supplement,
	 * Extended-A and -B, Extended Additional: all of Vietnamese): "o\u0302\u0301" → "ố". The ICU filters of the
	 * Lucene side normalise by themselves; {@code asciifolding} knows only composed letters. The
	 * longest rule wins, so a letter with two marks is composed whole. Written with {@code \\uXXXX} escapes.
	 */
	static List<String> nfcMappings() {
		List<String> rules = new ArrayList<>();
		for (int[] range : new int[][] { { 0x00C0, 0x024F }, { 0x1E00, 0x1EFF } }) {
			for (int cp = range[0]; cp <= range[1]; cp++) {
				String composed = new String(Character.toChars(cp));
				String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
				if (!decomposed.equals(composed) && Normalizer.normalize(decomposed, Normalizer.Form.NFC).equals(composed)) {
					rules.add(escaped(decomposed) + " => " + escaped(composed));
				}
			}
		}
		return rules;
	}

	private static String escaped(String s) {
		StringBuilder b = new StringBuilder();
		s.chars().forEach(c -> b.append(String.format(Locale.ROOT, "\\u%04x", c)));
		return b.toString();
	}

	/**
	 * Index {@code idea} as {@code <prefix>idea-000001} with the aliases {@code <prefix>idea-write} and
	 * {@code <prefix>idea-read} (Hibernate Search's {@code simple} layout, prefixed).
	 */
	public record Layout(String prefix) implements IndexLayoutStrategy {

		@Override
		public String createInitialElasticsearchIndexName(String hibernateSearchIndexName) {
			return name(hibernateSearchIndexName) + "-000001";
		}

		@Override
		public String createWriteAlias(String hibernateSearchIndexName) {
			return name(hibernateSearchIndexName) + "-write";
		}

		@Override
		public String createReadAlias(String hibernateSearchIndexName) {
			return name(hibernateSearchIndexName) + "-read";
		}

		@Override
		public String extractUniqueKeyFromHibernateSearchIndexName(String hibernateSearchIndexName) {
			return name(hibernateSearchIndexName);
		}

		@Override
		public String extractUniqueKeyFromElasticsearchIndexName(String elasticsearchIndexName) {
			int dash = elasticsearchIndexName.lastIndexOf('-');
			return dash < 0 ? elasticsearchIndexName : elasticsearchIndexName.substring(0, dash);
		}

		String name(String hibernateSearchIndexName) {
			return (prefix + hibernateSearchIndexName).toLowerCase(Locale.ROOT);
		}
	}

	/** The cluster over HTTP, for the few requests Hibernate Search does not make (term statistics). */
	record Cluster(List<URI> hosts, String authorization, HttpClient http, JsonMapper json) {

		private static final Logger log = LoggerFactory.getLogger(Cluster.class);

		static Cluster of(String hosts, String protocol, String username, String password) {
			List<URI> uris = new ArrayList<>();
			for (String host : hosts.split(",")) {
				if (!host.isBlank()) {
					uris.add(URI.create(protocol + "://" + host.strip()));
				}
			}
			String auth = username == null || username.isBlank() ? null
					: "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
			return new Cluster(uris, auth, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
					JsonMapper.builder().build());
		}

		/** The answer of the first host that gives one (2xx), or empty when none does. */
		Optional<JsonNode> call(String method, String path, Object body) {
			for (URI host : hosts) {
				try {
					HttpRequest.Builder request = HttpRequest.newBuilder(host.resolve(path)).timeout(Duration.ofSeconds(10))
						.header("Content-Type", "application/json")
						.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
								: HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
					if (authorization != null) {
						request.header("Authorization", authorization);
					}
					HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
					if (response.statusCode() / 100 == 2) {
						return Optional.of(json.readTree(response.body()));
					}
					log.warn("Search cluster {} answered {} to {} {}: {}", host, response.statusCode(), method, path,
							response.body().length() > 500 ? response.body().substring(0, 500) : response.body());
				}
				catch (java.io.IOException | RuntimeException e) {
					log.warn("Search cluster {} did not answer {} {}: {}", host, method, path, e.toString());
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return Optional.empty();
				}
			}
			return Optional.empty();
		}
	}

	/**
	 * Document frequencies from the cluster: {@code _termvectors} of an artificial document holding the terms, with
	 * {@code term_statistics} (the term dictionary's {@code doc_freq}, read, not counted), up to
	 * {@value #TERMS_PER_REQUEST} terms a request; the number of documents from {@code _count}, asked at most every
	 * two seconds. Cached like {@link LuceneSearchBackend.DirectoryStatistics}: dropped when the index has grown or
	 * shrunk by 1 %. The statistics are those of the shard answering, exact with the index's one primary shard
	 * ({@code search/opensearch-index-settings.json}). A cluster that does not answer gives 0 (uniform IDF, the
	 * similarity still works, less sharply) and is asked again after {@value #RETRY_AFTER_MS} ms.
	 */
	static final class ClusterStatistics implements TermStatistics {

		private static final int MAX_CACHED_TERMS = 500_000;

		static final int TERMS_PER_REQUEST = 1000;

		static final long RETRY_AFTER_MS = 10_000;

		private final Cluster cluster;

		private final String index;

		private final Map<String, Long> cache = new ConcurrentHashMap<>();

		private long documents = -1;

		private long countedAt;

		private long cachedAtDocuments = -1;

		private volatile long failedAt;

		ClusterStatistics(Cluster cluster, String index) {
			this.cluster = cluster;
			this.index = index;
		}

		private boolean failingRecently() {
			return failedAt != 0 && System.currentTimeMillis() - failedAt < RETRY_AFTER_MS;
		}

		@Override
		public synchronized long documents() {
			long now = System.currentTimeMillis();
			if ((documents < 0 || now - countedAt > 2000) && !failingRecently()) {
				Optional<JsonNode> count = cluster.call("GET", "/" + index + "/_count", null);
				if (count.isEmpty()) {
					failedAt = now;
				}
				documents = count.map(n -> n.path("count").asLong(0)).orElse(Math.max(0, documents));
				countedAt = now;
				if (Math.abs(documents - cachedAtDocuments) >= Math.max(1, cachedAtDocuments / 100) || cache.size() > MAX_CACHED_TERMS) {
					cache.clear();
					cachedAtDocuments = documents;
				}
			}
			return Math.max(0, documents);
		}

		@Override
		public long documentFrequency(String field, String term) {
			documents();
			Long cached = cache.get(key(field, term));
			if (cached == null) {
				prefetch(field, List.of(term));
				cached = cache.get(key(field, term));
			}
			return cached == null ? 0 : cached;
		}

		@Override
		public void prefetch(String field, Collection<String> terms) {
			documents();
			List<String> missing = new ArrayList<>(new LinkedHashSet<>(terms));
			missing.removeIf(t -> cache.containsKey(key(field, t)));
			for (int from = 0; from < missing.size() && !failingRecently(); from += TERMS_PER_REQUEST) {
				List<String> chunk = missing.subList(from, Math.min(missing.size(), from + TERMS_PER_REQUEST));
				Map<String, Object> body = new LinkedHashMap<>();
				// an array: each value analysed on its own, so no shingle joins two terms
				body.put("doc", Map.of(field, chunk));
				body.put("fields", List.of(field));
				body.put("term_statistics", true);
				body.put("field_statistics", false);
				body.put("positions", false);
				body.put("offsets", false);
				body.put("payloads", false);
				Optional<JsonNode> answer = cluster.call("POST", "/" + index + "/_termvectors", body);
				if (answer.isEmpty()) {
					failedAt = System.currentTimeMillis();
					return;
				}
				JsonNode found = answer.get().path("term_vectors").path(field).path("terms");
				for (String term : chunk) {
					cache.put(key(field, term), found.path(term).path("doc_freq").asLong(0));
				}
			}
		}

		private static String key(String field, String term) {
			return field + '\u0000' + term;
		}
	}
}
