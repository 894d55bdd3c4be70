package vn.ideabank.contest;

/** Notification hooks of the contest module. */
public final class ContestEvents {

	private ContestEvents() {
	}

	/** Nominations opened: the units that may nominate (the organiser's active children) hear of it. */
	public record ContestOpened(long contestId, long unitId, String name, java.time.LocalDate nominationCloses,
			java.util.List<Long> audienceUnitIds) {
	}

	/** Nominations of an open contest close in a few days (published once per contest by the reminder job). */
	public record NominationsClosingSoon(long contestId, String name, java.time.LocalDate nominationCloses,
			java.util.List<Long> audienceUnitIds) {
	}

	public record EntryNominated(long contestId, long nominationId, long ideaId, long unitId) {
	}

	/** Results are public; the units that nominated entries hear of it. */
	public record ResultsPublished(long contestId, long unitId, String name, java.util.List<Long> nominatingUnitIds) {
	}

	/** A judge was added to a round of a contest: they have its entries to score. */
	public record JudgeAssigned(long accountId, long contestId, long roundId, String contestName, String roundName) {
	}
}
