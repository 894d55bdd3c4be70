package vn.ideabank.member;

/** Filters of the roster list and export; every one optional. {@code name} matches without case or diacritics. */
public record MemberFilter(String name, TargetGroup targetGroup, MemberStatus status, Long unitId) {

	public static MemberFilter none() {
		return new MemberFilter(null, null, null, null);
	}
}
