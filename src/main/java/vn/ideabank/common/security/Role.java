package vn.ideabank.common.security;

/** A role is always held at a unit and covers that unit's whole subtree. */
public enum Role {
	ADMIN, OFFICE, UNIT_OFFICER, REVIEWER, JUDGE, MEMBER;

	/** Message key of the role's display name. */
	public String messageKey() {
		return "role." + name();
	}
}
