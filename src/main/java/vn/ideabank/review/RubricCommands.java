package vn.ideabank.review;

import java.math.BigDecimal;
import java.util.List;

/** Commands on rubrics. */
public final class RubricCommands {

	private RubricCommands() {
	}

	/**
	 * One criterion. {@code code} is the key scores are stored under; left blank, the next free {@code C1, C2, …} is
	 * given. {@code weight} is a share of 100 (the weights of a rubric sum to 100).
	 */
	public record CriterionInput(String code, String name, String description, BigDecimal weight, int min, int max) {
	}

	/** A rubric's name and criteria: a new rubric, its next version, or a correction of an unused version. */
	public record SaveRubric(String name, List<CriterionInput> criteria) {
	}
}
