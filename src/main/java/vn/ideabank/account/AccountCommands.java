package vn.ideabank.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import vn.ideabank.common.security.Role;

/** The commands that change accounts, one per user action. */
public final class AccountCommands {

	public static final int MIN_PASSWORD = 10;

	private AccountCommands() {
	}

	/** A new account with its first role, held at the account's unit. */
	public record CreateAccount(
			@NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*") String username,
			@NotBlank @Size(max = 200) String displayName,
			@Email @Size(max = 254) String email,
			@NotNull AccountKind kind,
			@NotNull Long unitId,
			@NotNull Role role,
			@Size(min = MIN_PASSWORD, max = 128) String password) {
	}

	public record GrantRole(@NotNull Role role, Long unitId) {
	}

	public record ChangePassword(@NotBlank String currentPassword,
			@NotBlank @Size(min = MIN_PASSWORD, max = 128) String newPassword,
			@NotBlank String confirmPassword) {
	}

	public record CreateToken(@NotBlank @Size(max = 100) String name) {
	}
}
