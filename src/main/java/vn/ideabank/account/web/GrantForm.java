package vn.ideabank.account.web;

import jakarta.validation.constraints.NotNull;

import vn.ideabank.common.security.Role;

class GrantForm {

	@NotNull
	private Role role;

	private Long unitId;

	public Role getRole() { return role; }
	public void setRole(Role role) { this.role = role; }
	public Long getUnitId() { return unitId; }
	public void setUnitId(Long unitId) { this.unitId = unitId; }
}
