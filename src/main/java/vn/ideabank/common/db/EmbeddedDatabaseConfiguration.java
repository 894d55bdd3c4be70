package vn.ideabank.common.db;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * With no database URL configured, the application starts its own PostgreSQL (a real server, not
 * an emulation) whose files live under {@code ideabank.embedded-db.data-dir} and survive restarts
 * and crashes (see {@link EmbeddedDatabase}). Tests point the same mechanism at a throw-away directory.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatabaseUrl.class)
@EnableConfigurationProperties(EmbeddedDatabaseConfiguration.Settings.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	/**
	 * A request waits this long for a connection: while the embedded server is being restarted it
	 * gets a clear "unavailable" answer in seconds instead of hanging for Hikari's default 30 s.
	 */
	static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

	/** Closed by Spring after the beans that depend on it (the DataSource and everything using it). */
	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(Settings settings) throws IOException {
		EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(settings.dataDir()), settings.ephemeral(), settings.port());
		log.info("Embedded PostgreSQL listening on 127.0.0.1:{} (pid {}, {})", db.port(), db.pid(),
				settings.ephemeral() ? "throw-away data, fsync off" : "data in " + db.dataDirectory() + ", durable: fsync on");
		return db;
	}

	@Bean
	DataSource dataSource(EmbeddedDatabase db, Settings settings) {
		HikariDataSource ds = new HikariDataSource();
		ds.setJdbcUrl(db.jdbcUrl("postgres", "postgres"));
		ds.setUsername("postgres");
		ds.setMaximumPoolSize(settings.poolSize());
		ds.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
		ds.setPoolName("ideabank-embedded");
		return ds;
	}

	/**
	 * {@code /actuator/health}'s {@code db} component (it replaces Spring Boot's): DOWN at once when
	 * the server's processes are gone (the watchdog then restarts it), the usual validation query
	 * otherwise. Spring Boot's own check would wait up to {@link #CONNECTION_TIMEOUT} for a connection
	 * and, if the restart was quicker, answer UP: an outage the health check never showed.
	 */
	@Bean
	HealthIndicator dbHealthIndicator(EmbeddedDatabase db, DataSource dataSource) {
		DataSourceHealthIndicator query = new DataSourceHealthIndicator(dataSource);
		return () -> {
			Health.Builder health = Health.down().withDetail("state", "restarting");
			if (db.running()) {
				Health checked = query.health();
				health = Health.status(checked.getStatus()).withDetails(checked.getDetails());
			}
			return health.withDetail("port", db.port()).withDetail("durable", db.durable()).withDetail("restarts", db.restarts()).build();
		};
	}

	/**
	 * @param dataDir where the cluster lives between runs
	 * @param port 0 picks a free port
	 * @param ephemeral a fresh cluster in a temporary directory, removed at shutdown, with fsync off (tests)
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
