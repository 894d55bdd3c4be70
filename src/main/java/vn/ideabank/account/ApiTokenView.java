package vn.ideabank.account;

import java.time.Instant;

public record ApiTokenView(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

	public boolean active() {
		return revokedAt == null;
	}
}
