package vn.ideabank.contest;

/** Draft → open for nominations → judging → results published; each step only forward. */
public enum ContestStatus {
	DRAFT, OPEN, JUDGING, PUBLISHED;

	/** The status a step leads to from this one, or null when there is none. */
	public ContestStatus next() {
		return this == PUBLISHED ? null : values()[ordinal() + 1];
	}

	public String messageKey() {
		return "contest.status." + name();
	}
}
