package vn.ideabank.programme.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import vn.ideabank.programme.IpStatus;
import vn.ideabank.programme.IpType;
import vn.ideabank.programme.ProgrammeCommands.SaveIp;

/** A new IP registration, for an idea or a startup (or neither). */
class IpForm {

	@NotNull
	Long unitId;

	Long startupId;

	Long ideaId;

	@NotNull
	IpType type = IpType.PATENT;

	@NotBlank @Size(max = 300)
	String title;

	@NotBlank @Size(max = 300)
	String applicant;

	@Size(max = 20)
	String applicationNo;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	LocalDate filedOn;

	@NotNull
	IpStatus status = IpStatus.PREPARING;

	@Size(max = 1000)
	String unionSupport;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	LocalDate supportedOn;

	SaveIp command() {
		return new SaveIp(unitId, ideaId, startupId, type, title, applicant, applicationNo, filedOn, status, unionSupport,
				supportedOn);
	}

	// bean accessors for data binding (th:field)
	public Long getUnitId() { return unitId; }
	public void setUnitId(Long v) { unitId = v; }
	public Long getStartupId() { return startupId; }
	public void setStartupId(Long v) { startupId = v; }
	public Long getIdeaId() { return ideaId; }
	public void setIdeaId(Long v) { ideaId = v; }
	public IpType getType() { return type; }
	public void setType(IpType v) { type = v; }
	public String getTitle() { return title; }
	public void setTitle(String v) { title = v; }
	public String getApplicant() { return applicant; }
	public void setApplicant(String v) { applicant = v; }
	public String getApplicationNo() { return applicationNo; }
	public void setApplicationNo(String v) { applicationNo = v; }
	public LocalDate getFiledOn() { return filedOn; }
	public void setFiledOn(LocalDate v) { filedOn = v; }
	public IpStatus getStatus() { return status; }
	public void setStatus(IpStatus v) { status = v; }
	public String getUnionSupport() { return unionSupport; }
	public void setUnionSupport(String v) { unionSupport = v; }
	public LocalDate getSupportedOn() { return supportedOn; }
	public void setSupportedOn(LocalDate v) { supportedOn = v; }
}
