package vn.ideabank.account;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.RedirectStrategy;

/**
 * Redirects of the sign-in (back to the page first asked for) go to a path on this site, never to
 * another host: the saved request's absolute URL is cut to its path and query (its host was read from
 * the request, which a client may have written), and {@code //host} is refused.
 */
final class RelativeRedirects implements RedirectStrategy {

	@Override
	public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
		response.sendRedirect(response.encodeRedirectURL(sitePath(request.getContextPath(), url)));
	}

	static String sitePath(String contextPath, String url) {
		String path;
		try {
			URI uri = URI.create(url);
			if (uri.isAbsolute() || uri.getRawAuthority() != null) {
				// the saved request's full URL: its path already holds the context path
				path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
						+ (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
			}
			else {
				path = contextPath + (url.startsWith("/") ? url : "/" + url);
			}
		}
		catch (IllegalArgumentException e) {
			path = contextPath + "/";
		}
		while (path.startsWith("//") || path.startsWith("/\\")) {
			path = path.substring(1); // "//evil.example" would leave the site
		}
		return path;
	}
}
