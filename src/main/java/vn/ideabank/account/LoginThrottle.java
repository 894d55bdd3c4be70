package vn.ideabank.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per username and per client address in the database (shared by every app
 * node) and locks the key for a while once too many fail within the window.
 */
@Component
class LoginThrottle {

	/**
	 * @param maxFailuresPerUser failures of one username within the window before it is locked
	 * @param maxFailuresPerAddress failures from one address within the window before it is locked
	 * @param window the window over which failures are counted, and how long a lock lasts
	 */
	@ConfigurationProperties("ideabank.security.login")
	record Settings(int maxFailuresPerUser, int maxFailuresPerAddress, Duration window) {

		Settings {
			maxFailuresPerUser = maxFailuresPerUser > 0 ? maxFailuresPerUser : 5;
			maxFailuresPerAddress = maxFailuresPerAddress > 0 ? maxFailuresPerAddress : 30;
			window = window != null ? window : Duration.ofMinutes(15);
		}
	}

	private final JdbcClient jdbc;

	private final Settings settings;

	LoginThrottle(JdbcClient jdbc, Settings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/** When the username or the address is locked, the moment the lock ends. */
	Optional<Instant> lockedUntil(String username, String address) {
		Instant now = Instant.now();
		return jdbc.sql("select max(locked_until) from login_throttle where throttle_key in (:u, :a) and locked_until > :now")
			.param("u", userKey(username))
			.param("a", addressKey(address))
			.param("now", java.sql.Timestamp.from(now))
			.query(java.sql.Timestamp.class)
			.optional()
			.map(java.sql.Timestamp::toInstant);
	}

	/** Records a failure; committed even though the sign-in itself fails. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void failed(String username, String address) {
		count(userKey(username), settings.maxFailuresPerUser());
		count(addressKey(address), settings.maxFailuresPerAddress());
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void succeeded(String username) {
		jdbc.sql("delete from login_throttle where throttle_key = :k").param("k", userKey(username)).update();
	}

	Duration window() {
		return settings.window();
	}

	private void count(String key, int max) {
		java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
		java.sql.Timestamp windowStart = java.sql.Timestamp.from(Instant.now().minus(settings.window()));
		java.sql.Timestamp lockEnd = java.sql.Timestamp.from(Instant.now().plus(settings.window()));
		jdbc.sql("""
				insert into login_throttle (throttle_key, failures, window_start) values (:k, 1, :now)
				on conflict (throttle_key) do update set
				  failures = case when login_throttle.window_start < :windowStart then 1 else login_throttle.failures + 1 end,
				  window_start = case when login_throttle.window_start < :windowStart then :now else login_throttle.window_start end,
				  locked_until = case when login_throttle.window_start >= :windowStart and login_throttle.failures + 1 >= :max
				                      then :lockEnd else login_throttle.locked_until end""")
			.param("k", key)
			.param("now", now)
			.param("windowStart", windowStart)
			.param("max", max)
			.param("lockEnd", lockEnd)
			.update();
	}

	/** Longest username an account can have ({@code account.username varchar(64)}). */
	private static final int USERNAME_MAX = 64;

	/**
	 * A username past what any account can have is counted under its digest, so it fits the key column
	 * and is refused like any other wrong guess (a 100,000-character name must not reach the database).
	 */
	private static String userKey(String username) {
		String u = username == null ? "" : username.toLowerCase(java.util.Locale.ROOT);
		if (u.length() <= USERNAME_MAX) {
			return "u:" + u;
		}
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(u.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return "u#" + java.util.HexFormat.of().formatHex(digest);
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String addressKey(String address) {
		return "a:" + address;
	}
}
