package vn.ideabank.review;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import vn.ideabank.review.ReviewViews.Decision;

/** Commands of the evaluation. */
public final class ReviewCommands {

	private ReviewCommands() {
	}

	public record CreateCouncil(long unitId, String name, int year, long rubricVersionId, boolean blind,
			boolean normalise, BigDecimal threshold, int perIdea) {
	}

	/** Scores per criterion code, and the reviewer's comment; {@code version} of the score row (0 when new). */
	public record Score(Map<String, Integer> values, String comment, long version) {
	}

	public record Decide(Decision decision, String reason, long version) {
	}

	public record AddMembers(List<String> usernames) {
	}
}
