package vn.ideabank.member;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Create or edit a member (one command for both; {@code version} is the one read: required to edit, ignored on create).
 * A birth date before 1900 is refused by the service (field {@code dateOfBirth}).
 */
public record SaveMember(
		@NotNull Long unitId,
		@NotBlank @Size(max = 200) String fullName,
		@PastOrPresent LocalDate dateOfBirth,
		Gender gender,
		@NotNull TargetGroup targetGroup,
		@Pattern(regexp = "[0-9+ ]{8,15}") String phone,
		@Email @Size(max = 254) String email,
		@NotNull MemberStatus status,
		Long version) {

	/** The same command carrying the version read, for an edit. */
	public SaveMember withVersion(Long version) {
		return new SaveMember(unitId, fullName, dateOfBirth, gender, targetGroup, phone, email, status, version);
	}
}
