package vn.ideabank.programme;

/** Level of the body that decided it. */
public enum CommendationLevel {
	CENTRAL, PROVINCE, DISTRICT, GRASSROOTS;

	public String messageKey() {
		return "programme.commendation.level." + name();
	}
}
