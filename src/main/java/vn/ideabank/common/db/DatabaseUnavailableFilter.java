package vn.ideabank.common.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * Outermost filter: a request that fails because the database cannot be reached answers 503 with a
 * short page (or problem details under /api) in the caller's language, whichever layer failed:
 * the session lookup, the bearer-token check or the controller. It renders without the database and
 * without the error dispatch, which would meet the same failure in the session and security filters.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	static final String RETRY_AFTER_SECONDS = "5";

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	private final MessageSource messages;

	private final LocaleResolver locales;

	DatabaseUnavailableFilter(MessageSource messages, LocaleResolver locales) {
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException e) {
			if (!DatabaseUnavailable.isCause(e) || response.isCommitted()) {
				throw e;
			}
			log.warn("{} {} answered 503, the database is unavailable: {}", request.getMethod(), request.getRequestURI(), e.toString());
			unavailable(request, response);
		}
	}

	private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Locale locale = locales.resolveLocale(request);
		String detail = messages.getMessage("error.databaseUnavailable", null, locale);
		response.reset();
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
		response.setHeader("Cache-Control", "no-store");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.setContentType("application/problem+json");
			response.getWriter().write("{\"type\":\"urn:ideabank:problem:unavailable\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\""
					+ json(detail) + "\",\"instance\":\"" + json(request.getRequestURI()) + "\"}");
			return;
		}
		response.setContentType("text/html;charset=UTF-8");
		String title = HtmlUtils.htmlEscape(messages.getMessage("error.title", null, locale), "UTF-8");
		response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + "</title>"
				+ "<link rel=\"stylesheet\" href=\"" + request.getContextPath() + "/css/app.css\"></head><body><main id=\"main\"><h1>"
				+ title + "</h1><p class=\"status\">503</p><p>" + HtmlUtils.htmlEscape(detail, "UTF-8") + "</p><p><a href=\""
				+ request.getContextPath() + "/\">" + HtmlUtils.htmlEscape(messages.getMessage("error.backHome", null, locale), "UTF-8")
				+ "</a></p></main></body></html>");
	}

	private static String json(String s) {
		StringBuilder b = new StringBuilder();
		for (char c : s.toCharArray()) {
			switch (c) {
				case '"' -> b.append("\\\"");
				case '\\' -> b.append("\\\\");
				default -> {
					if (c < 0x20) {
						b.append(String.format("\\u%04x", (int) c));
					}
					else {
						b.append(c);
					}
				}
			}
		}
		return b.toString();
	}
}
