package vn.ideabank.member;

/** The nine target groups (đối tượng) of the plan; activities and contests are aimed at them. */
public enum TargetGroup {
	PUPIL, STUDENT, YOUNG_OFFICIAL, RURAL_YOUTH, URBAN_YOUTH, YOUNG_WORKER, ARMED_FORCES, ENTREPRENEUR, CHILDREN;

	public String messageKey() {
		return "member.targetGroup." + name();
	}
}
