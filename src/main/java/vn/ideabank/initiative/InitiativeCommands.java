package vn.ideabank.initiative;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import vn.ideabank.initiative.InitiativeViews.Part;
import vn.ideabank.initiative.InitiativeViews.Reach;

/** One command per action of the procedure; sizes match the columns of V95. */
public final class InitiativeCommands {

	private InitiativeCommands() {
	}

	public record CoAuthor(@NotBlank @Size(max = 200) String fullName, LocalDate birthDate,
			@Size(max = 300) String workplace, @Size(max = 200) String jobTitle, @Size(max = 200) String qualification,
			@NotNull @DecimalMin(value = "0.01") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal contribution) {
	}

	/** Đơn yêu cầu công nhận sáng kiến (Phụ lục I); also the completed application after a return. */
	public record FileApplication(@NotNull Long ideaId, @Size(max = 500) String investor,
			@NotBlank @Size(max = 1000) String fieldOfUse, LocalDate firstAppliedOn,
			@NotBlank @Size(max = 10000) String knownSolution, @NotBlank @Size(max = 10000) String newContent,
			@NotBlank @Size(max = 10000) String applicability, @NotBlank @Size(max = 10000) String benefits,
			@Size(max = 4000) String trialParticipants, Set<Part> confidential,
			@NotEmpty @Size(max = 20) List<@Valid CoAuthor> authors) {
	}

	/** Taking a filed application into the register: the receipt's date and, optionally, an earlier due date. */
	public record Register(LocalDate receivedOn, LocalDate dueOn, long version) {
	}

	public record Return(@NotBlank @Size(max = 4000) String reason, long version) {
	}

	/** Sends the initiative's idea to an evaluation council (review module). */
	public record SendToCouncil(@NotNull Long councilId, long version) {
	}

	/** The head of the unit's decision after the council voted: recognition with its reach, or refusal. */
	public record Decide(boolean recognise, Reach reach, @Size(max = 100) String decisionNo, LocalDate decidedOn,
			@Size(max = 4000) String refusalReason, @Size(max = 200) String signerName, long version) {
	}

	/** The council confirmed that an earlier filing describes the same solution. */
	public record ConfirmPriority(@NotNull Long earlierId, long version) {
	}

	/**
	 * Who was present when the council met on the application (account ids of council members), and optionally who
	 * chaired and who took the minutes (both among those present).
	 */
	public record RecordMeeting(@Size(max = 100) List<Long> present, Long chairId, Long secretaryId,
			long version) {
	}

	/** Turns the remuneration part of the procedure on or off for an office (its unit). */
	public record SetRemuneration(@NotNull Long unitId, boolean remuneration, long version) {
	}

	public record RecordBenefit(@Min(1) @Max(3) int yearNo, @DecimalMin("0") @Digits(integer = 15, fraction = 0) BigDecimal gain,
			@DecimalMin("0") @Digits(integer = 15, fraction = 0) BigDecimal transferPrice, @DecimalMin("0") @Digits(integer = 15, fraction = 0) BigDecimal paid) {
	}
}
