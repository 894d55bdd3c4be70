package vn.ideabank.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.ideabank.IdeabankApplication;

/**
 * Reads on a real streaming replica: a primary and a hot standby (two embedded PostgreSQL servers, the
 * standby made from a base backup of the primary and fed by streaming replication), and the application
 * on both. With the standby's replay paused, the office's read does not see an idea just written (it
 * was served by the replica) while its author does (read-your-writes: primary), as does anyone carrying
 * the author's cookie; once replay resumes the office sees it; with the replica stopped, reads fall back
 * to the primary.
 */
class ReadReplicaTests {

	static final String WRITER_TOKEN = "ib_replica-writer-token-0123456789";

	static final String READER_TOKEN = "ib_replica-reader-token-0123456789";

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TempDir
	Path dir;

	int appPort;

	@Test
	void readsAreServedByTheReplicaExceptTheWritersOwnAndFallBackToThePrimaryWhenItIsGone() throws Exception {
		try (EmbeddedPostgres primary = server(dir.resolve("primary"), 0);
				Connection admin = primary.getPostgresDatabase().getConnection()) {
			Path standbyDir = baseBackup(admin, dir.resolve("primary"), dir.resolve("replica"));
			Files.writeString(standbyDir.resolve("standby.signal"), "");
			Files.writeString(standbyDir.resolve("postgresql.auto.conf"), """
					primary_conninfo = 'host=127.0.0.1 port=%d user=postgres application_name=ideabank-replica'
					primary_slot_name = 'ideabank_replica'
					""".formatted(primary.getPort()));
			EmbeddedPostgres replica = server(standbyDir, 0);
			boolean replicaStopped = false;
			try (Connection standby = replica.getPostgresDatabase().getConnection();
					ConfigurableApplicationContext app = start(primary, replica)) {
				appPort = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
				assertThat(single(standby, "select pg_is_in_recovery()")).isEqualTo("t");
				update(admin, "insert into api_token (account_id, name, token_hash, token_prefix) select id, 'replica test', '%s', 'ib_repli' from account where username = 'doan.thodan'"
					.formatted(sha256(WRITER_TOKEN)));
				update(admin, "insert into api_token (account_id, name, token_hash, token_prefix) select id, 'replica test', '%s', 'ib_repli' from account where username = 'huyendoan.trieuson'"
					.formatted(sha256(READER_TOKEN)));
				long unitId = Long.parseLong(single(admin, "select id from org_unit where code = 'TS-THODAN'"));
				waitUntil(() -> count(standby, "select count(*) from api_token where name = 'replica test'") == 2, "the replica has the tokens");

				single(standby, "select pg_wal_replay_pause()");
				HttpResponse<String> created = send("POST", "/api/v1/ideas", WRITER_TOKEN, body(unitId), null);
				assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
				String cookie = created.headers().firstValue("Set-Cookie").orElseThrow();
				assertThat(cookie).startsWith(ReadYourWrites.COOKIE + "=").contains("HttpOnly");
				String location = created.headers().firstValue("Location").orElseThrow();
				long ideaId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
				// the write went to the primary only
				assertThat(count(admin, "select count(*) from idea where id = " + ideaId)).isEqualTo(1);
				assertThat(count(standby, "select count(*) from idea where id = " + ideaId)).isZero();

				// the office's read is served by the (paused) replica; the author's own by the primary
				assertThat(send("GET", location, READER_TOKEN, null, null).statusCode()).isEqualTo(404);
				assertThat(send("GET", location, WRITER_TOKEN, null, null).statusCode()).isEqualTo(200);
				// a browser that just wrote carries the cookie, which every node honours
				assertThat(send("GET", location, READER_TOKEN, null, cookie.substring(0, cookie.indexOf(';'))).statusCode()).isEqualTo(200);

				single(standby, "select pg_wal_replay_resume()");
				waitUntil(() -> status(location, READER_TOKEN) == 200, "the office sees the idea once the replica has replayed it");

				replica.close();
				replicaStopped = true;
				// a read on a pooled connection that died with the replica gets the "unavailable" answer; the next ones
				// find no replica and go to the primary
				java.util.Set<Integer> answers = new java.util.TreeSet<>();
				waitUntil(() -> {
					answers.add(status(location, READER_TOKEN));
					return answers.contains(200);
				}, "with the replica gone, reads fall back to the primary");
				assertThat(answers).as("answers while the replica was gone").isSubsetOf(200, 503);
			}
			finally {
				if (!replicaStopped) {
					replica.close();
				}
			}
		}
	}

