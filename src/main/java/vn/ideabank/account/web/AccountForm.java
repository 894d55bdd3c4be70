package vn.ideabank.account.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import vn.ideabank.account.AccountCommands;
import vn.ideabank.account.AccountKind;
import vn.ideabank.common.security.Role;

/** The new-account form. Leaving the password empty generates one, shown once. */
class AccountForm {

	@NotBlank
	@Size(min = 3, max = 64)
	@Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*")
	private String username;

	@NotBlank
	@Size(max = 200)
	private String displayName;

	@Email
	@Size(max = 254)
	private String email;

	@NotNull
	private AccountKind kind = AccountKind.PERSON;

	@NotNull
	private Long unitId;

	@NotNull
	private Role role = Role.MEMBER;

	@Size(min = AccountCommands.MIN_PASSWORD, max = 128)
	private String password;

	AccountCommands.CreateAccount command() {
		return new AccountCommands.CreateAccount(username, displayName, email, kind, unitId, role, password);
	}

	public String getUsername() { return username; }
	public void setUsername(String username) { this.username = username; }
	public String getDisplayName() { return displayName; }
	public void setDisplayName(String displayName) { this.displayName = displayName; }
	public String getEmail() { return email; }
	public void setEmail(String email) { this.email = email; }
	public AccountKind getKind() { return kind; }
	public void setKind(AccountKind kind) { this.kind = kind; }
	public Long getUnitId() { return unitId; }
	public void setUnitId(Long unitId) { this.unitId = unitId; }
	public Role getRole() { return role; }
	public void setRole(Role role) { this.role = role; }
	public String getPassword() { return password; }
	public void setPassword(String password) { this.password = password; }
}
