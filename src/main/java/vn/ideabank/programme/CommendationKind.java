package vn.ideabank.programme;

/** Kind of recognition (tuyên dương, khen thưởng). */
public enum CommendationKind {
	COMMENDATION, REWARD;

	public String messageKey() {
		return "programme.commendation.kind." + name();
	}
}
