package vn.ideabank.programme.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import vn.ideabank.programme.CommendationKind;
import vn.ideabank.programme.CommendationLevel;
import vn.ideabank.programme.RecognitionService.RecordCommendation;

/** A commendation: to a roster member, a person by name, or the unit itself. */
class CommendationForm {

	Long unitId;

	@NotNull
	CommendationKind kind = CommendationKind.COMMENDATION;

	@NotNull
	CommendationLevel level = CommendationLevel.DISTRICT;

	@NotBlank @Size(max = 100)
	String decisionNo;

	@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	LocalDate decisionDate;

	@NotBlank @Size(max = 300)
	String issuer;

	/** The member picker's text: a roster number, a login name or a name one member has. */
	@Size(max = 200)
	String memberId;

	@Size(max = 300)
	String recipientName;

	@Size(max = 200)
	String ideaId;

	@Size(max = 1000)
	String reason;

	/** The command, with the member and idea the controller resolved from what was typed. */
	RecordCommendation command(Long member, Long idea) {
		return new RecordCommendation(unitId, kind, level, decisionNo, decisionDate, issuer, member, recipientName, idea,
				reason);
	}

	// bean accessors for data binding (th:field)
	public Long getUnitId() { return unitId; }
	public void setUnitId(Long v) { unitId = v; }
	public CommendationKind getKind() { return kind; }
	public void setKind(CommendationKind v) { kind = v; }
	public CommendationLevel getLevel() { return level; }
	public void setLevel(CommendationLevel v) { level = v; }
	public String getDecisionNo() { return decisionNo; }
	public void setDecisionNo(String v) { decisionNo = v; }
	public LocalDate getDecisionDate() { return decisionDate; }
	public void setDecisionDate(LocalDate v) { decisionDate = v; }
	public String getIssuer() { return issuer; }
	public void setIssuer(String v) { issuer = v; }
	public String getMemberId() { return memberId; }
	public void setMemberId(String v) { memberId = v; }
	public String getRecipientName() { return recipientName; }
	public void setRecipientName(String v) { recipientName = v; }
	public String getIdeaId() { return ideaId; }
	public void setIdeaId(String v) { ideaId = v; }
	public String getReason() { return reason; }
	public void setReason(String v) { reason = v; }
}
