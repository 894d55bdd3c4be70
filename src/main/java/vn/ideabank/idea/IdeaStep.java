package vn.ideabank.idea;

/** What a person can do to an idea's status; {@link IdeaLifecycle} says from where, to where and who. */
public enum IdeaStep {
	SUBMIT, ENDORSE, START_REVIEW, ACCEPT, REQUEST_REVISION, REJECT, MARK_APPLIED, RECOGNISE, WITHDRAW;

	public String messageKey() {
		return "idea.step." + name();
	}
}
