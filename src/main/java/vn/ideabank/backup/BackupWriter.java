package vn.ideabank.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one backup archive. The database part is read in a single {@code REPEATABLE READ READ ONLY}
 * transaction, so every table is seen at the same instant while the application keeps writing. The
 * stored files are immutable (random keys, written before the row that names them commits), so the
 * archive holds every file the snapshot can name: files present before the snapshot are hard-linked
 * aside first (a file replaced and deleted during the backup is kept that way), files added up to the
 * snapshot are picked up by a second pass after it.
 */
final class BackupWriter {

	/**
	 * Tables not worth restoring: the migration history is rebuilt by Flyway, sessions are signed in again, and
	 * the search nodes' cursors belong to index directories a backup does not hold (docs/search.md, "Several nodes").
	 */
	static final Set<String> SKIPPED_TABLES = Set.of("flyway_schema_history", "spring_session", "spring_session_attributes",
			"search_node");

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final DataSource dataSource;

	private final Path filesDir;

	private final String applicationVersion;

	BackupWriter(DataSource dataSource, Path filesDir, String applicationVersion) {
		this.dataSource = dataSource;
		this.filesDir = filesDir;
		this.applicationVersion = applicationVersion;
	}

	/** Writes the archive to {@code target}, using {@code staging} (removed afterwards) for the files. */
	BackupManifest write(Path target, Path staging) throws IOException, SQLException {
		try (OutputStream file = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(file)) {
			zip.setLevel(6);
			linkFiles(staging); // before the snapshot: what a later delete would take away
			BackupManifest manifest;
			try (Connection c = dataSource.getConnection()) {
				c.setAutoCommit(false);
				c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
				c.setReadOnly(true);
				try {
					manifest = dumpDatabase(c, zip);
					linkFiles(staging); // after it: what was added before it
				}
				finally {
					c.rollback();
				}
			}
			long[] files = zipFiles(staging, zip);
			manifest = new BackupManifest(manifest.format(), manifest.createdAt(), manifest.applicationVersion(),
					manifest.databaseVersion(), manifest.schemaVersion(), manifest.tables(), manifest.sequences(), files[0], files[1]);
			zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
			zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
			zip.closeEntry();
			return manifest;
		}
		finally {
			deleteTree(staging);
		}
	}

	private BackupManifest dumpDatabase(Connection c, ZipOutputStream zip) throws SQLException, IOException {
		String databaseVersion;
		Instant at;
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select version(), now()")) { // takes the snapshot
			rs.next();
			databaseVersion = rs.getString(1);
			at = rs.getTimestamp(2).toInstant();
		}
		String schemaVersion = schemaVersion(c);
		CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
		List<BackupManifest.Table> tables = new ArrayList<>();
		for (String table : tables(c)) {
			List<String> columns = columns(c, table);
			zip.putNextEntry(new ZipEntry("tables/" + table + ".copy"));
			long rows = copy.copyOut("COPY (SELECT " + String.join(", ", quoted(columns)) + " FROM " + quote(table) + ") TO STDOUT",
					new FilterOutputStream(zip) {
						@Override
						public void write(byte[] b, int off, int len) throws IOException {
							out.write(b, off, len);
						}

						@Override
						public void close() {
							// the zip entry is closed by the caller
						}
					});
			zip.closeEntry();
			tables.add(new BackupManifest.Table(table, columns, rows));
		}
		// read after the snapshot: a sequence is never behind the ids the snapshot holds
		List<BackupManifest.Sequence> sequences = new ArrayList<>();
		for (String sequence : names(c, "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
				+ "where n.nspname = current_schema() and c.relkind = 'S' order by c.relname")) {
			try (Statement s = c.createStatement();
					ResultSet rs = s.executeQuery("select last_value, is_called from " + quote(sequence))) {
				rs.next();
				sequences.add(new BackupManifest.Sequence(sequence, rs.getLong(1), rs.getBoolean(2)));
			}
		}
		return new BackupManifest(BackupManifest.FORMAT, at, applicationVersion, databaseVersion, schemaVersion, tables, sequences, 0, 0);
	}

	/** The highest version Flyway applied, as the snapshot sees it. */
	static String schemaVersion(Connection c) throws SQLException {
		MigrationVersion highest = null;
		for (String v : names(c, "select version from flyway_schema_history where success and version is not null")) {
			MigrationVersion version = MigrationVersion.fromVersion(v);
			if (highest == null || version.compareTo(highest) > 0) {
				highest = version;
			}
		}
		if (highest == null) {
			throw new SQLException("the database has no Flyway schema history: nothing to back up");
		}
		return highest.getVersion();
	}

	/** The application's tables in the current schema (partitions are read through their parent). */
	static List<String> tables(Connection c) throws SQLException {
		return names(c, """
				select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				 where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
				 order by c.relname""").stream().filter(t -> !SKIPPED_TABLES.contains(t)).toList();
	}

	/** Stored columns in table order; generated ones are computed again on restore. */
	static List<String> columns(Connection c, String table) throws SQLException {
		try (PreparedStatement s = c.prepareStatement("""
				select a.attname from pg_attribute a join pg_class c on c.oid = a.attrelid
				  join pg_namespace n on n.oid = c.relnamespace
				 where n.nspname = current_schema() and c.relname = ? and a.attnum > 0 and not a.attisdropped
				   and a.attgenerated = '' order by a.attnum""")) {
			s.setString(1, table);
			List<String> columns = new ArrayList<>();
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					columns.add(rs.getString(1));
				}
			}
			return columns;
		}
	}

	static List<String> names(Connection c, String sql) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			while (rs.next()) {
				names.add(rs.getString(1));
			}
		}
		return names;
	}

	static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	static List<String> quoted(List<String> identifiers) {
		return identifiers.stream().map(BackupWriter::quote).toList();
	}

	/** Hard links (a copy where links are impossible) of the stored files not yet in {@code staging}. */
	private void linkFiles(Path staging) throws IOException {
		if (!Files.isDirectory(filesDir)) {
			return;
		}
		List<Path> sources;
		try (Stream<Path> walk = Files.walk(filesDir)) {
			sources = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".part")).toList();
		}
		for (Path source : sources) {
			Path target = staging.resolve(filesDir.relativize(source).toString());
			if (Files.exists(target)) {
				continue;
			}
			Files.createDirectories(target.getParent());
			try {
				Files.createLink(target, source);
			}
			catch (FileAlreadyExistsException | NoSuchFileException e) {
				// already linked, or deleted since the walk (then no snapshot to come can name it)
			}
			catch (IOException | UnsupportedOperationException e) {
				try {
					Files.copy(source, target);
				}
				catch (NoSuchFileException gone) {
					// deleted since the walk
				}
			}
		}
	}

	/** Adds the staged files under {@code files/}; returns their count and bytes. */
	private static long[] zipFiles(Path staging, ZipOutputStream zip) throws IOException {
		long count = 0;
		long bytes = 0;
		if (!Files.isDirectory(staging)) {
			return new long[] { 0, 0 };
		}
		List<Path> files;
		try (Stream<Path> walk = Files.walk(staging)) {
			files = walk.filter(Files::isRegularFile).sorted().toList();
		}
		for (Path f : files) {
			zip.putNextEntry(new ZipEntry("files/" + staging.relativize(f).toString().replace('\\', '/')));
			bytes += Files.copy(f, zip);
			zip.closeEntry();
			count++;
		}
		return new long[] { count, bytes };
	}

	static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(dir)) {
			for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}
}
