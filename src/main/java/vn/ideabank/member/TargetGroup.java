package vn.ideabank.member;

/**
 * The nine target groups (đối tượng) of the plan; activities and contests are aimed at them.
 * Audiences of people, not quotas: unrelated to the {@code quota} module (yearly targets).
 */
public enum TargetGroup {
	PUPIL, STUDENT, YOUNG_OFFICIAL, RURAL_YOUTH, URBAN_YOUTH, YOUNG_WORKER, ARMED_FORCES, ENTREPRENEUR, CHILDREN;

	public String messageKey() {
		return "member.targetGroup." + name();
	}
}
