package vn.ideabank.programme.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import vn.ideabank.programme.ClubKind;
import vn.ideabank.programme.ProgrammeCommands.SaveClub;
import vn.ideabank.programme.ProgrammeViews.ClubView;

/** The club form, for a new club or an existing one (with its version). */
class ClubForm {

	/** The form of an existing club, for editing. */
	static ClubForm of(ClubView c) {
		ClubForm form = new ClubForm();
		form.unitId = c.unitId();
		form.name = c.name();
		form.kind = c.kind();
		form.school = c.school();
		form.foundedOn = c.foundedOn();
		form.decisionNo = c.decisionNo();
		form.members = c.members();
		form.memberCount = c.memberCount();
		form.active = c.active();
		form.version = c.version();
		return form;
	}

	/** The host unit of a new club (an edit keeps the club's unit and does not post it). */
	Long unitId;

	@NotBlank @Size(max = 300)
	String name;

	@NotNull
	ClubKind kind = ClubKind.SCIENCE_LOVERS;

	@Size(max = 300)
	String school;

	@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	LocalDate foundedOn;

	@Size(max = 100)
	String decisionNo;

	@Size(max = 4000)
	String members;

	@PositiveOrZero
	Integer memberCount;

	boolean active = true;

	long version;

	SaveClub command() {
		return new SaveClub(unitId, name, kind, school, foundedOn, decisionNo, members, memberCount, active);
	}

	// bean accessors for data binding (th:field)
	public Long getUnitId() { return unitId; }
	public void setUnitId(Long v) { unitId = v; }
	public String getName() { return name; }
	public void setName(String v) { name = v; }
	public ClubKind getKind() { return kind; }
	public void setKind(ClubKind v) { kind = v; }
	public String getSchool() { return school; }
	public void setSchool(String v) { school = v; }
	public LocalDate getFoundedOn() { return foundedOn; }
	public void setFoundedOn(LocalDate v) { foundedOn = v; }
	public String getDecisionNo() { return decisionNo; }
	public void setDecisionNo(String v) { decisionNo = v; }
	public String getMembers() { return members; }
	public void setMembers(String v) { members = v; }
	public Integer getMemberCount() { return memberCount; }
	public void setMemberCount(Integer v) { memberCount = v; }
	public boolean isActive() { return active; }
	public void setActive(boolean v) { active = v; }
	public long getVersion() { return version; }
	public void setVersion(long v) { version = v; }
}
