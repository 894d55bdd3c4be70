package vn.ideabank.common.web;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The site's public address, the one source of absolute links: {@code og:url}, QR codes, certificates,
 * e-mails, the portal export. Configured ({@code ideabank.public-base-url}, env {@code IDEABANK_BASE_URL},
 * or the older {@code IDEABANK_CONTEST_PUBLIC_BASE_URL}), it is used as is and nothing in a request can
 * change it. Not configured, the current request's own address stands in (its scheme and host come from
 * a trusted proxy or the request itself, never from a forwarded header of anyone else), and outside a
 * request {@code http://localhost:<port>}. Links sent to other people (e-mails) never take the request's
 * address: whoever sends {@code Host: evil.example} with a comment must not choose where its notices point.
 */
@Component
public class PublicLinks {

	private final String configured;

	private final int port;

	/** The older per-feature properties still count when the one setting is empty. */
	PublicLinks(@Value("${ideabank.public-base-url:}") String configured,
			@Value("${ideabank.contest.public-base-url:}") String contestAlias,
			@Value("${ideabank.notifications.base-url:}") String notificationsAlias, @Value("${server.port:8080}") int port) {
		if ((configured == null || configured.isBlank()) && firstSet(contestAlias, notificationsAlias) != null) {
			org.slf4j.LoggerFactory.getLogger(PublicLinks.class).warn("ideabank.contest.public-base-url and "
					+ "ideabank.notifications.base-url are deprecated: set IDEABANK_BASE_URL (ideabank.public-base-url)");
		}
		this.configured = validated(firstSet(configured, contestAlias, notificationsAlias));
		this.port = port;
	}

	/** The address without a trailing slash, e.g. {@code https://ideabank.thanhhoa.gov.vn}. */
	public String base() {
		if (configured != null) {
			return configured;
		}
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
			return ServletUriComponentsBuilder.fromContextPath(request.getRequest()).replaceQuery(null).build()
				.toUriString().replaceAll("/+$", "");
		}
		return forMessages("");
	}

	/** {@code path} (starting with /) made absolute on the public address. */
	public String absolute(String path) {
		return base() + path;
	}

	/** {@code path} on the configured address, or {@code http://localhost:<port>}: for e-mails to other people. */
	public String forMessages(String path) {
		return (configured != null ? configured : "http://localhost:" + (port > 0 ? port : 8080)) + path;
	}

	private static String firstSet(String... values) {
		for (String v : values) {
			if (v != null && !v.isBlank()) {
				return v;
			}
		}
		return null;
	}

	private static String validated(String url) {
		if (url == null || url.isBlank()) {
			return null;
		}
		String u = url.strip().replaceAll("/+$", "");
		URI uri;
		try {
			uri = URI.create(u);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("ideabank.public-base-url: '" + url + "' is not a URL", e);
		}
		if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
				|| uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw new IllegalArgumentException("ideabank.public-base-url: '" + url
					+ "' must be an http(s) address such as https://ideabank.example.vn (optionally with a path)");
		}
		return u;
	}
}
