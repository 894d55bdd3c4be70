package vn.ideabank.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.json.JsonMapper;
import vn.ideabank.IntegrationTest;
import vn.ideabank.common.db.ChildApplication;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaTestDataAccess;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.org.UnitService;

/**
 * The round trip an office does when its laptop dies: a backup taken from the running application
 * (ideas with an attachment among the whole suite's data), restored on a "fresh machine" (a second
 * application started as a child JVM on an empty data directory with IDEABANK_RESTORE): every table
 * holds the same rows, the attachment's bytes are the same, and the restored application finds the
 * idea by search. A restore into a database that is not empty is refused and changes nothing.
 */
class BackupRestoreTests extends IntegrationTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String TOKEN = "ib_backup-restore-test-token-0123456789";

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Flyway flyway;

	@Value("${ideabank.files.dir}")
	String filesDir;

	@TempDir
	Path tempDir;

	@Test
	void aBackupTakenWhileRunningRestoresOnAFreshMachineWithTheSameRowsFilesAndSearch() throws Exception {
		long unit = units.findByCode("TS-THODAN").orElseThrow().id();
		IdeaView idea = ideas.create(caller("doan.thodan"), IdeaTestDataAccess.save(unit, "Máy sấy nông sản dùng năng lượng mặt trời sao lưu"));
		byte[] pdf = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n% Thọ Dân "
				+ System.nanoTime()).getBytes(StandardCharsets.UTF_8);
		assertThat(mvc.post().uri("/api/v1/ideas/{id}/attachments", idea.id()).multipart()
			.file(new MockMultipartFile("file", "bản vẽ.pdf", "application/pdf", pdf)).with(as("doan.thodan")).with(csrf()))
			.hasStatus(201);
		long attachmentId = jdbc.sql("select id from idea_attachment where idea_id = :id").param("id", idea.id()).query(Long.class).single();
		jdbc.sql("insert into api_token (account_id, name, token_hash, token_prefix) select id, 'backup test', :h, 'ib_backu' from account where username = 'admin'")
			.param("h", sha256(TOKEN)).update();

		// only a system-wide administrator takes backups
		assertThat(mvc.post().uri("/api/v1/admin/backups").with(as("huyendoan.trieuson")).with(csrf())).hasStatus(403);
		MvcTestResult created = mvc.post().uri("/api/v1/admin/backups").with(as("admin")).with(csrf()).exchange();
		assertThat(created).hasStatus(201);
		String name = JSON.readTree(created.getResponse().getContentAsString()).get("name").asString();
		assertThat(name).matches("ideabank-\\d{8}-\\d{6}(-\\d+)?\\.zip");
		assertThat(mvc.get().uri("/admin/backup").with(as("admin"))).hasStatusOk().bodyText().contains(name);
		MvcTestResult download = mvc.get().uri("/api/v1/admin/backups/{name}", name).with(as("admin")).exchange();
		assertThat(download).hasStatusOk();
		Path archive = tempDir.resolve(name);
		Files.write(archive, download.getResponse().getContentAsByteArray());

		BackupManifest manifest;
		try (ZipFile zip = new ZipFile(archive.toFile())) {
			manifest = BackupRestore.manifest(zip);
		}
		assertThat(manifest.tables()).extracting(BackupManifest.Table::name).contains("idea", "idea_attachment", "org_unit", "account",
				"idea_tally").doesNotContain("flyway_schema_history", "spring_session");
		for (String table : new String[] { "idea", "idea_attachment", "org_unit", "account", "member" }) {
			assertThat(rows(manifest, table)).as("rows of " + table + " in the backup")
				.isEqualTo(jdbc.sql("select count(*) from " + table).query(Long.class).single());
		}
		assertThat(manifest.fileCount()).isPositive();

		// restoring over data is refused before anything is touched
		long ideasBefore = jdbc.sql("select count(*) from idea").query(Long.class).single();
		assertThatThrownBy(() -> BackupRestore.restore(archive, dataSource, flyway, tempDir.resolve("files")))
			.hasMessageContaining("the database is not empty");
		assertThat(jdbc.sql("select count(*) from idea").query(Long.class).single()).isEqualTo(ideasBefore);

		try (ChildApplication fresh = new ChildApplication("restore", tempDir.resolve("fresh"))) {
			// events left in flight at the snapshot would be delivered at start and add notifications: keep them as restored
			fresh.start(Map.of("IDEABANK_RESTORE", archive.toString(), "IDEABANK_EVENTS_REPUBLISH_ON_RESTART", "false"));
			assertThat(fresh.log()).contains("Restored " + name);
			try (Connection c = fresh.jdbc(); Statement s = c.createStatement()) {
				for (BackupManifest.Table table : manifest.tables()) {
					try (ResultSet rs = s.executeQuery("select count(*) from \"" + table.name() + "\"")) {
						rs.next();
						if (table.name().equals("search_outbox")) {
							// the restored application indexes (and so deletes) the pending outbox rows at once
							assertThat(rs.getLong(1)).isLessThanOrEqualTo(table.rows());
						}
						else {
							assertThat(rs.getLong(1)).as("rows of " + table.name() + " after the restore").isEqualTo(table.rows());
						}
					}
				}
				try (ResultSet rs = s.executeQuery("select code, title from idea where id = " + idea.id())) {
					assertThat(rs.next()).isTrue();
					assertThat(rs.getString(1)).isEqualTo(idea.code());
					assertThat(rs.getString(2)).isEqualTo(idea.title());
				}
				// the id sequences go on after the restored rows
				try (ResultSet rs = s.executeQuery("select nextval(pg_get_serial_sequence('idea', 'id')) > (select max(id) from idea)")) {
					rs.next();
					assertThat(rs.getBoolean(1)).isTrue();
				}
			}
			var file = fresh.download("/api/v1/ideas/" + idea.id() + "/attachments/" + attachmentId, TOKEN);
			assertThat(file.statusCode()).isEqualTo(200);
			assertThat(file.body()).isEqualTo(pdf);
			// the restored application rebuilds its index from the restored rows
			long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
			String found = "";
			while (!found.contains("\"id\":" + idea.id() + ",") && System.nanoTime() < deadline) {
				found = fresh.get("/api/v1/search/ideas?q=" + java.net.URLEncoder.encode("máy sấy nông sản sao lưu", StandardCharsets.UTF_8), TOKEN).body();
				Thread.sleep(500);
			}
			assertThat(found).as("the restored idea is found by search").contains("\"id\":" + idea.id() + ",");
			assertThat(fresh.stop()).isLessThan(Duration.ofSeconds(30));
		}
	}

	private static long rows(BackupManifest manifest, String table) {
		return manifest.tables().stream().filter(t -> t.name().equals(table)).findFirst().orElseThrow().rows();
	}

	private static String sha256(String s) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
	}
}
