package vn.ideabank.account;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A personal API token; the secret itself is shown once and only its SHA-256 is kept. */
@Entity
@Table(name = "api_token")
class ApiToken {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long accountId;

	private String name;

	private String tokenHash;

	private String tokenPrefix;

	private Instant createdAt = Instant.now();

	private Instant lastUsedAt;

	private Instant revokedAt;

	protected ApiToken() {
	}

	ApiToken(long accountId, String name, String tokenHash, String tokenPrefix) {
		this.accountId = accountId;
		this.name = name;
		this.tokenHash = tokenHash;
		this.tokenPrefix = tokenPrefix;
	}

	void revoke() {
		if (revokedAt == null) {
			revokedAt = Instant.now();
		}
	}

	void used() {
		lastUsedAt = Instant.now();
	}

	boolean active() {
		return revokedAt == null;
	}

	long accountId() {
		return accountId;
	}

	ApiTokenView view() {
		return new ApiTokenView(id, name, tokenPrefix, createdAt, lastUsedAt, revokedAt);
	}
}
