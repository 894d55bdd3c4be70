package vn.ideabank.common.db;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The read-your-writes rule of the read replica ({@link ReadReplicaConfiguration}): for a while after a
 * person's write (any POST, PUT, PATCH or DELETE), that person's reads go to the primary, so the list they
 * return to shows what they just saved even when the replica lags. Browsers are recognised by a cookie
 * (which every node reads, so it holds behind a load balancer); API clients, which often keep no
 * cookies, by their account name on this node.
 */
final class ReadYourWrites extends OncePerRequestFilter {

	static final String COOKIE = "IB_PRIMARY_UNTIL";

	/** Past this many remembered writers, the expired ones are dropped. */
	private static final int PRUNE_ABOVE = 10_000;

	private static final ThreadLocal<Boolean> PRIMARY = new ThreadLocal<>();

	private final Duration window;

	private final Map<String, Long> writers = new ConcurrentHashMap<>();

	ReadYourWrites(Duration window) {
		this.window = window;
	}

	/** Whether the current request's reads must see the primary. */
	static boolean primaryRequired() {
		return Boolean.TRUE.equals(PRIMARY.get());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long now = System.currentTimeMillis();
		String who = caller();
		boolean writes = !switch (request.getMethod()) {
			case "GET", "HEAD", "OPTIONS", "TRACE" -> true;
			default -> false;
		};
		if (writes) {
			long until = now + window.toMillis();
			response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, Long.toString(until)).path("/").httpOnly(true)
				.sameSite("Lax").maxAge(window).build().toString());
			if (who != null) {
				remember(who, until, now);
			}
		}
		PRIMARY.set(writes || cookieUntil(request) > now || (who != null && writers.getOrDefault(who, 0L) > now));
		try {
			chain.doFilter(request, response);
		}
		finally {
			PRIMARY.remove();
		}
	}

	private void remember(String who, long until, long now) {
		if (writers.size() > PRUNE_ABOVE) {
			writers.values().removeIf(t -> t <= now);
		}
		writers.put(who, until);
	}

	private static long cookieUntil(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName())) {
					try {
						return Long.parseLong(cookie.getValue());
					}
					catch (NumberFormatException e) {
						return 0;
					}
				}
			}
		}
		return 0;
	}

	private static String caller() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.isAuthenticated() ? auth.getName() : null;
	}
}
