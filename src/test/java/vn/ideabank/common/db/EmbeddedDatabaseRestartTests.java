package vn.ideabank.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Normalizer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default keeps its data under the data directory: what was written before a restart
 * is there, unchanged, after it. Plain JUnit: the configuration is used as the application uses it.
 */
class EmbeddedDatabaseRestartTests {

	private static final String NAME = "Đoàn xã Thọ Dân: nông nghiệp công nghệ cao";

	@TempDir
	Path tempDir;

	@Test
	void dataSurvivesARestart() throws Exception {
		assertThat(Normalizer.isNormalized(NAME, Normalizer.Form.NFC)).isTrue();
		EmbeddedDatabaseConfiguration.Settings settings = new EmbeddedDatabaseConfiguration.Settings(
				tempDir + "/pg", 0, false, 2);
		int firstPort;
		try (EmbeddedPostgres pg = new EmbeddedDatabaseConfiguration().embeddedPostgres(settings);
				Connection c = pg.getPostgresDatabase().getConnection();
				Statement s = c.createStatement()) {
			firstPort = pg.getPort();
			s.execute("create table idea_note (id int primary key, title varchar(200) not null)");
			try (PreparedStatement insert = c.prepareStatement("insert into idea_note values (1, ?)")) {
				insert.setString(1, NAME);
				insert.executeUpdate();
			}
		}
		// the cluster's files are in the configured directory, not in a throw-away one
		assertThat(tempDir.resolve("pg").resolve("PG_VERSION")).exists();
		try (var files = Files.list(tempDir.resolve("pg"))) {
			assertThat(files.count()).isGreaterThan(5);
		}

		try (EmbeddedPostgres pg = new EmbeddedDatabaseConfiguration().embeddedPostgres(settings);
				Connection c = pg.getPostgresDatabase().getConnection();
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select title, octet_length(title) from idea_note where id = 1")) {
			assertThat(firstPort).isPositive();
			assertThat(rs.next()).as("row written before the restart").isTrue();
			String title = rs.getString(1);
			assertThat(title).isEqualTo(NAME);
			assertThat(Normalizer.isNormalized(title, Normalizer.Form.NFC)).isTrue();
			// stored as NFC UTF-8, not decomposed (which would be longer) nor mangled
			assertThat(rs.getInt(2)).isEqualTo(NAME.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
		}
	}
}
