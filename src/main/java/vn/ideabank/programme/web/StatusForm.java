package vn.ideabank.programme.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import vn.ideabank.programme.IpStatus;
import vn.ideabank.programme.ProgrammeCommands.ChangeIpStatus;

/** A status change of an IP registration (the number and filing date once it is filed). */
class StatusForm {

	@NotNull
	IpStatus to;

	@Size(max = 20)
	String applicationNo;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	LocalDate filedOn;

	@Size(max = 1000)
	String note;

	long version;

	ChangeIpStatus command() {
		return new ChangeIpStatus(to, applicationNo, filedOn, note);
	}

	// bean accessors for data binding (th:field)
	public IpStatus getTo() { return to; }
	public void setTo(IpStatus v) { to = v; }
	public String getApplicationNo() { return applicationNo; }
	public void setApplicationNo(String v) { applicationNo = v; }
	public LocalDate getFiledOn() { return filedOn; }
	public void setFiledOn(LocalDate v) { filedOn = v; }
	public String getNote() { return note; }
	public void setNote(String v) { note = v; }
	public long getVersion() { return version; }
	public void setVersion(long v) { version = v; }
}
