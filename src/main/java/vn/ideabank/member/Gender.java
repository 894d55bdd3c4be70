package vn.ideabank.member;

public enum Gender {
	MALE, FEMALE, OTHER;

	public String messageKey() {
		return "member.gender." + name();
	}
}
