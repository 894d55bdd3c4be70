package vn.ideabank.contest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import vn.ideabank.contest.RoundViews.Advancement;

/** Commands of judging rounds. */
public final class RoundCommands {

	private RoundCommands() {
	}

	/** Creates or edits a round (editing only while it is a draft). {@code threshold}: spread that flags a disagreement. */
	public record SaveRound(String name, long rubricVersionId, LocalDate opensOn, LocalDate closesOn, boolean normalise,
			BigDecimal threshold) {
	}

	/** Closes a round, advancing its top {@code value} entries, those scoring at least {@code value}, or none. */
	public record CloseRound(Advancement advancement, BigDecimal value, long version) {
	}

	/** A judge's scores per criterion code with a comment; {@code version} of the score row (0 when new). */
	public record JudgeScore(Map<String, Integer> values, String comment, long version) {
	}

	/** How many awards of each tier to propose from the final ranking (e.g. 1 Nhất, 2 Nhì, 3 Ba, 5 Khuyến khích). */
	public record AwardCounts(int first, int second, int third, int consolation) {

		public static AwardCounts usual() {
			return new AwardCounts(1, 2, 3, 5);
		}

		int total() {
			return first + second + third + consolation;
		}
	}
}
