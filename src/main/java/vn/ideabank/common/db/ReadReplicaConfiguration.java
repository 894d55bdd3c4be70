package vn.ideabank.common.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.util.StringUtils;

/**
 * With {@code ideabank.db.replica.url} set (IDEABANK_DB_REPLICA_URL: a PostgreSQL streaming replica of the
 * primary), read-only transactions ({@code @Transactional(readOnly = true)}: lists, dashboards, exports,
 * search result loading) take their connections from the replica and every other transaction from the
 * primary. Spring's {@link LazyConnectionDataSourceProxy} does the routing: it fetches the physical
 * connection only at the first statement, once the transaction's read-only flag is known.
 * <p>
 * Two exceptions send a read-only transaction to the primary after all: the person who wrote a moment
 * ago ({@link ReadYourWrites}, so nobody misses their own change behind the replica's lag), and a replica
 * that cannot be reached (the read goes to the primary and a warning is logged, instead of a failed page).
 * Without the setting nothing is wrapped. docs/deployment.md describes the set-up.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ideabank.db.replica.url")
class ReadReplicaConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ReadReplicaConfiguration.class);

	/** Wraps the application's DataSource (embedded or external) once it exists. */
	@Bean
	static BeanPostProcessor readReplicaRouting(Environment env) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (!"dataSource".equals(name) || !(bean instanceof DataSource primary) || bean instanceof LazyConnectionDataSourceProxy) {
					return bean;
				}
				Settings settings = Binder.get(env).bindOrCreate("ideabank.db.replica", Settings.class);
				HikariDataSource replica = settings.pool(env);
				log.info("Read-only transactions are served by the replica at {} (the writer's own reads for {} go to the primary)",
						replica.getJdbcUrl(), settings.readYourWrites());
				LazyConnectionDataSourceProxy routing = new LazyConnectionDataSourceProxy(primary);
				routing.setReadOnlyDataSource(new ReplicaOrPrimary(replica, primary));
				return routing;
			}
		};
	}

	/** Spring Security's filter chain runs at order -100 (Boot's default); this filter runs inside it, with the caller known. */
	static final int AFTER_SECURITY = 0;

	static final Duration REPLICA_CONNECTION_TIMEOUT = Duration.ofSeconds(2);

	/** After Spring Security's filters, so the caller's name is known. */
	@Bean
	FilterRegistrationBean<ReadYourWrites> readYourWritesFilter(Environment env) {
		Settings settings = Binder.get(env).bindOrCreate("ideabank.db.replica", Settings.class);
		var registration = new FilterRegistrationBean<>(new ReadYourWrites(settings.readYourWrites()));
		registration.setOrder(AFTER_SECURITY);
		return registration;
	}

	/**
	 * @param url the replica's JDBC URL
	 * @param username defaults to the primary's
	 * @param password defaults to the primary's
	 * @param poolSize connections to the replica (default 10)
	 * @param readYourWrites how long after a write its author reads from the primary (default 10 s: well above the lag
	 *     of a healthy replica on the same network)
	 */
	record Settings(String url, String username, String password, int poolSize, Duration readYourWrites) {

		Settings {
			poolSize = poolSize > 0 ? poolSize : 10;
			readYourWrites = readYourWrites != null ? readYourWrites : Duration.ofSeconds(10);
		}

		HikariDataSource pool(Environment env) {
			HikariDataSource ds = new HikariDataSource();
			ds.setPoolName("ideabank-replica");
			ds.setJdbcUrl(url);
			ds.setUsername(StringUtils.hasText(username) ? username : env.getProperty("spring.datasource.username", "postgres"));
			ds.setPassword(StringUtils.hasText(password) ? password : env.getProperty("spring.datasource.password"));
			ds.setMaximumPoolSize(poolSize);
			ds.setReadOnly(true);
			// a replica that does not answer quickly is skipped for a while (ReplicaOrPrimary)
			ds.setConnectionTimeout(REPLICA_CONNECTION_TIMEOUT.toMillis());
			// a replica that is down must not hold the application's start
			ds.setInitializationFailTimeout(-1);
			return ds;
		}
	}

	/** The replica, except for a recent writer or when the replica cannot be reached. */
	static final class ReplicaOrPrimary extends DelegatingDataSource {

		/** After a failed attempt, reads go straight to the primary this long before the replica is tried again. */
		static final Duration RETRY_AFTER = Duration.ofSeconds(30);

		private final DataSource primary;

		private volatile long skipReplicaUntil;

		ReplicaOrPrimary(DataSource replica, DataSource primary) {
			super(replica);
			this.primary = primary;
		}

		@Override
		public Connection getConnection() throws SQLException {
			if (ReadYourWrites.primaryRequired() || System.currentTimeMillis() < skipReplicaUntil) {
				return readOnly(primary.getConnection());
			}
			try {
				return super.getConnection();
			}
			catch (SQLException e) {
				skipReplicaUntil = System.currentTimeMillis() + RETRY_AFTER.toMillis();
				log.warn("The read replica cannot be reached ({}); reads go to the primary for {}", e.getMessage(), RETRY_AFTER);
				return readOnly(primary.getConnection());
			}
		}

		/** The pool resets the flag when the connection is returned. */
		private static Connection readOnly(Connection connection) throws SQLException {
			connection.setReadOnly(true);
			return connection;
		}
	}
}
