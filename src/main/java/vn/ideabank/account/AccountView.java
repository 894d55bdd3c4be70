package vn.ideabank.account;

import java.time.Instant;

public record AccountView(long id, String username, String displayName, String email, AccountKind kind, Long unitId,
		boolean enabled, Instant lastLoginAt, Instant createdAt, long version) {
}
