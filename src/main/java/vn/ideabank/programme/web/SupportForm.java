package vn.ideabank.programme.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import vn.ideabank.programme.ProgrammeCommands.AddSupport;
import vn.ideabank.programme.SupportKind;

/** One support given to a startup; an amount in whole đồng. */
class SupportForm {

	@NotNull
	SupportKind kind = SupportKind.ADVICE;

	@PositiveOrZero @Digits(integer = 15, fraction = 0)
	BigDecimal amount;

	@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	LocalDate givenOn;

	@Size(max = 300)
	String partner;

	@Size(max = 1000)
	String note;

	AddSupport command() {
		return new AddSupport(kind, amount, givenOn, partner, note);
	}

	// bean accessors for data binding (th:field)
	public SupportKind getKind() { return kind; }
	public void setKind(SupportKind v) { kind = v; }
	public BigDecimal getAmount() { return amount; }
	public void setAmount(BigDecimal v) { amount = v; }
	public LocalDate getGivenOn() { return givenOn; }
	public void setGivenOn(LocalDate v) { givenOn = v; }
	public String getPartner() { return partner; }
	public void setPartner(String v) { partner = v; }
	public String getNote() { return note; }
	public void setNote(String v) { note = v; }
}
