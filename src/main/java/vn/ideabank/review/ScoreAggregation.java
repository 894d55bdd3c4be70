package vn.ideabank.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scoring arithmetic of evaluations and contest rounds, pure and free of storage (see
 * docs/evaluation.md for the formulas with a worked example).
 * <ol>
 * <li>A reviewer's <b>total</b> for one subject (idea, entry) is the weighted mean of the criterion
 * scores, each first placed on 0–1 inside its own scale, expressed in points out of 100:
 * {@code total = 100 · Σ wᵢ·(sᵢ − minᵢ)/(maxᵢ − minᵢ) / Σ wᵢ}.</li>
 * <li>Optional <b>normalisation</b> per reviewer: each total becomes its z-score among that reviewer's
 * totals, rescaled to the mean μ and standard deviation σ of all totals of the evaluation and
 * clamped to 0–100: {@code t' = μ + σ·(t − μᵣ)/σᵣ}. A reviewer with one total or with equal totals
 * (σᵣ = 0) keeps only the shift: {@code t' = t − μᵣ + μ}. Population standard deviations.</li>
 * <li>The <b>aggregate</b> of a subject is the mean of its (normalised) totals; the <b>spread</b> is
 * max − min of them; a spread above the threshold is <b>flagged</b> as a disagreement.</li>
 * </ol>
 */
public final class ScoreAggregation {

	/** The top of the points scale of totals and aggregates. */
	public static final double MAX_POINTS = 100.0;

	/** One criterion as the arithmetic needs it. */
	public record Criterion(String code, double weight, int min, int max) {

		public Criterion {
			if (!(weight > 0) || max <= min) {
				throw new IllegalArgumentException("criterion " + code + ": weight > 0 and max > min needed");
			}
		}
	}

	/** One reviewer's total for one subject. */
	public record Sheet(long reviewerId, long subjectId, double total) {
	}

	/** The outcome for one subject. */
	public record Result(long subjectId, int sheets, double aggregate, double spread, boolean flagged) {
	}

	private ScoreAggregation() {
	}

	/** Whether a score lies inside the criterion's scale (both ends included). */
	public static boolean inScale(Criterion criterion, int score) {
		return score >= criterion.min() && score <= criterion.max();
	}

	/**
	 * The weighted total (0–100) of one reviewer's scores for one subject.
	 * @throws IllegalArgumentException when a criterion has no score or a score is outside its scale
	 */
	public static double total(List<Criterion> criteria, Map<String, Integer> scores) {
		if (criteria.isEmpty()) {
			throw new IllegalArgumentException("no criteria");
		}
		double weighted = 0;
		double weights = 0;
		for (Criterion c : criteria) {
			Integer s = scores.get(c.code());
			if (s == null || !inScale(c, s)) {
				throw new IllegalArgumentException("criterion " + c.code() + ": score missing or outside the scale");
			}
			weighted += c.weight() * (s - c.min()) / (c.max() - c.min());
			weights += c.weight();
		}
		return MAX_POINTS * weighted / weights;
	}

	/** The totals after per-reviewer normalisation, in the order of the input. */
	public static List<Sheet> normalise(List<Sheet> sheets) {
		if (sheets.isEmpty()) {
			return List.of();
		}
		double mu = mean(sheets.stream().mapToDouble(Sheet::total).toArray());
		double sigma = sd(sheets.stream().mapToDouble(Sheet::total).toArray(), mu);
		Map<Long, double[]> byReviewer = new LinkedHashMap<>();
		for (Sheet s : sheets) {
			byReviewer.computeIfAbsent(s.reviewerId(), r -> sheets.stream().filter(x -> x.reviewerId() == r)
				.mapToDouble(Sheet::total).toArray());
		}
		List<Sheet> result = new ArrayList<>(sheets.size());
		for (Sheet s : sheets) {
			double[] own = byReviewer.get(s.reviewerId());
			double muR = mean(own);
			double sigmaR = sd(own, muR);
			double t = sigmaR > 1e-9 ? mu + sigma * (s.total() - muR) / sigmaR : s.total() - muR + mu;
			result.add(new Sheet(s.reviewerId(), s.subjectId(), Math.max(0, Math.min(MAX_POINTS, t))));
		}
		return result;
	}

	/**
	 * The aggregate of every subject, in the order subjects first appear.
	 * @param threshold a spread strictly above it is flagged
	 */
	public static List<Result> aggregate(List<Sheet> sheets, boolean normalise, double threshold) {
		List<Sheet> used = normalise ? normalise(sheets) : sheets;
		Map<Long, List<Double>> bySubject = new LinkedHashMap<>();
		for (Sheet s : used) {
			bySubject.computeIfAbsent(s.subjectId(), k -> new ArrayList<>()).add(s.total());
		}
		List<Result> results = new ArrayList<>(bySubject.size());
		bySubject.forEach((subject, totals) -> {
			double[] t = totals.stream().mapToDouble(Double::doubleValue).toArray();
			double spread = totals.stream().mapToDouble(Double::doubleValue).max().orElse(0)
					- totals.stream().mapToDouble(Double::doubleValue).min().orElse(0);
			results.add(new Result(subject, t.length, mean(t), spread, spread > threshold));
		});
		return results;
	}

	private static double mean(double[] values) {
		double sum = 0;
		for (double v : values) {
			sum += v;
		}
		return values.length == 0 ? 0 : sum / values.length;
	}

	private static double sd(double[] values, double mean) {
		if (values.length < 2) {
			return 0;
		}
		double sum = 0;
		for (double v : values) {
			sum += (v - mean) * (v - mean);
		}
		return Math.sqrt(sum / values.length);
	}
}
