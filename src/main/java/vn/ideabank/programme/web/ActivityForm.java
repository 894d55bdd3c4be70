package vn.ideabank.programme.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import vn.ideabank.programme.ProgrammeCommands.LogActivity;

/** One meeting of a club. */
class ActivityForm {

	@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	LocalDate heldOn;

	@NotBlank @Size(max = 300)
	String title;

	@NotNull @PositiveOrZero
	Integer attendance;

	LogActivity command() {
		return new LogActivity(heldOn, title, attendance);
	}

	// bean accessors for data binding (th:field)
	public LocalDate getHeldOn() { return heldOn; }
	public void setHeldOn(LocalDate v) { heldOn = v; }
	public String getTitle() { return title; }
	public void setTitle(String v) { title = v; }
	public Integer getAttendance() { return attendance; }
	public void setAttendance(Integer v) { attendance = v; }
}
