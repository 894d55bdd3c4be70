package vn.ideabank.quota;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Commands of the target module; checked again by the service. */
public final class TargetCommands {

	/** Largest amount a target or allocation may hold: anything above is a typing error. */
	public static final long MAX_AMOUNT = 10_000_000;

	private TargetCommands() {
	}

	public record PlanSettings(boolean refuseMismatch, @NotNull @Min(0) @Max(100) Integer weightIdeas,
			@NotNull @Min(0) @Max(100) Integer weightModels, @NotNull @Min(0) @Max(100) Integer weightContests,
			@NotNull @Min(0) @Max(100) Integer weightPunctuality,
			@NotNull @DecimalMin(value = "0.001") @DecimalMax("1000") BigDecimal ideasPerMember) {
	}

	/** A target's amount (and for CUSTOM its name, unit of count and rule); the reason goes to the history. */
	public record SaveTarget(@NotNull TargetKind kind, @Size(max = 200) String name, @Size(max = 50) String countUnit,
			@NotNull @Min(0) @Max(MAX_AMOUNT) Long amount, TargetRule rule, @Size(max = 1000) String reason) {
	}

	/** A split of a unit's share among its children: child unit id → amount (missing = unchanged). */
	public record Allocate(Map<Long, Long> amounts, @Size(max = 1000) String reason, long version) {
	}
}
