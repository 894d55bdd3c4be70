package vn.ideabank.account;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/** Problem details written by the security filters, before any controller runs. */
@Component
class ApiProblems {

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final JsonMapper json;

	ApiProblems(MessageSource messages, LocaleResolver locales, JsonMapper json) {
		this.messages = messages;
		this.locales = locales;
		this.json = json;
	}

	void write(HttpServletRequest request, HttpServletResponse response, int status, String type, String messageKey)
			throws IOException {
		Locale locale = locales.resolveLocale(request);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status),
				messages.getMessage(messageKey, null, messageKey, locale));
		problem.setType(java.net.URI.create("urn:ideabank:problem:" + type));
		problem.setInstance(java.net.URI.create(request.getRequestURI()));
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}

	static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}
}
