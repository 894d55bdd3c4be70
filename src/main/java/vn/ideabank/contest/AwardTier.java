package vn.ideabank.contest;

/** Award tiers in their order of precedence; CUSTOM carries a name given by the organiser. */
public enum AwardTier {
	FIRST, SECOND, THIRD, CONSOLATION, CUSTOM;

	public String messageKey() {
		return "contest.award." + name();
	}
}
