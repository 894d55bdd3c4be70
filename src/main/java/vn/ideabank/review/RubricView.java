package vn.ideabank.review;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.ideabank.common.error.BusinessException;

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

	/**
	 * The scores typed into a score form (fields {@code v_<code>}) as numbers, blanks left out; what was
	 * typed goes into {@code typed} so a refused form shows it again.
	 * @throws BusinessException on field {@code values[<code>]} with {@code outOfScaleKey} (criterion name, min,
	 * max) when a value is not a whole number
	 */
	public Map<String, Integer> readScores(Map<String, String> form, Map<String, String> typed, String outOfScaleKey) {
		Map<String, Integer> values = new LinkedHashMap<>();
		for (CriterionView c : criteria) {
			String raw = form.getOrDefault("v_" + c.code(), "").strip();
			typed.put(c.code(), raw);
			if (!raw.isEmpty()) {
				try {
					values.put(c.code(), Integer.parseInt(raw));
				}
				catch (NumberFormatException e) {
					throw new BusinessException("values[" + c.code() + "]", outOfScaleKey, c.name(), c.min(), c.max());
				}
			}
		}
		return values;
	}

	public String label() {
		return name + " (v" + number + ")";
	}
}
