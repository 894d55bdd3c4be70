package vn.ideabank.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import vn.ideabank.IntegrationTest;

/**
 * Sign-in throttling as kept in the database: a username is locked after too many failures, a
 * success clears it, and nobody else is locked along with it. Each test uses its own usernames and
 * addresses, since the table is shared by the whole suite.
 */
class LoginThrottleTests extends IntegrationTest {

	@Autowired
	LoginThrottle throttle;

	@Value("${ideabank.security.login.max-failures-per-user}")
	int maxPerUser;

	@Test
	void aUsernameIsLockedAfterTooManyFailures() {
		String user = unique("user");
		for (int i = 1; i < maxPerUser; i++) {
			throttle.failed(user, unique("addr"));
			assertThat(throttle.lockedUntil(user, unique("addr"))).as("after %d failures", i).isEmpty();
		}
		Instant before = Instant.now();
		throttle.failed(user, unique("addr"));

		// locked from any address, and whatever case the username is typed in
		assertThat(throttle.lockedUntil(user, unique("addr"))).hasValueSatisfying(until -> assertThat(until)
			.isAfter(before.plus(throttle.window()).minusSeconds(5))
			.isBefore(Instant.now().plus(throttle.window()).plusSeconds(5)));
		assertThat(throttle.lockedUntil(user.toUpperCase(), unique("addr"))).isPresent();
		assertThat(maxPerUser).isEqualTo(5);
		assertThat(throttle.window()).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void aSuccessfulSignInResetsTheUsernameCount() {
		String user = unique("user");
		String address = unique("addr");
		for (int i = 1; i < maxPerUser; i++) {
			throttle.failed(user, address);
		}
		throttle.succeeded(user);
		for (int i = 1; i < maxPerUser; i++) {
			throttle.failed(user, address);
		}
		assertThat(throttle.lockedUntil(user, address)).as("the count started again after the success").isEmpty();

		throttle.failed(user, address);
		assertThat(throttle.lockedUntil(user, address)).isPresent();
		// a success also lifts a lock on the username
		throttle.succeeded(user);
		assertThat(throttle.lockedUntil(user, unique("addr"))).isEmpty();
	}

	@Test
	void anotherUsernameFromAnotherAddressIsNotLocked() {
		String victim = unique("user");
		String attacker = unique("addr");
		for (int i = 0; i < maxPerUser; i++) {
			throttle.failed(victim, attacker);
		}
		assertThat(throttle.lockedUntil(victim, attacker)).isPresent();

		String someoneElse = unique("user");
		assertThat(throttle.lockedUntil(someoneElse, unique("addr"))).isEmpty();
		// five failures do not lock the address itself (its limit is higher), so colleagues behind the same NAT sign in
		assertThat(throttle.lockedUntil(someoneElse, attacker)).isEmpty();
	}

	private static String unique(String what) {
		return what + "-" + UUID.randomUUID();
	}
}
