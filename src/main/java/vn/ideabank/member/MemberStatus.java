package vn.ideabank.member;

/** Đoàn viên (union member), thanh niên (youth, not a member), thiếu nhi (children, Pioneers). */
public enum MemberStatus {
	UNION_MEMBER, YOUTH, CHILD;

	public String messageKey() {
		return "member.status." + name();
	}
}
