package vn.ideabank.account;

import java.time.Duration;
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

	static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

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

	/** Whether a use now is recorded (the last recorded one is older than {@link #USE_RECORDED_EVERY}). */
	boolean dueForUseRecord(Instant now) {
		return lastUsedAt == null || !lastUsedAt.isAfter(now.minus(USE_RECORDED_EVERY));
	}

	/**
	 * Notes a use, at most once a minute: a script calling the API many times a second would
	 * otherwise write this row on every call.
	 */
	boolean used(Instant now) {
		if (!dueForUseRecord(now)) {
			return false;
		}
		lastUsedAt = now;
		return true;
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
