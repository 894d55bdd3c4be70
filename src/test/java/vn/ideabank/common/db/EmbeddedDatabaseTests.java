package vn.ideabank.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default as the application uses it (plain JUnit, no Spring): durable settings, data
 * kept across restarts, a server left running by a killed run stopped at the next start, a killed
 * server restarted by the watchdog, and the guard that stops the server when the JVM goes away.
 */
class EmbeddedDatabaseTests {

	private static final String NAME = "Đoàn xã Thọ Dân: nông nghiệp công nghệ cao";

	@TempDir
	Path tempDir;

	@Test
	void runsDurableAndKeepsItsDataAcrossARestartAndAnOrphanLeftByAKilledRun() throws Exception {
		assertThat(Normalizer.isNormalized(NAME, Normalizer.Form.NFC)).isTrue();
		Path dir = tempDir.resolve("pg");
		Path binary;
		Map<String, String> config;
		int port;
		try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, false, 0); Connection c = connect(db); Statement s = c.createStatement()) {
			port = db.port();
			binary = db.postgresBinary();
			config = db.serverConfig();
			assertThat(setting(s, "fsync")).isEqualTo("on");
			assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
			assertThat(setting(s, "full_page_writes")).isEqualTo("on");
			s.execute("create table idea_note (id int primary key, title varchar(200) not null)");
			try (PreparedStatement insert = c.prepareStatement("insert into idea_note values (1, ?)")) {
				insert.setString(1, NAME);
				insert.executeUpdate();
			}
		}
		// the cluster's files are in the configured directory, not in a throw-away one
		assertThat(dir.resolve("PG_VERSION")).exists();
		assertThat(dir.resolve("postmaster.pid")).doesNotExist();

		// a run killed with SIGKILL leaves its server running, holding postmaster.pid; nothing holds the lock
		EmbeddedDatabase.launchServer(binary, dir, port, config);
		ProcessHandle orphan = PostgresProcesses.livePostmaster(dir).orElseThrow();

		long started = System.nanoTime();
		try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, false, 0); Connection c = connect(db); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select title, octet_length(title) from idea_note where id = 1")) {
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as("start with an orphan").isLessThan(Duration.ofSeconds(30));
			assertThat(PostgresProcesses.running(orphan)).as("the orphaned server is stopped").isFalse();
			assertThat(db.pid()).isNotEqualTo(orphan.pid());
			assertThat(rs.next()).as("row written before the restart").isTrue();
			String title = rs.getString(1);
			assertThat(title).isEqualTo(NAME);
			// stored as NFC UTF-8, not decomposed (which would be longer) nor mangled
			assertThat(rs.getInt(2)).isEqualTo(NAME.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
		}
		assertThat(PostgresProcesses.of(dir)).as("no server left after close").isEmpty();
	}

	@Test
	void theWatchdogRestartsAKilledServerAndTheGuardStopsItWhenTheJvmGoesAway() throws Exception {
		Path dir = tempDir.resolve("pg");
		try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, false, 0)) {
			try (Connection c = connect(db); Statement s = c.createStatement()) {
				s.execute("create table t (id int primary key)");
				s.execute("insert into t values (42)");
			}
			// a second application on the same directory must not take the running server for an orphan
			long running = db.pid();
			assertThatThrownBy(() -> EmbeddedDatabase.start(dir, false, 0)).hasMessageContaining("in use by another running application");
			assertThat(db.running()).isTrue();
			assertThat(db.pid()).isEqualTo(running);

			ProcessHandle first = ProcessHandle.of(db.pid()).orElseThrow();
			first.destroyForcibly(); // SIGKILL, as the OOM killer does
			assertThat(first.onExit().get(5, TimeUnit.SECONDS).isAlive()).isFalse();
			poll(Duration.ofSeconds(30), () -> db.running() && db.pid() != first.pid());
			assertThat(db.restarts()).isEqualTo(1);
			poll(Duration.ofSeconds(10), () -> {
				try (Connection c = connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from t")) {
					return rs.next() && rs.getInt(1) == 42;
				}
				catch (SQLException e) {
					return false;
				}
			});

			// the JVM's death closes the guard's input: the server is stopped (fast shutdown) within seconds
			ProcessHandle second = ProcessHandle.of(db.pid()).orElseThrow();
			db.guard().getOutputStream().close();
			assertThat(second.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
		}
		assertThat(Files.exists(dir.resolve("postmaster.pid"))).isFalse();
	}

	@Test
	void theThrowAwayDatabaseKeepsTheFastSettingsAndIsRemovedWhenClosed() throws Exception {
		Path dir;
		try (EmbeddedDatabase db = EmbeddedDatabase.start(tempDir.resolve("unused"), true, 0); Connection c = connect(db);
				Statement s = c.createStatement()) {
			dir = db.dataDirectory();
			assertThat(setting(s, "fsync")).isEqualTo("off");
			assertThat(setting(s, "synchronous_commit")).isEqualTo("off");
		}
		assertThat(dir).doesNotExist();
	}

	private static Connection connect(EmbeddedDatabase db) throws SQLException {
		return DriverManager.getConnection(db.jdbcUrl("postgres", "postgres"));
	}

	private static String setting(Statement s, String name) throws SQLException {
		try (ResultSet rs = s.executeQuery("show " + name)) {
			rs.next();
			return rs.getString(1);
		}
	}

	interface Check {
		boolean ok() throws Exception;
	}

	static void poll(Duration limit, Check check) throws Exception {
		long deadline = System.nanoTime() + limit.toNanos();
		while (!check.ok()) {
			assertThat(System.nanoTime()).as("condition not met within " + limit).isLessThan(deadline);
			Thread.sleep(100);
		}
	}
}
