package vn.ideabank.review;

import java.math.BigDecimal;
import java.util.List;

/** One version of a rubric with its criteria, as scoring uses it. Versions never change. */
public record RubricView(long rubricId, long versionId, String name, int number, List<CriterionView> criteria) {

	public RubricView {
		criteria = List.copyOf(criteria);
	}

	public record CriterionView(String code, String name, String description, BigDecimal weight, int min, int max) {
	}

	/** The criteria as {@link ScoreAggregation} takes them. */
	public List<ScoreAggregation.Criterion> forAggregation() {
		return criteria.stream()
			.map(c -> new ScoreAggregation.Criterion(c.code(), c.weight().doubleValue(), c.min(), c.max()))
			.toList();
	}

	public String label() {
		return name + " (v" + number + ")";
	}
}
