package vn.ideabank;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ApplicationStartsTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void startsOnRealPostgresWithTheSeededTree() {
		String version = jdbc.sql("select version()").query(String.class).single();
		assertThat(version).startsWith("PostgreSQL");
		long communes = jdbc.sql("select count(*) from org_unit u join org_unit p on u.parent_id = p.id where p.code = 'TS' and u.kind = 'COMMUNE'")
			.query(Long.class).single();
		assertThat(communes).isEqualTo(32);
	}
}
