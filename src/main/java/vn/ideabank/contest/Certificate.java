package vn.ideabank.contest;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A certificate of an award, with its unguessable verification code; never changed once issued. */
@Entity
@Table(name = "contest_certificate")
class Certificate {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long nominationId;

	private String code;

	private String recipient;

	private String awardLabel;

	private String contestName;

	private String ideaTitle;

	private String unitName;

	private Instant issuedAt;

	/** The organiser: the contest's unit, which issues the certificate (not the winner's unit). */
	private String issuerName;

	private String signerName;

	private String signerTitle;

	private String decisionNumber;

	private java.time.LocalDate decisionDate;

	protected Certificate() {
	}

	Certificate(long nominationId, String code, String recipient, String awardLabel, String contestName, String ideaTitle,
			String unitName, Instant issuedAt, String issuerName, ContestCommands.AwardDecision decision) {
		this.issuerName = issuerName;
		this.signerName = decision.signerName();
		this.signerTitle = decision.signerTitle();
		this.decisionNumber = decision.decisionNumber();
		this.decisionDate = decision.decisionDate();
		this.nominationId = nominationId;
		this.code = code;
		this.recipient = recipient;
		this.awardLabel = awardLabel;
		this.contestName = contestName;
		this.ideaTitle = ideaTitle;
		this.unitName = unitName;
		this.issuedAt = issuedAt;
	}

	CertificateView view() {
		return new CertificateView(code, recipient, awardLabel, contestName, ideaTitle, unitName, issuedAt, issuerName,
				signerName, signerTitle, decisionNumber, decisionDate);
	}

	long nominationId() {
		return nominationId;
	}

	String code() {
		return code;
	}
}
