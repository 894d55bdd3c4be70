package vn.ideabank.review;

import java.math.BigDecimal;
import java.util.List;

/** Commands on rubrics. */
public final class RubricCommands {

	private RubricCommands() {
	}

	public record CriterionInput(String code, String name, String description, BigDecimal weight, int min, int max) {
	}

	/** A new rubric, or a new version of an existing one (same name, next number). */
	public record SaveRubric(String name, List<CriterionInput> criteria) {
	}
}
