package vn.ideabank.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How alike two idea texts are, from 0 (nothing shared) to 1 (the same words): the cosine of their
 * TF-IDF vectors over folded syllables (very common ones dropped) and folded syllable bigrams. Folding
 * makes it hold when diacritics are dropped; the bag of words makes it hold when words are reordered;
 * the IDF weights make the shared rare words of a paraphrase count more than shared common ones.
 */
public final class SimilarityScorer {

	/** How many documents there are and in how many a term (a syllable, or "a b" for a bigram) occurs. */
	public interface Frequencies {

		long documents();

		long documentFrequency(String term);
	}

	/** Very common syllables (folded) that say nothing about an idea's subject. */
	static final Set<String> STOP = Set.of("va", "cua", "cac", "la", "co", "cho", "duoc", "trong", "voi", "de", "nhung", "mot", "nay", "da",
			"khong", "khi", "tu", "thi", "theo", "ve", "ra", "vao", "tren", "tai", "den", "hay", "hoac", "ma",
			"nen", "cung", "nhu", "rat", "do", "bi", "lai", "se", "viec", "nhieu", "hon", "dang", "van", "o",
			"moi", "su", "the", "qua", "neu", "phai", "nhat");

	private SimilarityScorer() {
	}

	/** Term counts of a text with the built-in thesaurus (see {@link #terms(String, Thesaurus)}). */
	public static Map<String, Integer> terms(String text) {
		return terms(text, Thesaurus.builtIn());
	}

	/**
	 * Term counts of a text: folded syllables (stop-list removed) and folded bigrams, after the thesaurus
	 * has replaced each synonym, loanword or abbreviation by its concept term; broader terms count as
	 * syllables too.
	 */
	public static Map<String, Integer> terms(String text, Thesaurus thesaurus) {
		List<String> folded = VietnameseAnalysis.foldedTokens(text);
		List<String> tokens;
		List<String> broader = List.of();
		if (thesaurus.isEmpty()) {
			tokens = folded.stream().filter(SimilarityScorer::isWord).toList();
		}
		else {
			List<String> exact = VietnameseAnalysis.exactTokens(text);
			List<String> e = new ArrayList<>(), f = new ArrayList<>();
			for (int i = 0; i < folded.size() && exact.size() == folded.size(); i++) {
				if (isWord(folded.get(i))) {
					e.add(exact.get(i));
					f.add(folded.get(i));
				}
			}
			if (exact.size() != folded.size()) {
				f = folded.stream().filter(SimilarityScorer::isWord).toList();
				e = f;
			}
			Thesaurus.Applied applied = thesaurus.apply(e, f);
			tokens = applied.tokens();
			broader = applied.broader();
		}
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (int i = 0; i < tokens.size(); i++) {
			String t = tokens.get(i);
			if (!STOP.contains(t) && !isNumber(t)) {
				counts.merge(t, 1, Integer::sum);
			}
			if (i > 0) {
				String prev = tokens.get(i - 1);
				if (!(STOP.contains(prev) && STOP.contains(t))) {
					counts.merge(prev + " " + t, 1, Integer::sum);
				}
			}
		}
		broader.forEach(b -> counts.merge(b, 1, Integer::sum));
		return counts;
	}

	private static boolean isWord(String t) {
		return t.codePoints().anyMatch(Character::isLetterOrDigit);
	}

	private static boolean isNumber(String t) {
		return !t.isEmpty() && t.chars().allMatch(Character::isDigit);
	}

	static double idf(long documents, long df) {
		return Math.log(1.0 + (documents + 1.0) / (df + 1.0));
	}

	/** The unit-length TF-IDF vector of a term count map. */
	public static Map<String, Double> vector(Map<String, Integer> terms, Frequencies frequencies) {
		Map<String, Double> v = new HashMap<>();
		long n = frequencies.documents();
		double norm = 0;
		for (var e : terms.entrySet()) {
			double w = (1 + Math.log(e.getValue())) * idf(n, frequencies.documentFrequency(e.getKey()));
			v.put(e.getKey(), w);
			norm += w * w;
		}
		if (norm > 0) {
			double len = Math.sqrt(norm);
			v.replaceAll((k, w) -> w / len);
		}
		return v;
	}

	public static double cosine(Map<String, Double> a, Map<String, Double> b) {
		if (a.size() > b.size()) {
			return cosine(b, a);
		}
		double dot = 0;
		for (var e : a.entrySet()) {
			Double w = b.get(e.getKey());
			if (w != null) {
				dot += e.getValue() * w;
			}
		}
		return Math.max(0, Math.min(1, dot));
	}

	public static double similarity(String a, String b, Frequencies frequencies) {
		return similarity(a, b, frequencies, Thesaurus.builtIn());
	}

	public static double similarity(String a, String b, Frequencies frequencies, Thesaurus thesaurus) {
		return cosine(vector(terms(a, thesaurus), frequencies), vector(terms(b, thesaurus), frequencies));
	}

	/** Document frequencies counted over a set of texts (for the labelled set and the vnPara benchmark). */
	public static Frequencies corpus(List<String> texts) {
		return corpus(texts, Thesaurus.builtIn());
	}

	public static Frequencies corpus(List<String> texts, Thesaurus thesaurus) {
		Map<String, Long> df = new HashMap<>();
		for (String text : texts) {
			for (String term : terms(text, thesaurus).keySet()) {
				df.merge(term, 1L, Long::sum);
			}
		}
		long n = texts.size();
		return new Frequencies() {
			@Override
			public long documents() {
				return n;
			}

			@Override
			public long documentFrequency(String term) {
				return df.getOrDefault(term, 0L);
			}
		};
	}

	/** The query terms most worth searching for: highest TF-IDF first. */
	static List<String> discriminative(Map<String, Integer> terms, Frequencies frequencies, int max) {
		List<Map.Entry<String, Double>> weighted = new ArrayList<>(vector(terms, frequencies).entrySet());
		weighted.sort(Map.Entry.<String, Double>comparingByValue().reversed());
		return weighted.stream().limit(max).map(Map.Entry::getKey).toList();
	}
}
