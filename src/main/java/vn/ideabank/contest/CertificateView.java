package vn.ideabank.contest;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a certificate states; the public verification page shows exactly this (no contacts). {@code unitName} is the
 * winner's unit; {@code issuerName} the organiser that issues it, with its signer and award decision.
 */
public record CertificateView(String code, String recipient, String awardLabel, String contestName, String ideaTitle,
		String unitName, Instant issuedAt, String issuerName, String signerName, String signerTitle, String decisionNumber,
		LocalDate decisionDate) {
}
