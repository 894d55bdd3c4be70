package vn.ideabank.programme.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import vn.ideabank.programme.ProgrammeCommands.GrantAward;

/** One award of a fund or scholarship: to a roster member, a person by name, or a unit; whole đồng. */
class AwardForm {

	Long memberId;

	@Size(max = 300)
	String recipientName;

	Long recipientUnitId;

	@NotNull @PositiveOrZero @Digits(integer = 15, fraction = 0)
	BigDecimal amount;

	@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	LocalDate awardedOn;

	@NotBlank @Size(max = 100)
	String decisionNo;

	@Size(max = 200)
	String ideaId;

	Long startupId;

	@Size(max = 1000)
	String note;

	/** The command, with the idea the controller resolved from what was typed in {@link #ideaId}. */
	GrantAward command(Long idea) {
		return new GrantAward(memberId, recipientName, recipientUnitId, amount, awardedOn, decisionNo, idea, startupId,
				note);
	}

	// bean accessors for data binding (th:field)
	public Long getMemberId() { return memberId; }
	public void setMemberId(Long v) { memberId = v; }
	public String getRecipientName() { return recipientName; }
	public void setRecipientName(String v) { recipientName = v; }
	public Long getRecipientUnitId() { return recipientUnitId; }
	public void setRecipientUnitId(Long v) { recipientUnitId = v; }
	public BigDecimal getAmount() { return amount; }
	public void setAmount(BigDecimal v) { amount = v; }
	public LocalDate getAwardedOn() { return awardedOn; }
	public void setAwardedOn(LocalDate v) { awardedOn = v; }
	public String getDecisionNo() { return decisionNo; }
	public void setDecisionNo(String v) { decisionNo = v; }
	public String getIdeaId() { return ideaId; }
	public void setIdeaId(String v) { ideaId = v; }
	public Long getStartupId() { return startupId; }
	public void setStartupId(Long v) { startupId = v; }
	public String getNote() { return note; }
	public void setNote(String v) { note = v; }
}
