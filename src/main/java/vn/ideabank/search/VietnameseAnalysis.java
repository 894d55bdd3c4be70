package vn.ideabank.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.minhash.MinHashFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The Vietnamese analysis of the idea index, as plain Lucene analyzers so the same set-up serves
 * Hibernate Search (through {@link LuceneSearchBackend}) and a raw Lucene query on the same index
 * directory (the benchmark's floor).
 * <ul>
 * <li>{@link #FOLDED}: Unicode word boundaries ({@code StandardTokenizer}, UAX #29: one token per
 * syllable, as the OpenSearch side cuts them), case folded, every tone and vowel mark removed and đ → d
 * ({@code ICUFoldingFilter}'s folding, remembered per syllable: {@link RememberedFolding}): "Nông nghiệp" →
 * nong, nghiep. ICU's tokenizer cut the same tokens on every Vietnamese text tried and cost a fifth of the index
 * build (docs/search.md, "Analysis").</li>
 * <li>{@link #EXACT}: the same syllables, case folded, diacritics kept (NFKC_Casefold): ranks
 * exact-diacritic matches first.</li>
 * <li>{@link #BIGRAM}: folded syllable pairs ("nong nghiep", "nghiep cong"...), so compound words
 * match as units.</li>
 * <li>{@link #SKETCH}: a MinHash sketch of the folded three-syllable shingles ({@value #SKETCH_BUCKETS}
 * tokens, one per bucket): two texts share about as many tokens as the Jaccard similarity of their
 * shingle sets times {@value #SKETCH_BUCKETS}, so near-copies of one text can be found among thousands
 * of ideas written from the same template (see docs/search.md "Candidates").</li>
 * </ul>
 */
public final class VietnameseAnalysis {

	public static final String FOLDED = "vi_folded";

	public static final String EXACT = "vi_exact";

	public static final String BIGRAM = "vi_bigram";

	public static final String SKETCH = "vi_sketch";

	/** Tokens of a text's MinHash sketch (one per bucket, empty buckets filled from their neighbours). */
	public static final int SKETCH_BUCKETS = 64;

	/** Normalizer for keyword fields compared without case (idea codes). */
	public static final String KEYWORD = "vi_keyword";

	private VietnameseAnalysis() {
	}

	public static Analyzer folded() {
		return new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer source = new StandardTokenizer();
				return new TokenStreamComponents(source, new RememberedFolding(source));
			}

			@Override
			protected TokenStream normalize(String fieldName, TokenStream in) {
				return new RememberedFolding(in);
			}
		};
	}

	public static Analyzer exact() {
		return new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer source = new StandardTokenizer();
				return new TokenStreamComponents(source, new ICUNormalizer2Filter(source));
			}

			@Override
			protected TokenStream normalize(String fieldName, TokenStream in) {
				return new ICUNormalizer2Filter(in);
			}
		};
	}

	public static Analyzer bigram() {
		return new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer source = new StandardTokenizer();
				ShingleFilter shingles = new ShingleFilter(new RememberedFolding(source), 2, 2);
				shingles.setOutputUnigrams(false);
				return new TokenStreamComponents(source, shingles);
			}
		};
	}

	public static Analyzer sketch() {
		return new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer source = new StandardTokenizer();
				ShingleFilter shingles = new ShingleFilter(new RememberedFolding(source), 3, 3);
				shingles.setOutputUnigrams(false);
				return new TokenStreamComponents(source, new MinHashFilter(shingles, 1, SKETCH_BUCKETS, 1, true));
			}
		};
	}

	/**
	 * ICU's folding of a token ({@code ICUFoldingFilter}: UTR #30, case folded, marks removed, đ → d), remembered: texts
	 * repeat their syllables and Vietnamese has some thousands, so each is folded by ICU once per JVM and looked up after
	 * (ICU's normaliser was two fifths of highlighting a page of hits, and runs on six fields of every idea indexed).
	 * The same tokens as {@code ICUFoldingFilter}: {@code VietnameseAnalysisTests} compares them.
	 */
	static final class RememberedFolding extends TokenFilter {

		/** Past this many distinct tokens, new ones are folded and not kept (the memory stays a few megabytes). */
		static final int MAX_REMEMBERED = 50_000;

		private static final Map<String, String> FOLDED = new ConcurrentHashMap<>();

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		RememberedFolding(TokenStream input) {
			super(input);
		}

		@Override
		public boolean incrementToken() throws IOException {
			if (!input.incrementToken()) {
				return false;
			}
			if (!lowerCaseAsciiLettersAndDigits()) {
				String token = term.toString();
				String folded = FOLDED.get(token);
				if (folded == null) {
					folded = ICUFoldingFilter.NORMALIZER.normalize(token);
					if (FOLDED.size() < MAX_REMEMBERED) {
						FOLDED.put(token, folded);
					}
				}
				term.setEmpty().append(folded);
			}
			return true;
		}

		/** What folding leaves as it is, so it needs no look-up. */
		private boolean lowerCaseAsciiLettersAndDigits() {
			char[] chars = term.buffer();
			for (int i = 0; i < term.length(); i++) {
				char c = chars[i];
				if ((c < 'a' || c > 'z') && (c < '0' || c > '9')) {
					return false;
				}
			}
			return true;
		}
	}

	/** The tokens an analyzer makes of a text (for building queries and similarity vectors). */
	public static List<String> tokens(Analyzer analyzer, String text) {
		List<String> out = new ArrayList<>();
		if (text == null || text.isEmpty()) {
			return out;
		}
		try (TokenStream stream = analyzer.tokenStream("f", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				out.add(term.toString());
			}
			stream.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out;
	}

	private static final Analyzer SHARED_FOLDED = folded();

	private static final Analyzer SHARED_EXACT = exact();

	private static final Analyzer SHARED_SKETCH = sketch();

	/** The distinct tokens of a text's MinHash sketch; none for a text of fewer than three syllables. */
	public static List<String> sketchTokens(String text) {
		return tokens(SHARED_SKETCH, text).stream().distinct().toList();
	}

	/** Syllables of a text, case folded, diacritics kept: "Nông nghiệp" → [nông, nghiệp]. */
	public static List<String> exactTokens(String text) {
		return tokens(SHARED_EXACT, text);
	}

	/** Folded syllables of a text: "Nông nghiệp" → [nong, nghiep]. */
	public static List<String> foldedTokens(String text) {
		return tokens(SHARED_FOLDED, text);
	}
}
