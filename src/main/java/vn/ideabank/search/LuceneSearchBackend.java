package vn.ideabank.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * Everything specific to the embedded Lucene backend, in one place: the analyzers registered with
 * Hibernate Search, and term statistics (document frequencies for the similarity's IDF) read from
 * the index directory. The Elasticsearch profile replaces this class (see docs/search.md).
 * <p>
 * Index layout: {@code <ideabank.search.index-dir>/idea}, one Lucene index, fields
 * {@code title}, {@code title_folded}, {@code title_bigram}, {@code text}, {@code text_folded},
 * {@code text_bigram}, {@code code}, {@code unitId}, {@code unitPath}, {@code year}, {@code status},
 * {@code kind}, {@code sectorField}, {@code targetGroup}, {@code publicOptOut}, {@code owner}.
 */
public class LuceneSearchBackend implements LuceneAnalysisConfigurer {

	static final String INDEX_NAME = "idea";

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		context.analyzer(VietnameseAnalysis.FOLDED).instance(VietnameseAnalysis.folded());
		context.analyzer(VietnameseAnalysis.EXACT).instance(VietnameseAnalysis.exact());
		context.analyzer(VietnameseAnalysis.BIGRAM).instance(VietnameseAnalysis.bigram());
		context.normalizer(VietnameseAnalysis.KEYWORD).custom().tokenFilter("lowercase");
	}

	/** Document frequencies from the committed index, re-read at most every two seconds. */
	static final class TermStatistics implements AutoCloseable {

		private final Path directory;

		private final ReentrantLock lock = new ReentrantLock();

		private DirectoryReader reader;

		private long openedAt;

		TermStatistics(Path indexRoot) {
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
				return reader;
			}
			finally {
				lock.unlock();
			}
		}

		/** How many live documents, and in how many of them each term occurs in the field. */
		long[] frequencies(String field, java.util.List<String> terms) {
			try {
				DirectoryReader r = reader();
				long[] out = new long[terms.size() + 1];
				if (r == null) {
					return out;
				}
				out[0] = r.numDocs();
				for (int i = 0; i < terms.size(); i++) {
					out[i + 1] = r.docFreq(new Term(field, terms.get(i)));
				}
				return out;
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		@Override
		public void close() throws IOException {
			lock.lock();
			try {
				if (reader != null) {
					reader.close();
					reader = null;
				}
			}
			finally {
				lock.unlock();
			}
		}
	}
}
