package vn.ideabank.programme;

/** Kind of club. */
public enum ClubKind {
	SCIENCE_LOVERS, YOUNG_CREATORS, YOUTH_STARTUP, SCIENTIFIC_RESEARCH, OTHER;

	public String messageKey() {
		return "programme.club.kind." + name();
	}
}
