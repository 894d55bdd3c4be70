package vn.ideabank.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Holds a floor on the quality of the similarity score over a labelled set of idea pairs written in the
 * style of real submissions (src/test/resources/search/labelled-pairs.tsv): the same idea reworded
 * (often without diacritics, words reordered), the same topic but a different idea, unrelated ideas.
 */
class SimilarityQualityTests {

	record Pair(boolean same, String kind, String a, String b) {
	}

	static List<Pair> pairs() throws IOException {
		List<Pair> out = new ArrayList<>();
		try (InputStream in = SimilarityQualityTests.class.getResourceAsStream("/search/labelled-pairs.tsv")) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.isBlank() || line.startsWith("#") || line.startsWith("label")) {
					continue;
				}
				String[] f = line.split("\t");
				out.add(new Pair(f[0].equals("1"), f[1], f[2], f[3]));
			}
		}
		return out;
	}

	@Test
	void theLabelledSetHasAllThreeKinds() throws IOException {
		List<Pair> pairs = pairs();
		assertThat(pairs).hasSizeGreaterThanOrEqualTo(30);
		assertThat(pairs).extracting(Pair::kind).contains("SAME", "TOPIC", "OTHER");
	}

	@Test
	void precisionAndRecallAtTheShownThresholdStayAboveTheirFloors() throws IOException {
		List<Pair> pairs = pairs();
		List<String> corpus = new ArrayList<>();
		pairs.forEach(p -> {
			corpus.add(p.a());
			corpus.add(p.b());
		});
		SimilarityScorer.Frequencies df = SimilarityScorer.corpus(corpus);
		double threshold = SimilarIdea.Level.SLIGHT.from; // ideabank.search.similar.min-similarity
		int tp = 0, fp = 0, fn = 0;
		double[] scores = new double[pairs.size()];
		boolean[] labels = new boolean[pairs.size()];
		for (int i = 0; i < pairs.size(); i++) {
			Pair p = pairs.get(i);
			double s = SimilarityScorer.similarity(p.a(), p.b(), df);
			scores[i] = s;
			labels[i] = p.same();
			boolean shown = s >= threshold;
			if (shown && p.same()) {
				tp++;
			}
			else if (shown) {
				fp++;
			}
			else if (p.same()) {
				fn++;
			}
		}
		double precision = tp / (double) Math.max(1, tp + fp);
		double recall = tp / (double) Math.max(1, tp + fn);
		double auc = SimilarityBenchmark.rocAuc(scores, labels);
		System.out.printf("labelled set: %d pairs, precision %.3f, recall %.3f at %.2f, ROC AUC %.3f%n", pairs.size(), precision,
				recall, threshold, auc);
		assertThat(precision).isGreaterThanOrEqualTo(0.85);
		assertThat(recall).isGreaterThanOrEqualTo(0.75);
		assertThat(auc).isGreaterThanOrEqualTo(0.9);
	}

	@Test
	void similarityIgnoresDiacriticsAndWordOrder() {
		SimilarityScorer.Frequencies none = SimilarityScorer.corpus(List.of());
		String a = "Nông nghiệp công nghệ cao cho rau sạch";
		assertThat(SimilarityScorer.similarity(a, "Nong nghiep cong nghe cao cho rau sach", none)).isGreaterThan(0.99);
		assertThat(SimilarityScorer.similarity(a, "rau sạch cho nông nghiệp công nghệ cao", none)).isGreaterThan(0.6);
		assertThat(SimilarityScorer.similarity(a, "Lớp học bơi cho thiếu nhi", none)).isZero();
	}
}
