package vn.ideabank.idea.web;

import vn.ideabank.idea.IdeaFilter;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;

/** The filters, sort and page of the idea list, all from the URL so a list can be shared. */
class ListForm {

	Long unit;

	Integer year;

	IdeaStatus status;

	IdeaKind kind;

	SectorField field;

	TargetGroup group;

	String q;

	boolean mine;

	IdeaFilter.Duplicates dup;

	/** Only ideas unit staff typed in for others (the to-do's "paper drafts not yet sent"). */
	boolean paper;

	String sort;

	String dir;

	Integer page;

	Integer size;

	IdeaFilter filter() {
		return new IdeaFilter(unit, year, status, kind, field, group, q, mine, dup, paper);
	}

	public Long getUnit() { return unit; }
	public void setUnit(Long unit) { this.unit = unit; }
	public Integer getYear() { return year; }
	public void setYear(Integer year) { this.year = year; }
	public IdeaStatus getStatus() { return status; }
	public void setStatus(IdeaStatus status) { this.status = status; }
	public IdeaKind getKind() { return kind; }
	public void setKind(IdeaKind kind) { this.kind = kind; }
	public SectorField getField() { return field; }
	public void setField(SectorField field) { this.field = field; }
	public TargetGroup getGroup() { return group; }
	public void setGroup(TargetGroup group) { this.group = group; }
	public String getQ() { return q; }
	public void setQ(String q) { this.q = q; }
	public boolean isMine() { return mine; }
	public void setMine(boolean mine) { this.mine = mine; }
	public IdeaFilter.Duplicates getDup() { return dup; }
	public void setDup(IdeaFilter.Duplicates dup) { this.dup = dup; }
	public boolean isPaper() { return paper; }
	public void setPaper(boolean paper) { this.paper = paper; }
	public String getSort() { return sort; }
	public void setSort(String sort) { this.sort = sort; }
	public String getDir() { return dir; }
	public void setDir(String dir) { this.dir = dir; }
	public Integer getPage() { return page; }
	public void setPage(Integer page) { this.page = page; }
	public Integer getSize() { return size; }
	public void setSize(Integer size) { this.size = size; }
}
