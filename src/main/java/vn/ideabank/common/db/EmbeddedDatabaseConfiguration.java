package vn.ideabank.common.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * With no database URL configured, the application starts its own PostgreSQL (a real server, not
 * an emulation) whose files live under {@code ideabank.embedded-db.data-dir} and survive restarts.
 * Tests point the same mechanism at a throw-away directory.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatabaseUrl.class)
@EnableConfigurationProperties(EmbeddedDatabaseConfiguration.Settings.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(Settings settings) throws IOException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("max_connections", "100")
			.setServerConfig("timezone", "UTC")
			.setLocaleConfig("encoding", "UTF8")
			.setLocaleConfig("locale", "C.UTF-8")
			.setPort(settings.port());
		if (settings.ephemeral()) {
			builder.setCleanDataDirectory(true);
		}
		else {
			Path dir = Path.of(settings.dataDir()).toAbsolutePath();
			Files.createDirectories(dir.getParent());
			builder.setDataDirectory(dir).setCleanDataDirectory(false);
		}
		EmbeddedPostgres pg = builder.start();
		log.info("Embedded PostgreSQL listening on 127.0.0.1:{} ({})", pg.getPort(),
				settings.ephemeral() ? "throw-away data" : "data in " + Path.of(settings.dataDir()).toAbsolutePath());
		return pg;
	}

	@Bean
	DataSource dataSource(EmbeddedPostgres pg, Settings settings) {
		HikariDataSource ds = new HikariDataSource();
		ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
		ds.setUsername("postgres");
		ds.setMaximumPoolSize(settings.poolSize());
		ds.setPoolName("ideabank-embedded");
		return ds;
	}

	/**
	 * @param dataDir where the cluster lives between runs
	 * @param port 0 picks a free port
	 * @param ephemeral a fresh cluster in a temporary directory, removed at shutdown (tests)
	 * @param poolSize connection pool size
	 */
	@ConfigurationProperties("ideabank.embedded-db")
	record Settings(String dataDir, int port, boolean ephemeral, int poolSize) {

		Settings {
			dataDir = StringUtils.hasText(dataDir) ? dataDir : "data/postgres";
			poolSize = poolSize > 0 ? poolSize : 10;
		}
	}

	static class NoDatabaseUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}
	}
}
