package vn.ideabank.account;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import vn.ideabank.common.text.TextNormalizer;

/**
 * Username and password sign-in, refused while the username or the client address is locked. Each
 * failure is counted once (this provider is the only one, {@link SecurityConfiguration#authenticationManager}).
 */
class ThrottledAuthenticationProvider extends DaoAuthenticationProvider {

	/** Raised while locked; carries the minutes left for the message. */
	static class Throttled extends AuthenticationException {

		final long minutes;

		Throttled(long minutes) {
			super("throttled");
			this.minutes = minutes;
		}
	}

	private final LoginThrottle throttle;

	private final AccountService accounts;

	ThrottledAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle,
			AccountService accounts) {
		super(users);
		setPasswordEncoder(encoder);
		// The password is checked before whether the account is disabled: with a wrong password a disabled
		// account answers exactly as an unknown one, so a guess cannot tell which usernames exist.
		UserDetailsChecker accountState = getPreAuthenticationChecks();
		setPreAuthenticationChecks(user -> {
		});
		UserDetailsChecker passwordAge = getPostAuthenticationChecks();
		setPostAuthenticationChecks(user -> {
			accountState.check(user);
			passwordAge.check(user);
		});
		this.throttle = throttle;
		this.accounts = accounts;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = TextNormalizer.normalize(String.valueOf(authentication.getPrincipal()));
		String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "?";
		var locked = throttle.lockedUntil(username, address);
		if (locked.isPresent()) {
			throw new Throttled(Math.max(1, Duration.between(Instant.now(), locked.get()).toMinutes() + 1));
		}
		try {
			Authentication result = super.authenticate(authentication);
			throttle.succeeded(username);
			if (result.getPrincipal() instanceof AccountPrincipal p) {
				accounts.recordSignIn(p.accountId());
			}
			return result;
		}
		catch (BadCredentialsException e) {
			throttle.failed(username, address);
			throw e;
		}
	}

	@Override
	protected Authentication createSuccessAuthentication(Object principal, Authentication authentication,
			org.springframework.security.core.userdetails.UserDetails user) {
		Object kept = user instanceof AccountPrincipal p ? p.withoutPassword() : principal;
		return super.createSuccessAuthentication(kept, authentication, user);
	}
}
