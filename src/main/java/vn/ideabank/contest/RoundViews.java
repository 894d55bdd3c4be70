package vn.ideabank.contest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the round pages show. */
public final class RoundViews {

	private RoundViews() {
	}

	/** Draft (being set up) → open (judges score while today is inside its dates) → closed (read-only). */
	public enum RoundStatus {
		DRAFT, OPEN, CLOSED;

		public String messageKey() {
			return "contest.round.status." + name();
		}
	}

	/** How entries go on to the next round when a round closes. */
	public enum Advancement {
		/** The entries placed in the top N (ties on the first three ranking criteria share a place and all go on). */
		TOP_N,
		/** The entries whose aggregate (to two decimals) is at least the cut-off. */
		CUT_OFF,
		/** None: the final round. */
		NONE;

		public String messageKey() {
			return "contest.round.advancement." + name();
		}
	}

	public record RoundView(long id, long contestId, int number, String name, long rubricVersionId, LocalDate opensOn,
			LocalDate closesOn, boolean normalise, BigDecimal threshold, RoundStatus status, Advancement advancement,
			BigDecimal advanceValue, Instant closedAt, long version) {

		public boolean open() {
			return status == RoundStatus.OPEN;
		}

		/** Whether judges may score today (Vietnam date): open, and today inside its dates. */
		public boolean scoringOn(LocalDate today) {
			return open() && !today.isBefore(opensOn) && !today.isAfter(closesOn);
		}
	}

	public record JudgeView(long accountId, String displayName, String homeUnitPath) {
	}

	/** An entry of a round as pages show it. */
	public record EntryView(long nominationId, String ideaCode, String ideaTitle, String authors, String unitName,
			boolean advanced) {
	}

	/** One round the caller judges, with how much of it they have scored. */
	public record JudgeTask(long roundId, long contestId, String contestName, int number, String roundName,
			RoundStatus status, LocalDate opensOn, LocalDate closesOn, int entries, int scored) {
	}

	/** An entry on the judge's list: scorable unless in conflict; own total when scored. */
	public record JudgeEntry(EntryView entry, boolean conflict, BigDecimal total) {
	}

	/** A judge's scores for one entry (empty values when not scored yet). */
	public record ScoreView(Map<String, Integer> values, String comment, BigDecimal total, long version) {
	}

	/** One save of a score: who, when, old → new. */
	public record ScoreHistoryView(Instant at, String actorName, String oldValues, BigDecimal oldTotal, String newValues,
			BigDecimal newTotal) {
	}

	/** A judge's total for an entry in the result table; null when not scored, conflict when kept off it. */
	public record JudgeTotal(long judgeId, String displayName, BigDecimal total, boolean conflict) {
	}

	/**
	 * One line of a round's result table: the entry, its place by {@link Ranking} (own, and shared among
	 * entries equal on the first three criteria), aggregate, spread, disagreement flag, each judge's total,
	 * whether it advanced, and the award proposed from the ranking (final round, when asked).
	 */
	public record ResultLine(int place, int sharedPlace, EntryView entry, int sheets, BigDecimal aggregate,
			BigDecimal spread, boolean flagged, BigDecimal firstCriterion, BigDecimal minJudgeScore,
			List<JudgeTotal> judges, AwardTier proposed) {
	}
}
