package vn.ideabank;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ApplicationStartsTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void startsOnRealPostgresWithTheSeededTree() {
		String version = jdbc.sql("select version()").query(String.class).single();
		assertThat(version).startsWith("PostgreSQL");
		long communes = jdbc.sql("select count(*) from org_unit u join org_unit p on u.parent_id = p.id where p.code = 'TS' and u.kind = 'COMMUNE'")
			.query(Long.class).single();
		assertThat(communes).isEqualTo(32);
	}

	/** CI runs the suite twice; this proves each run used the database it claims to. */
	@Test
	void runsOnTheServerNamedByIdeabankTestDbUrlOrElseOnTheEmbeddedOne() throws SQLException {
		String external = System.getenv("IDEABANK_TEST_DB_URL");
		try (Connection c = dataSource.getConnection()) {
			String url = c.getMetaData().getURL();
			if (external != null && !external.isBlank()) {
				assertThat(url).startsWith(external);
			}
			else {
				assertThat(url).startsWith("jdbc:postgresql://localhost:").doesNotContain(":5432/");
			}
		}
	}

	@Test
	void healthIsUpAndTheApiIsDocumented() {
		assertThat(mvc.get().uri("/actuator/health")).hasStatusOk().bodyText().contains("\"status\":\"UP\"");
		assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk().bodyText().contains("/api/v1/units", "/api/v1/me", "Ideabank API", "bearer");
		assertThat(mvc.get().uri("/swagger-ui/index.html")).hasStatusOk();
	}
}
