package vn.ideabank.contest;

/** Notification hooks of the contest module. */
public final class ContestEvents {

	private ContestEvents() {
	}

	public record ContestOpened(long contestId, long unitId) {
	}

	public record EntryNominated(long contestId, long nominationId, long ideaId, long unitId) {
	}

	public record ResultsPublished(long contestId, long unitId) {
	}

	/** A judge was added to a round of a contest: they have its entries to score. */
	public record JudgeAssigned(long accountId, long contestId, long roundId, String contestName, String roundName) {
	}
}
