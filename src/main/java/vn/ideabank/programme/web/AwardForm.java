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

	/** The member picker's text: a roster number, a login name or a name one member has. */
	@Size(max = 200)
	String memberId;

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

	/** The startup picker's text: "12 — name", a number or the startup's exact name. */
	@Size(max = 300)
	String startupId;

	@Size(max = 1000)
	String note;

	/** The command, with the member, idea and startup the controller resolved from what was typed. */
	GrantAward command(Long member, Long idea, Long startup) {
		return new GrantAward(member, recipientName, recipientUnitId, amount, awardedOn, decisionNo, idea, startup,
				note);
	}

	// bean accessors for data binding (th:field)
	public String getMemberId() { return memberId; }
	public void setMemberId(String v) { memberId = v; }
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
	public String getStartupId() { return startupId; }
	public void setStartupId(String v) { startupId = v; }
	public String getNote() { return note; }
	public void setNote(String v) { note = v; }
}
