package vn.ideabank.contest;

/** An entry with its public votes: counted ones, and flagged ones (new accounts, same-IP bursts) kept apart. */
public record VoteTally(long nominationId, String ideaTitle, String authors, String unitName, long counted, long flagged,
		boolean votedByCaller) {
}
