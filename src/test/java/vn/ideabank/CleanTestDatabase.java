package vn.ideabank;

import org.flywaydb.core.Flyway;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** An external test database keeps what the last run left: the suite starts from an empty schema. */
@TestConfiguration(proxyBeanMethods = false)
class CleanTestDatabase {

	@Bean
	FlywayMigrationStrategy cleanThenMigrate() {
		return (Flyway flyway) -> {
			flyway.clean();
			flyway.migrate();
		};
	}
}
