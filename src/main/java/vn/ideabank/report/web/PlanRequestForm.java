package vn.ideabank.report.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import vn.ideabank.report.PlanCommands.CreatePlanRequest;

/** The form of a new plan request. */
class PlanRequestForm {

	@NotNull
	Long unitId;

	@NotBlank
	@Size(max = 300)
	String title;

	@NotNull
	Integer year;

	@NotNull
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	LocalDate deadline;

	@Size(max = 20000)
	String instructions;

	List<Long> unitIds = new ArrayList<>();

	CreatePlanRequest command() {
		return new CreatePlanRequest(unitId, title, year, deadline, instructions, unitIds);
	}

	public Long getUnitId() {
		return unitId;
	}

	public void setUnitId(Long unitId) {
		this.unitId = unitId;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public Integer getYear() {
		return year;
	}

	public void setYear(Integer year) {
		this.year = year;
	}

	public LocalDate getDeadline() {
		return deadline;
	}

	public void setDeadline(LocalDate deadline) {
		this.deadline = deadline;
	}

	public String getInstructions() {
		return instructions;
	}

	public void setInstructions(String instructions) {
		this.instructions = instructions;
	}

	public List<Long> getUnitIds() {
		return unitIds;
	}

	public void setUnitIds(List<Long> unitIds) {
		this.unitIds = unitIds == null ? new ArrayList<>() : unitIds;
	}
}
