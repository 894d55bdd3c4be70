package vn.ideabank.member;

import java.time.LocalDate;

/** A member as other modules and pages see it. Contact details and birth date are never public. */
public record MemberView(long id, long unitId, String fullName, LocalDate dateOfBirth, Gender gender,
		TargetGroup targetGroup, String phone, String email, MemberStatus status, Long accountId, long version) {
}
