package vn.ideabank.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.ideabank.review.ScoreAggregation.Criterion;
import vn.ideabank.review.ScoreAggregation.Result;
import vn.ideabank.review.ScoreAggregation.Sheet;

/** The worked examples of docs/evaluation.md, computed by hand. */
class ScoreAggregationTests {

	static final List<Criterion> CRITERIA = List.of(new Criterion("A", 3, 0, 10), new Criterion("B", 1, 1, 5));

	// r1 scored ideas 1, 2 with 80, 60; r2 scored them 70, 30
	static final List<Sheet> SHEETS = List.of(new Sheet(1, 1, 80), new Sheet(1, 2, 60), new Sheet(2, 1, 70),
			new Sheet(2, 2, 30));

	@Test
	void totalIsTheWeightedMeanOfScoresPlacedInTheirScales() {
		// A: 8/10 = 0.8, B: (3-1)/(5-1) = 0.5 → 100·(3·0.8 + 1·0.5)/4 = 72.5
		assertThat(ScoreAggregation.total(CRITERIA, Map.of("A", 8, "B", 3))).isCloseTo(72.5, within(1e-9));
		assertThat(ScoreAggregation.total(CRITERIA, Map.of("A", 10, "B", 5))).isCloseTo(100, within(1e-9));
		assertThat(ScoreAggregation.total(CRITERIA, Map.of("A", 0, "B", 1))).isZero();
	}

	@Test
	void scoresOutsideTheScaleOrMissingAreRefused() {
		assertThatThrownBy(() -> ScoreAggregation.total(CRITERIA, Map.of("A", 11, "B", 3)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> ScoreAggregation.total(CRITERIA, Map.of("A", 5, "B", 0)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> ScoreAggregation.total(CRITERIA, Map.of("A", 5)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void withoutNormalisationTheAggregateIsTheMeanAndWideSpreadsAreFlagged() {
		List<Result> results = ScoreAggregation.aggregate(SHEETS, false, 20);
		assertThat(results).hasSize(2);
		assertThat(results.get(0).aggregate()).isCloseTo(75, within(1e-9));
		assertThat(results.get(0).spread()).isCloseTo(10, within(1e-9));
		assertThat(results.get(0).flagged()).isFalse();
		assertThat(results.get(1).aggregate()).isCloseTo(45, within(1e-9));
		assertThat(results.get(1).spread()).isCloseTo(30, within(1e-9));
		assertThat(results.get(1).flagged()).isTrue();
	}

	@Test
	void normalisationRemovesEachReviewersOwnLevelAndRange() {
		// all totals: μ = 60, σ = √350 ≈ 18.7083; r1: μ=70 σ=10; r2: μ=50 σ=20 → z = ±1 for both
		double sigma = Math.sqrt(350);
		List<Result> results = ScoreAggregation.aggregate(SHEETS, true, 20);
		assertThat(results.get(0).aggregate()).isCloseTo(60 + sigma, within(1e-9));
		assertThat(results.get(0).aggregate()).isCloseTo(78.7083, within(1e-4));
		assertThat(results.get(1).aggregate()).isCloseTo(60 - sigma, within(1e-9));
		assertThat(results.get(1).spread()).isCloseTo(0, within(1e-9));
		assertThat(results.get(1).flagged()).isFalse();
	}

	@Test
	void aReviewerWithEqualTotalsIsOnlyShifted() {
		// r3 gave 90 to both: μ(all of r1, r2, r3) = (240 + 180) / 6 = 70; r3's μ = 90 → both become 70
		var sheets = new java.util.ArrayList<>(SHEETS);
		sheets.add(new Sheet(3, 1, 90));
		sheets.add(new Sheet(3, 2, 90));
		List<Sheet> normalised = ScoreAggregation.normalise(sheets);
		assertThat(normalised.get(4).total()).isCloseTo(70, within(1e-9));
		assertThat(normalised.get(5).total()).isCloseTo(70, within(1e-9));
	}

	@Test
	void normalisedTotalsStayOnTheScale() {
		var sheets = List.of(new Sheet(1, 1, 100), new Sheet(1, 2, 0), new Sheet(1, 3, 0), new Sheet(1, 4, 0),
				new Sheet(2, 1, 100), new Sheet(2, 2, 100), new Sheet(2, 3, 100), new Sheet(2, 4, 0));
		assertThat(ScoreAggregation.normalise(sheets)).allSatisfy(s -> assertThat(s.total()).isBetween(0.0, 100.0));
	}
}
