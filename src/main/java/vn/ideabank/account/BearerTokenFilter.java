package vn.ideabank.account;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer ib_…} on {@code /api/**}: a personal API token signs the request in
 * as its account, for this request only. An unknown or revoked token is answered 401.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private final AccountService accounts;

	private final ApiProblems problems;

	BearerTokenFilter(AccountService accounts, ApiProblems problems) {
		this.accounts = accounts;
		this.problems = problems;
	}

	static boolean hasBearer(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + "/api/") || !hasBearer(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String secret = request.getHeader("Authorization").substring(7).trim();
		var signIn = accounts.signInByToken(secret);
		if (signIn.isPresent() && signIn.get().token().dueForUseRecord(Instant.now())) {
			accounts.recordTokenUse(signIn.get().token()); // a write at most once a minute, not a transaction per request
		}
		var principal = signIn.map(s -> AccountPrincipal.of(s.account(), s.caller().grants()).withoutPassword());
		if (principal.isEmpty()) {
			problems.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "error.badToken");
			return;
		}
		var auth = UsernamePasswordAuthenticationToken.authenticated(principal.get(), null, principal.get().getAuthorities());
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(auth);
		SecurityContextHolder.setContext(context);
		DatabaseCurrentCaller.remember(request, signIn.get().caller()); // read just now: not again for this request
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
