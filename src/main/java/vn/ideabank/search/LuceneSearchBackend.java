package vn.ideabank.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * Everything specific to the embedded Lucene backend, in one place: the analyzers registered with
 * Hibernate Search, and term statistics (document frequencies for the similarity's IDF) read from
 * the index directory. {@link ElasticsearchSearchBackend} is its counterpart for a cluster (see docs/search.md);
 * {@link SearchBackendConfiguration} chooses between them.
 * <p>
 * Index layout: {@code <ideabank.search.index-dir>/idea}, one Lucene index, fields
 * {@code title_folded}, {@code title_bigram}, {@code text_folded}, {@code text_bigram}, {@code text_sketch},
 * {@code all_folded}, {@code all_exact}, {@code code}, {@code unitId}, {@code unitPath}, {@code year}, {@code status},
 * {@code kind}, {@code sectorField}, {@code targetGroup}, {@code publicOptOut}, {@code owner}.
 */
public class LuceneSearchBackend implements LuceneAnalysisConfigurer {

	static final String INDEX_NAME = "idea";

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		context.analyzer(VietnameseAnalysis.FOLDED).instance(VietnameseAnalysis.folded());
		context.analyzer(VietnameseAnalysis.EXACT).instance(VietnameseAnalysis.exact());
		context.analyzer(VietnameseAnalysis.BIGRAM).instance(VietnameseAnalysis.bigram());
		context.analyzer(VietnameseAnalysis.SKETCH).instance(VietnameseAnalysis.sketch());
		context.normalizer(VietnameseAnalysis.KEYWORD).custom().tokenFilter("lowercase");
	}

	/**
	 * Document frequencies from the committed index, re-read at most every two seconds. Frequencies are
	 * cached: a similar-ideas request looks up some thousand terms (its own and its candidates'), each a
	 * seek in every segment's term dictionary, and an IDF hardly moves while the index grows by less than
	 * one per cent, so the cache is dropped only then (or when it holds too many terms).
	 */
	static final class DirectoryStatistics implements TermStatistics {

		private static final int MAX_CACHED_TERMS = 500_000;

		private final Path directory;

		private final ReentrantLock lock = new ReentrantLock();

		private final Map<String, Long> cache = new ConcurrentHashMap<>();

		private DirectoryReader reader;

		private long openedAt;

		private long cachedAtDocuments = -1;

		DirectoryStatistics(Path indexRoot) {
			this.directory = indexRoot.resolve(INDEX_NAME);
		}

		private DirectoryReader reader() throws IOException {
			lock.lock();
			try {
				long now = System.currentTimeMillis();
				if (reader == null) {
					if (!Files.isDirectory(directory)) {
						return null;
					}
					try (var dir = FSDirectory.open(directory)) {
						if (!DirectoryReader.indexExists(dir)) {
							return null;
						}
					}
					reader = DirectoryReader.open(FSDirectory.open(directory));
					openedAt = now;
				}
				else if (now - openedAt > 2000) {
					DirectoryReader changed = DirectoryReader.openIfChanged(reader);
					if (changed != null) {
						reader.close();
						reader = changed;
					}
					openedAt = now;
				}
				long documents = reader.numDocs();
				if (Math.abs(documents - cachedAtDocuments) >= Math.max(1, cachedAtDocuments / 100)
						|| cache.size() > MAX_CACHED_TERMS) {
					cache.clear();
					cachedAtDocuments = documents;
				}
				return reader;
			}
			finally {
				lock.unlock();
			}
		}

		/** How many live documents the index has (0 before it exists). */
		@Override
		public long documents() {
			try {
				DirectoryReader r = reader();
				return r == null ? 0 : r.numDocs();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		/** In how many documents the term occurs in the field. */
		@Override
		public long documentFrequency(String field, String term) {
			try {
				DirectoryReader r = reader();
				if (r == null) {
					return 0;
				}
				Long cached = cache.get(field + '\u0000' + term);
				if (cached != null) {
					return cached;
				}
				long df = r.docFreq(new Term(field, term));
				cache.put(field + '\u0000' + term, df);
				return df;
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		@Override
		public void close() {
			lock.lock();
			try {
				if (reader != null) {
					reader.close();
					reader = null;
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			finally {
				lock.unlock();
			}
		}
	}
}
