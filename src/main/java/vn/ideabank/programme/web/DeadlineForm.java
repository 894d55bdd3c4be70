package vn.ideabank.programme.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import vn.ideabank.programme.ProgrammeCommands.AddDeadline;

/** A deadline of an IP registration. */
class DeadlineForm {

	@NotBlank @Size(max = 300)
	String label;

	@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	LocalDate dueOn;

	AddDeadline command() {
		return new AddDeadline(label, dueOn);
	}

	// bean accessors for data binding (th:field)
	public String getLabel() { return label; }
	public void setLabel(String v) { label = v; }
	public LocalDate getDueOn() { return dueOn; }
	public void setDueOn(LocalDate v) { dueOn = v; }
}
