package vn.ideabank.org.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import vn.ideabank.org.UnitKind;
import vn.ideabank.org.UnitView;

/** What the unit form posts; the code is only editable when creating. */
class UnitForm {

	interface OnCreate {
	}

	Long parentId;

	@NotBlank(groups = OnCreate.class)
	@Size(max = 32, groups = OnCreate.class)
	@Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", groups = OnCreate.class)
	String code;

	@NotBlank
	@Size(max = 200)
	String name;

	@NotBlank
	@Size(max = 100)
	String levelName;

	@NotNull
	UnitKind kind = UnitKind.COMMUNE;

	@NotNull
	@Min(0)
	@Max(10_000_000)
	Integer memberCount = 0;

	long version;

	static UnitForm of(UnitView unit) {
		UnitForm form = new UnitForm();
		form.parentId = unit.parentId();
		form.code = unit.code();
		form.name = unit.name();
		form.levelName = unit.levelName();
		form.kind = unit.kind();
		form.memberCount = unit.memberCount();
		form.version = unit.version();
		return form;
	}

	// accessors for data binding and templates
	public Long getParentId() { return parentId; }
	public void setParentId(Long parentId) { this.parentId = parentId; }
	public String getCode() { return code; }
	public void setCode(String code) { this.code = code; }
	public String getName() { return name; }
	public void setName(String name) { this.name = name; }
	public String getLevelName() { return levelName; }
	public void setLevelName(String levelName) { this.levelName = levelName; }
	public UnitKind getKind() { return kind; }
	public void setKind(UnitKind kind) { this.kind = kind; }
	public Integer getMemberCount() { return memberCount; }
	public void setMemberCount(Integer memberCount) { this.memberCount = memberCount; }
	public long getVersion() { return version; }
	public void setVersion(long version) { this.version = version; }
}
