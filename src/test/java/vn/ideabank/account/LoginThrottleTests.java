package vn.ideabank.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.security.Role;

/**
 * Sign-in throttling as kept in the database: a username is locked after too many failures, a
 * success clears it, and nobody else is locked along with it. Each test uses its own usernames and
 * addresses, since the table is shared by the whole suite.
 */
class LoginThrottleTests extends IntegrationTest {

	@Autowired
	LoginThrottle throttle;

	@Autowired
	AccountService accounts;

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

	/**
	 * Through the real sign-in (filter chain, authentication manager, provider): four wrong passwords leave
	 * the account usable, the fifth locks it. Each failure used to be counted twice (the provider ran as
	 * the chain's and as its parent's), which locked the account after the third.
	 */
	@Test
	void theFifthWrongPasswordLocksTheFourthDoesNot() {
		String username = "khoa.dem." + UUID.randomUUID().toString().substring(0, 8);
		accounts.createBySystem(username, "Khóa Đếm", AccountKind.PERSON, "TS-THOTAN", Role.MEMBER, "right-password-1");
		String address = "10.77." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
		for (int i = 1; i <= 4; i++) {
			assertThat(signIn(username, "wrong-" + i, address)).as("wrong password %d", i).isEqualTo("/login?error=bad");
		}
		assertThat(throttle.lockedUntil(username, "elsewhere")).as("after 4 failures").isEmpty();
		assertThat(signIn(username, "right-password-1", address)).as("the right password after 4 failures").isEqualTo("/");

		for (int i = 1; i <= 4; i++) {
			signIn(username, "wrong-" + i, address);
		}
		assertThat(throttle.lockedUntil(username, "elsewhere")).isEmpty();
		assertThat(signIn(username, "wrong-5", address)).isEqualTo("/login?error=bad");
		assertThat(throttle.lockedUntil(username, "elsewhere")).as("after 5 failures").isPresent();
		assertThat(signIn(username, "right-password-1", address)).startsWith("/login?error=locked");
	}

	/** A disabled account answers a wrong password exactly as an unknown username does. */
	@Test
	void aDisabledAccountAndAnUnknownOneReadTheSame() {
		String username = "khoa.tat." + UUID.randomUUID().toString().substring(0, 8);
		var account = accounts.createBySystem(username, "Khóa Tắt", AccountKind.PERSON, "TS-THOTAN", Role.MEMBER,
				"right-password-1");
		accounts.setEnabled(caller("admin"), account.id(), false, account.version());
		String address = "10.78." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
		assertThat(signIn(username, "wrong-password", address)).isEqualTo("/login?error=bad");
		assertThat(signIn("nobody." + UUID.randomUUID(), "wrong-password", address)).isEqualTo("/login?error=bad");
		// who knows the password is told why it does not work
		assertThat(signIn(username, "right-password-1", address)).isEqualTo("/login?error=disabled");
	}

	/** A username of 100,000 characters is refused as any wrong guess is: no error, no enumeration. */
	@Test
	void aHugeUsernameGetsTheOrdinaryRefusal() {
		String address = "10.79." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
		String huge = "a".repeat(100_000);
		assertThat(signIn(huge, "wrong-password", address)).isEqualTo("/login?error=bad");
		assertThat(signIn(huge + "\u0000", "wrong-password", address)).isEqualTo("/login?error=bad");
	}

	/** Signs in through the form; returns where the browser is sent, relative to the site. */
	private String signIn(String username, String password, String address) {
		var result = mvc.post().uri("/login").param("username", username).param("password", password)
			.with(csrf()).with(request -> {
				request.setRemoteAddr(address);
				return request;
			}).exchange();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		return result.getResponse().getRedirectedUrl().replaceFirst("^https?://[^/]+", "");
	}

	private static String unique(String what) {
		return what + "-" + UUID.randomUUID();
	}
}
