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

	protected Certificate() {
	}

	Certificate(long nominationId, String code, String recipient, String awardLabel, String contestName, String ideaTitle,
			String unitName, Instant issuedAt) {
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
		return new CertificateView(code, recipient, awardLabel, contestName, ideaTitle, unitName, issuedAt);
	}

	long nominationId() {
		return nominationId;
	}

	String code() {
		return code;
	}
}
