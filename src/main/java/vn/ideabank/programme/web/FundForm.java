package vn.ideabank.programme.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import vn.ideabank.programme.FundKind;
import vn.ideabank.programme.ProgrammeCommands.SaveFund;
import vn.ideabank.programme.ProgrammeViews.FundView;

/** The fund or scholarship programme form, for a new programme or an existing one (with its version). */
class FundForm {

	/** The form of an existing programme, for editing. */
	static FundForm of(FundView f) {
		FundForm form = new FundForm();
		form.unitId = f.unitId();
		form.name = f.name();
		form.kind = f.kind();
		form.year = f.year();
		form.description = f.description();
		form.version = f.version();
		return form;
	}

	@NotNull
	Long unitId;

	@NotBlank @Size(max = 300)
	String name;

	@NotNull
	FundKind kind = FundKind.FUND;

	@NotNull @Min(1950) @Max(2200)
	Integer year;

	@Size(max = 4000)
	String description;

	long version;

	SaveFund command() {
		return new SaveFund(unitId, name, kind, year, description);
	}

	// bean accessors for data binding (th:field)
	public Long getUnitId() { return unitId; }
	public void setUnitId(Long v) { unitId = v; }
	public String getName() { return name; }
	public void setName(String v) { name = v; }
	public FundKind getKind() { return kind; }
	public void setKind(FundKind v) { kind = v; }
	public Integer getYear() { return year; }
	public void setYear(Integer v) { year = v; }
	public String getDescription() { return description; }
	public void setDescription(String v) { description = v; }
	public long getVersion() { return version; }
	public void setVersion(long v) { version = v; }
}
