package vn.ideabank.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import vn.ideabank.common.error.BusinessException;

/**
 * One version of a rubric with its criteria, as scoring uses it. A version used by a score never changes.
 * {@code unitPath} is the unit whose office wrote it ({@code null}: system-wide, the seeded default).
 */
public record RubricView(long rubricId, long versionId, String name, int number, List<CriterionView> criteria,
		Long unitId, String unitPath, Instant createdAt) {

	public RubricView {
		criteria = List.copyOf(criteria);
	}

	public record CriterionView(String code, String name, String description, BigDecimal weight, int min, int max) {
	}

	/** A rubric as the list shows it: its newest version, how many versions, whether the caller may edit it. */
	public record Summary(RubricView latest, String unitName, int versions, boolean editable) {
	}

	/** A rubric with every version (newest first), each marked used when a score was given with it. */
	public record Details(long rubricId, String name, Long unitId, String unitName, long version, boolean editable,
			List<VersionView> versions) {
	}

	public record VersionView(RubricView rubric, boolean used) {
	}

	/** The criteria as {@link ScoreAggregation} takes them. */
	public List<ScoreAggregation.Criterion> forAggregation() {
		return criteria.stream()
			.map(c -> new ScoreAggregation.Criterion(c.code(), c.weight().doubleValue(), c.min(), c.max()))
			.toList();
	}

	/** Scores by criterion name, in the rubric's order: "Tính mới: 9; Tính khả thi: 8". */
	public String describe(Map<String, Integer> values) {
		return criteria.stream().filter(c -> values.containsKey(c.code()))
			.map(c -> c.name() + ": " + values.get(c.code())).collect(Collectors.joining("; "));
	}

	/**
	 * A score history line stored as codes ({@code NOVELTY=9; BENEFIT=8}) with each code replaced by its criterion's
	 * name; a code this version does not know is left as it is, and so is a line in another form.
	 */
	public String named(String stored) {
		if (stored == null || stored.isBlank()) {
			return stored;
		}
		Map<String, String> names = new LinkedHashMap<>();
		criteria.forEach(c -> names.put(c.code(), c.name()));
		return java.util.Arrays.stream(stored.split(";\\s*")).map(part -> {
			int eq = part.indexOf('=');
			if (eq < 0) {
				return part;
			}
			String code = part.substring(0, eq).strip();
			return names.getOrDefault(code, code) + ": " + part.substring(eq + 1).strip();
		}).collect(Collectors.joining("; "));
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
