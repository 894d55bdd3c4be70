package vn.ideabank.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import jakarta.servlet.ServletException;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/** A request that fails for want of a database answers 503 in the caller's language, not a bare 500. */
class DatabaseUnavailableFilterTests {

	private final DatabaseUnavailableFilter filter = new DatabaseUnavailableFilter(messages(),
			new FixedLocaleResolver(Locale.forLanguageTag("vi")));

	@Test
	void aPageWhoseSessionLookupFindsNoDatabaseAnswers503WithAVietnamesePage() throws Exception {
		MockHttpServletResponse response = run("/ideas", new ServletException("Request processing failed",
				new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
						new SQLTransientConnectionException("ideabank-embedded - Connection is not available, request timed out after 5000ms"))));
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("5");
		assertThat(response.getContentType()).startsWith("text/html");
		assertThat(response.getContentAsString()).contains("<html lang=\"vi\"", "503", "Cơ sở dữ liệu tạm thời không truy cập được");
	}

	@Test
	void anApiCallAnswersProblemDetails() throws Exception {
		// PostgreSQL while it starts up: 57P03 "the database system is starting up"
		MockHttpServletResponse response = run("/api/v1/ideas",
				new IllegalStateException(new SQLException("FATAL: the database system is starting up", "57P03")));
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString()).contains("\"status\":503", "urn:ideabank:problem:unavailable",
				"Cơ sở dữ liệu tạm thời không truy cập được");
	}

	@Test
	void aRollbackOnAConnectionThePoolEvictedCountsAsUnavailable() throws Exception {
		// what escapes when the server dies mid-transaction: Spring logs the first failure and throws the rollback's
		MockHttpServletResponse response = run("/api/v1/ideas", new JpaSystemException(
				new IllegalStateException("Unable to rollback against JDBC Connection", new SQLException("Connection is closed"))));
		assertThat(response.getStatus()).isEqualTo(503);
	}

	@Test
	void otherFailuresAreLeftAlone() {
		assertThatThrownBy(() -> run("/ideas", new DataIntegrityViolationException("duplicate key")))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	private MockHttpServletResponse run(String uri, Exception failure) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, (req, res) -> {
			if (failure instanceof ServletException e) {
				throw e;
			}
			throw (RuntimeException) failure;
		});
		return response;
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("i18n/messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}
}
