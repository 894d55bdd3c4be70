package vn.ideabank.common.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Forwarded headers ({@code Forwarded}, {@code X-Forwarded-For/-Proto/-Host/-Port/-Prefix/-Ssl}) are
 * honoured only when the request comes straight from one of the {@link TrustedProxies}; from anyone
 * else they are removed before anything reads them. Believed from anyone, a rotating
 * {@code X-Forwarded-For} escaped the sign-in throttle and the voting limits per address, and an
 * {@code X-Forwarded-Host} chose where the sign-in redirect, {@code og:url} and QR codes pointed.
 * <p>
 * Through trusted proxies the client is the right-most address of {@code X-Forwarded-For} (or of
 * {@code Forwarded: for=}) that is not itself a trusted proxy: the left-most is whatever the client
 * wrote, since proxies append.
 */
class TrustedProxyFilter extends OncePerRequestFilter {

	private final TrustedProxies trusted;

	private final ForwardedHeaderFilter honour = new ForwardedHeaderFilter();

	private final ForwardedHeaderFilter remove = new ForwardedHeaderFilter();

	TrustedProxyFilter(TrustedProxies trusted) {
		this.trusted = trusted;
		this.remove.setRemoveOnly(true);
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!trusted.contains(request.getRemoteAddr())) {
			remove.doFilter(request, response, chain);
			return;
		}
		String client = clientAddress(request);
		honour.doFilter(request, response, (req, res) -> chain.doFilter(new ClientAddress((HttpServletRequest) req, client), res));
	}

	/** The nearest address in the forwarding chain that is not one of our proxies. */
	String clientAddress(HttpServletRequest request) {
		List<String> hops = hops(request, "X-Forwarded-For");
		if (hops.isEmpty()) {
			hops = forwardedFor(request);
		}
		for (int i = hops.size() - 1; i >= 0; i--) {
			String hop = TrustedProxies.bare(hops.get(i));
			if (!trusted.contains(hop)) {
				return hop;
			}
		}
		return hops.isEmpty() ? request.getRemoteAddr() : TrustedProxies.bare(hops.get(0));
	}

	private static List<String> hops(HttpServletRequest request, String header) {
		List<String> hops = new ArrayList<>();
		for (String value : Collections.list(request.getHeaders(header))) {
			for (String part : value.split(",")) {
				if (!part.isBlank()) {
					hops.add(part.strip());
				}
			}
		}
		return hops;
	}

	/** {@code Forwarded: for=198.51.100.7;proto=https, for="[2001:db8::1]"} → the {@code for} values in order. */
	private static List<String> forwardedFor(HttpServletRequest request) {
		List<String> hops = new ArrayList<>();
		for (String element : hops(request, "Forwarded")) {
			for (String pair : element.split(";")) {
				String p = pair.strip();
				if (p.toLowerCase(Locale.ROOT).startsWith("for=")) {
					hops.add(p.substring(4));
				}
			}
		}
		return hops;
	}

	private static final class ClientAddress extends HttpServletRequestWrapper {

		private final String address;

		ClientAddress(HttpServletRequest request, String address) {
			super(request);
			this.address = address;
		}

		@Override
		public String getRemoteAddr() {
			return address;
		}

		@Override
		public String getRemoteHost() {
			return address;
		}
	}
}
