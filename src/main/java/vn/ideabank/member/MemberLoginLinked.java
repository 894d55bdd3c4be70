package vn.ideabank.member;

/** A roster member got a login; records that name the member (idea authors) can now name the account. */
public record MemberLoginLinked(long memberId, long accountId) {
}
