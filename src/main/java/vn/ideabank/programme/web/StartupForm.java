package vn.ideabank.programme.web;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import vn.ideabank.programme.ProgrammeCommands.SaveStartup;
import vn.ideabank.programme.ProgrammeViews.StartupDetails;
import vn.ideabank.programme.ProgrammeViews.StartupView;
import vn.ideabank.programme.RevenueBand;
import vn.ideabank.programme.StartupStage;

/** The startup project form, for a new startup or an existing one (with its version). */
class StartupForm {

	/** The form of an existing startup, for editing. */
	static StartupForm of(StartupDetails details) {
		StartupView s = details.startup();
		StartupForm form = new StartupForm();
		form.unitId = s.unitId();
		form.name = s.name();
		form.field = s.field();
		form.agriculture = s.agriculture();
		form.stage = s.stage();
		form.team = s.team();
		form.contact = s.contact();
		form.revenueBand = s.revenueBand();
		form.jobsCreated = s.jobsCreated();
		form.amountsPublic = s.amountsPublic();
		form.ideaIds = details.ideaIds().stream().map(String::valueOf).collect(Collectors.joining(", "));
		form.version = s.version();
		return form;
	}

	@NotNull
	Long unitId;

	@NotBlank @Size(max = 300)
	String name;

	@NotBlank @Size(max = 200)
	String field;

	boolean agriculture;

	@NotNull
	StartupStage stage = StartupStage.IDEA;

	@Size(max = 4000)
	String team;

	@Size(max = 300)
	String contact;

	RevenueBand revenueBand;

	@PositiveOrZero
	Integer jobsCreated;

	boolean amountsPublic;

	/** Ids or codes of related ideas ("12, TS-2026-000001"). */
	@Pattern(regexp = "[0-9A-Za-z ,;-]*") @Size(max = 500)
	String ideaIds;

	long version;

	/** The command, with the related ideas as the controller resolved them from {@link #ideaIds}. */
	SaveStartup command(List<Long> ideas) {
		return new SaveStartup(unitId, name, field, agriculture, stage, team, contact, revenueBand, jobsCreated,
				amountsPublic, ideas);
	}

	// bean accessors for data binding (th:field)
	public Long getUnitId() { return unitId; }
	public void setUnitId(Long v) { unitId = v; }
	public String getName() { return name; }
	public void setName(String v) { name = v; }
	public String getField() { return field; }
	public void setField(String v) { field = v; }
	public boolean isAgriculture() { return agriculture; }
	public void setAgriculture(boolean v) { agriculture = v; }
	public StartupStage getStage() { return stage; }
	public void setStage(StartupStage v) { stage = v; }
	public String getTeam() { return team; }
	public void setTeam(String v) { team = v; }
	public String getContact() { return contact; }
	public void setContact(String v) { contact = v; }
	public RevenueBand getRevenueBand() { return revenueBand; }
	public void setRevenueBand(RevenueBand v) { revenueBand = v; }
	public Integer getJobsCreated() { return jobsCreated; }
	public void setJobsCreated(Integer v) { jobsCreated = v; }
	public boolean isAmountsPublic() { return amountsPublic; }
	public void setAmountsPublic(boolean v) { amountsPublic = v; }
	public String getIdeaIds() { return ideaIds; }
	public void setIdeaIds(String v) { ideaIds = v; }
	public long getVersion() { return version; }
	public void setVersion(long v) { version = v; }
}
