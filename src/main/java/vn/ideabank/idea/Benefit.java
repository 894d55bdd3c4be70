package vn.ideabank.idea;

/** What an idea brings (several allowed), the plan's second criterion. */
public enum Benefit {
	PRODUCTIVITY, EFFICIENCY, SAVING, LOWER_COST, CONVENIENCE, ENVIRONMENT_FRIENDLY, OTHER;

	public String messageKey() {
		return "idea.benefit." + name();
	}
}
