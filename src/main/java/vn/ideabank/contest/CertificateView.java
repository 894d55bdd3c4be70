package vn.ideabank.contest;

import java.time.Instant;

/** What a certificate states; the public verification page shows exactly this (no contacts). */
public record CertificateView(String code, String recipient, String awardLabel, String contestName, String ideaTitle,
		String unitName, Instant issuedAt) {
}
