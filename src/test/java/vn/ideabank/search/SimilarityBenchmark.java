package vn.ideabank.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Measures the similarity score on vnPara (Bach et al., KSE 2015: 3,083 Vietnamese sentence pairs
 * labelled paraphrase or not): ROC AUC of the score over the labelled pairs, and precision@1 (for the
 * first sentence of each paraphrase pair, is its partner the most similar of all second sentences?).
 * Run with {@code bin/similarity-benchmark} (reads {@code ../shared/data/vnpara} relative to the project
 * root when present); the directory is an argument, nothing reads it by default.
 */
public final class SimilarityBenchmark {

	private SimilarityBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/vnpara");
		if (!Files.isRegularFile(dir.resolve("Labels.txt"))) {
			System.out.println("vnPara not found at " + dir.toAbsolutePath().normalize()
					+ " (expects Sentences1.txt, Sentences2.txt, Labels.txt): nothing measured.");
			return;
		}
		List<String> s1 = Files.readAllLines(dir.resolve("Sentences1.txt"), StandardCharsets.UTF_8);
		List<String> s2 = Files.readAllLines(dir.resolve("Sentences2.txt"), StandardCharsets.UTF_8);
		List<String> labelLines = Files.readAllLines(dir.resolve("Labels.txt"), StandardCharsets.UTF_8);
		int n = Math.min(s1.size(), Math.min(s2.size(), labelLines.size()));
		long start = System.nanoTime();
		List<String> corpus = new ArrayList<>(s1.subList(0, n));
		corpus.addAll(s2.subList(0, n));
		SimilarityScorer.Frequencies df = SimilarityScorer.corpus(corpus);
		List<Map<String, Double>> v1 = new ArrayList<>();
		List<Map<String, Double>> v2 = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			v1.add(SimilarityScorer.vector(SimilarityScorer.terms(s1.get(i)), df));
			v2.add(SimilarityScorer.vector(SimilarityScorer.terms(s2.get(i)), df));
		}
		double[] scores = new double[n];
		boolean[] labels = new boolean[n];
		for (int i = 0; i < n; i++) {
			scores[i] = SimilarityScorer.cosine(v1.get(i), v2.get(i));
			labels[i] = labelLines.get(i).strip().equals("1");
		}
		int queries = 0, hits = 0;
		for (int i = 0; i < n; i++) {
			if (!labels[i]) {
				continue;
			}
			queries++;
			int best = -1;
			double bestScore = -1;
			for (int j = 0; j < n; j++) {
				double s = SimilarityScorer.cosine(v1.get(i), v2.get(j));
				if (s > bestScore) {
					bestScore = s;
					best = j;
				}
			}
			if (best == i) {
				hits++;
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("vnPara (%s): %d pairs, %d paraphrases%n", dir.toAbsolutePath().normalize(), n, queries);
		System.out.printf("ROC AUC of the similarity score: %.4f%n", rocAuc(scores, labels));
		System.out.printf("precision@1 (partner ranked first among %d candidates): %.4f%n", n, hits / (double) Math.max(1, queries));
		double threshold = 0.2;
		int tp = 0, fp = 0, pos = 0;
		for (int i = 0; i < n; i++) {
			pos += labels[i] ? 1 : 0;
			if (scores[i] >= threshold) {
				if (labels[i]) {
					tp++;
				}
				else {
					fp++;
				}
			}
		}
		System.out.printf("at the shown threshold %.2f: precision %.4f, recall %.4f%n", threshold, tp / (double) Math.max(1, tp + fp),
				tp / (double) Math.max(1, pos));
		System.out.printf("(%.1f s)%n", seconds);
	}

	/** Area under the ROC curve: the chance that a random positive scores above a random negative (ties count half). */
	public static double rocAuc(double[] scores, boolean[] labels) {
		Integer[] order = new Integer[scores.length];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
		double rankSumPositive = 0;
		long positives = 0;
		int i = 0;
		while (i < order.length) {
			int j = i;
			while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
				j++;
			}
			double averageRank = (i + j) / 2.0 + 1;
			for (int k = i; k <= j; k++) {
				if (labels[order[k]]) {
					rankSumPositive += averageRank;
					positives++;
				}
			}
			i = j + 1;
		}
		long negatives = scores.length - positives;
		if (positives == 0 || negatives == 0) {
			return Double.NaN;
		}
		return (rankSumPositive - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
	}
}
