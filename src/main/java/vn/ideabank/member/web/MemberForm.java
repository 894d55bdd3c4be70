package vn.ideabank.member.web;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import vn.ideabank.member.Gender;
import vn.ideabank.member.MemberStatus;
import vn.ideabank.member.MemberView;
import vn.ideabank.member.SaveMember;
import vn.ideabank.member.TargetGroup;

/** What the member form posts. */
class MemberForm {

	@NotNull
	Long unitId;

	@NotBlank
	@Size(max = 200)
	String fullName;

	@PastOrPresent
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	LocalDate dateOfBirth;

	Gender gender;

	@NotNull
	TargetGroup targetGroup = TargetGroup.RURAL_YOUTH;

	@Pattern(regexp = "[0-9+ ]{8,15}")
	String phone;

	@Email
	@Size(max = 254)
	String email;

	@NotNull
	MemberStatus status = MemberStatus.UNION_MEMBER;

	long version;

	static MemberForm of(MemberView m) {
		MemberForm f = new MemberForm();
		f.unitId = m.unitId();
		f.fullName = m.fullName();
		f.dateOfBirth = m.dateOfBirth();
		f.gender = m.gender();
		f.targetGroup = m.targetGroup();
		f.phone = m.phone();
		f.email = m.email();
		f.status = m.status();
		f.version = m.version();
		return f;
	}

	SaveMember command() {
		return new SaveMember(unitId, fullName, dateOfBirth, gender, targetGroup, phone, email, status, version);
	}

	public Long getUnitId() { return unitId; }
	public void setUnitId(Long unitId) { this.unitId = unitId; }
	public String getFullName() { return fullName; }
	public void setFullName(String fullName) { this.fullName = fullName; }
	public LocalDate getDateOfBirth() { return dateOfBirth; }
	public void setDateOfBirth(LocalDate dateOfBirth) { this.dateOfBirth = dateOfBirth; }
	public Gender getGender() { return gender; }
	public void setGender(Gender gender) { this.gender = gender; }
	public TargetGroup getTargetGroup() { return targetGroup; }
	public void setTargetGroup(TargetGroup targetGroup) { this.targetGroup = targetGroup; }
	public String getPhone() { return phone; }
	public void setPhone(String phone) { this.phone = phone; }
	public String getEmail() { return email; }
	public void setEmail(String email) { this.email = email; }
	public MemberStatus getStatus() { return status; }
	public void setStatus(MemberStatus status) { this.status = status; }
	public long getVersion() { return version; }
	public void setVersion(long version) { this.version = version; }
}
