package vn.ideabank.search;

/**
 * What the start-up check saw, and its verdict. The counts are taken while the outbox and any rebuild
 * are held back ({@link IndexLock}), the two database counts in one statement: so every idea the index
 * lacks, or still holds after its deletion, has a row waiting in the outbox, and a healthy index differs
 * from the database by at most the number of ideas with rows waiting. Requests served during the check
 * (writes in flight) are such rows; they are not staleness.
 *
 * @param indexed documents in the index
 * @param inDatabase ideas in the database
 * @param pendingIdeas distinct ideas with rows waiting in the outbox (same snapshot as {@code inDatabase})
 * @param stamp what the index's state file says, null when it has none (an index built before it existed)
 * @param currentMapping the fingerprint of today's mapping
 * @param logLost rows of the change log this node had not read were pruned (it was away longer than the live
 *        window, or its cursor was lost): the counts cannot tell what it missed
 */
record IndexCheck(long indexed, long inDatabase, long pendingIdeas, IndexState.Stamp stamp, String currentMapping,
		boolean logLost) {

	IndexCheck(long indexed, long inDatabase, long pendingIdeas, IndexState.Stamp stamp, String currentMapping) {
		this(indexed, inDatabase, pendingIdeas, stamp, currentMapping, false);
	}

	enum Verdict {
		/** The index holds every idea; only changes waiting in the outbox are missing. */
		CURRENT(false),
		/** No documents although ideas exist that the outbox does not account for. */
		EMPTY(true),
		/** A rebuild was under way when the application stopped or crashed. */
		INTERRUPTED(true),
		/** Built with another mapping or analysis. */
		OLD_MAPPING(true),
		/** Changes this node had not read were pruned from the log (docs/search.md, "Several nodes"). */
		LOG_PRUNED(true),
		/** Ideas are missing (or deleted ideas remain) beyond what the outbox still has to do. */
		BEHIND(true);

		private final boolean rebuild;

		Verdict(boolean rebuild) {
			this.rebuild = rebuild;
		}

		boolean rebuild() {
			return rebuild;
		}
	}

	Verdict verdict() {
		boolean explainedByOutbox = Math.abs(inDatabase - indexed) <= pendingIdeas;
		if (indexed == 0 && !explainedByOutbox) {
			return Verdict.EMPTY;
		}
		if (stamp != null && stamp.rebuilding()) {
			return Verdict.INTERRUPTED;
		}
		if (stamp != null && stamp.mapping() != null && !stamp.mapping().equals(currentMapping)) {
			return Verdict.OLD_MAPPING;
		}
		if (logLost) {
			return Verdict.LOG_PRUNED;
		}
		return explainedByOutbox ? Verdict.CURRENT : Verdict.BEHIND;
	}
}
