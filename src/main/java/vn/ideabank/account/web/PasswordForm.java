package vn.ideabank.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import vn.ideabank.account.AccountCommands;

class PasswordForm {

	@NotBlank
	private String currentPassword;

	@NotBlank
	@Size(min = AccountCommands.MIN_PASSWORD, max = 128)
	private String newPassword;

	@NotBlank
	private String confirmPassword;

	AccountCommands.ChangePassword command() {
		return new AccountCommands.ChangePassword(currentPassword, newPassword, confirmPassword);
	}

	public String getCurrentPassword() { return currentPassword; }
	public void setCurrentPassword(String currentPassword) { this.currentPassword = currentPassword; }
	public String getNewPassword() { return newPassword; }
	public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
	public String getConfirmPassword() { return confirmPassword; }
	public void setConfirmPassword(String confirmPassword) { this.confirmPassword = confirmPassword; }
}
