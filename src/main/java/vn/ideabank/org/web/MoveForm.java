package vn.ideabank.org.web;

import jakarta.validation.constraints.NotNull;

class MoveForm {

	@NotNull
	private Long parentId;

	private long version;

	MoveForm() {
	}

	MoveForm(Long parentId, long version) {
		this.parentId = parentId;
		this.version = version;
	}

	public Long getParentId() { return parentId; }
	public void setParentId(Long parentId) { this.parentId = parentId; }
	public long getVersion() { return version; }
	public void setVersion(long version) { this.version = version; }
}
