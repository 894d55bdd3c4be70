package vn.ideabank.org;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The commands that change the tree, one per user action. */
public final class UnitCommands {

	private UnitCommands() {
	}

	public record CreateUnit(Long parentId,
			@NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*") String code,
			@NotBlank @Size(max = 200) String name,
			@NotBlank @Size(max = 100) String levelName,
			@NotNull UnitKind kind,
			@NotNull @Min(0) @Max(10_000_000) Integer memberCount) {
	}

	public record EditUnit(@NotBlank @Size(max = 200) String name,
			@NotBlank @Size(max = 100) String levelName,
			@NotNull UnitKind kind,
			@NotNull @Min(0) @Max(10_000_000) Integer memberCount,
			long version) {
	}

	public record MoveUnit(@NotNull Long parentId, long version) {
	}
}