	private ConfigurableApplicationContext start(EmbeddedPostgres primary, EmbeddedPostgres replica) {
		return new SpringApplicationBuilder(IdeabankApplication.class).profiles("test").run(
				"--server.port=0",
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + primary.getPort() + "/postgres",
				"--spring.datasource.username=postgres",
				"--ideabank.db.replica.url=jdbc:postgresql://127.0.0.1:" + replica.getPort() + "/postgres",
				"--ideabank.db.replica.read-your-writes=PT5M",
				"--ideabank.files.dir=" + dir.resolve("files"),
				"--ideabank.search.index-dir=" + dir.resolve("index"),
				"--spring.jmx.enabled=false");
	}

	static EmbeddedPostgres server(Path dataDir, int port) throws Exception {
		Files.createDirectories(dataDir);
		return EmbeddedPostgres.builder()
			.setPGStartupWait(Duration.ofSeconds(30))
			.setLocaleConfig("encoding", "UTF8")
			.setLocaleConfig("locale", "C.UTF-8")
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setServerConfig("max_connections", "100")
			.setServerConfig("timezone", "UTC")
			.setPort(port)
			.start();
	}

	/**
	 * A base backup by PostgreSQL's own low-level API (what {@code pg_basebackup} does, without its binary,
	 * which zonky's bundle lacks): a replication slot keeps the WAL the standby will need, the files are
	 * copied between {@code pg_backup_start} and {@code pg_backup_stop}, and the backup label is written.
	 */
	static Path baseBackup(Connection primary, Path from, Path to) throws Exception {
		single(primary, "select pg_create_physical_replication_slot('ideabank_replica', true)");
		single(primary, "select pg_backup_start('ideabank-replica', true)");
		try (Stream<Path> files = Files.walk(from)) {
			for (Path source : (Iterable<Path>) files::iterator) {
				Path relative = from.relativize(source);
				String name = relative.toString();
				if (name.equals("postmaster.pid") || name.equals("postmaster.opts")
						|| (relative.getNameCount() > 1 && (name.startsWith("pg_wal") || name.startsWith("pg_replslot")))) {
					continue;
				}
				Path target = to.resolve(relative);
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else if (Files.exists(source)) {
					Files.copy(source, target);
				}
			}
		}
		String label = single(primary, "select labelfile from pg_backup_stop(false)");
		Files.writeString(to.resolve("backup_label"), label);
		Files.setPosixFilePermissions(to, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
		return to;
	}

	private HttpResponse<String> send(String method, String path, String token, String json, String cookie) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + appPort + path))
			.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private int status(String path, String token) {
		try {
			return send("GET", path, token, null, null).statusCode();
		}
		catch (Exception e) {
			return -1;
		}
	}

	private static String body(long unitId) {
		return """
				{"unitId":%d,"authors":[{"fullName":"Lê Thị Bền"}],"content":{"year":2026,"kind":"IDEA",
				"title":"Máy gieo hạt kéo tay đọc ở bản sao","summary":"Tóm tắt.","publicOptOut":false}}""".formatted(unitId);
	}

	static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as(what).isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	static String single(Connection connection, String sql) {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(sql, e);
		}
	}

	static long count(Connection connection, String sql) {
		return Long.parseLong(single(connection, sql));
	}

	static void update(Connection connection, String sql) throws Exception {
		try (Statement statement = connection.createStatement()) {
			statement.executeUpdate(sql);
		}
	}

	static String sha256(String s) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
	}
}
