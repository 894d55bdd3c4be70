package vn.ideabank.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores a backup archive into an empty database (refusing any other): the schema is migrated to
 * the backup's Flyway version, every table is loaded with {@code COPY} in foreign-key order with its
 * own triggers off (the derived tables, such as {@code idea_tally}, come from the same snapshot and
 * are loaded as they were), row counts are checked against the manifest, sequences are set, the
 * stored files are put back, and the schema is migrated on to this application's latest version.
 * Needs the table owner's rights only (the user that runs the migrations), not a superuser.
 */
final class BackupRestore {

	private static final Logger log = LoggerFactory.getLogger(BackupRestore.class);

	private BackupRestore() {
	}

	static BackupManifest restore(Path archive, DataSource dataSource, Flyway flyway, Path filesDir) throws IOException, SQLException {
		if (!Files.isRegularFile(archive)) {
			throw new IllegalStateException("Restore: no backup file at " + archive.toAbsolutePath());
		}
		try (ZipFile zip = new ZipFile(archive.toFile())) {
			BackupManifest manifest = manifest(zip);
			log.warn("Restoring {} (taken {} by Ideabank {}, schema version {}): {} rows in {} tables, {} files", archive.getFileName(),
					manifest.createdAt(), manifest.applicationVersion(), manifest.schemaVersion(), manifest.rows(), manifest.tables().size(),
					manifest.fileCount());
			requireEmptyDatabase(dataSource, flyway);
			requireNoStoredFiles(filesDir);
			MigrationVersion version = MigrationVersion.fromVersion(manifest.schemaVersion());
			MigrationVersion latest = latestAvailable(flyway);
			if (latest == null || version.compareTo(latest) > 0) {
				throw new IllegalStateException("Restore refused: the backup's schema version " + version + " is newer than this "
						+ "application's (" + latest + "); restore it with the Ideabank version that took it, or a newer one");
			}
			Flyway.configure(flyway.getConfiguration().getClassLoader()).configuration(flyway.getConfiguration()).target(version)
				.load().migrate();
			loadTables(zip, manifest, dataSource);
			restoreFiles(zip, filesDir);
			flyway.migrate(); // on to this application's schema
			log.warn("Restored {}: {} rows, {} files; the search index is rebuilt from them at start. Remove the restore setting "
					+ "(IDEABANK_RESTORE) before the next start: a restore only goes into an empty database", archive.getFileName(),
					manifest.rows(), manifest.fileCount());
			return manifest;
		}
	}

	static BackupManifest manifest(ZipFile zip) throws IOException {
		ZipEntry entry = zip.getEntry(BackupManifest.ENTRY);
		if (entry == null) {
			throw new IllegalStateException("Restore: " + zip.getName() + " is not an Ideabank backup (no manifest.json)");
		}
		try (InputStream in = zip.getInputStream(entry)) {
			BackupManifest manifest = BackupWriter.JSON.readValue(in, BackupManifest.class);
			if (manifest.format() != BackupManifest.FORMAT) {
				throw new IllegalStateException("Restore: backup format " + manifest.format() + " is not supported by this version");
			}
			return manifest;
		}
	}

	private static void requireEmptyDatabase(DataSource dataSource, Flyway flyway) throws SQLException {
		List<String> objects;
		try (Connection c = dataSource.getConnection()) {
			objects = BackupWriter.names(c, """
					select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
					 where n.nspname = current_schema() and c.relkind in ('r', 'p', 'v', 'm', 'S') order by c.relname limit 5""");
		}
		if (!objects.isEmpty() || flyway.info().applied().length > 0) {
			throw new IllegalStateException("Restore refused: the database is not empty (it holds " + String.join(", ", objects)
					+ "…). A backup is restored only into an empty database: create a new one (external PostgreSQL) or point "
					+ "IDEABANK_DATA_DIR at a new directory (embedded), then start again with the restore setting");
		}
	}

	private static void requireNoStoredFiles(Path filesDir) throws IOException {
		if (!Files.isDirectory(filesDir)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(filesDir)) {
			if (walk.anyMatch(Files::isRegularFile)) {
				throw new IllegalStateException("Restore refused: the files directory " + filesDir.toAbsolutePath()
						+ " is not empty; restore into a new data directory");
			}
		}
	}

	private static MigrationVersion latestAvailable(Flyway flyway) {
		MigrationVersion latest = null;
		for (MigrationInfo info : flyway.info().all()) {
			if (info.getVersion() != null && (latest == null || info.getVersion().compareTo(latest) > 0)) {
				latest = info.getVersion();
			}
		}
		return latest;
	}

	private static void loadTables(ZipFile zip, BackupManifest manifest, DataSource dataSource) throws SQLException, IOException {
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			Map<String, BackupManifest.Table> byName = new HashMap<>();
			manifest.tables().forEach(t -> byName.put(t.name(), t));
			List<String> present = BackupWriter.tables(c);
			Set<String> missing = new LinkedHashSet<>(byName.keySet());
			missing.removeAll(present);
			if (!missing.isEmpty()) {
				throw new IllegalStateException("Restore: tables of the backup missing at schema version " + manifest.schemaVersion()
						+ ": " + missing);
			}
			List<String> order = loadOrder(c, byName.keySet());
			CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
			try (Statement s = c.createStatement()) {
				// rows some migrations insert (reference data) come back from the backup as they were there
				s.execute("truncate " + String.join(", ", BackupWriter.quoted(order)));
				for (String table : order) {
					s.execute("alter table " + BackupWriter.quote(table) + " disable trigger user");
				}
			}
			for (String name : order) {
				BackupManifest.Table table = byName.get(name);
				ZipEntry entry = zip.getEntry(table.entry());
				if (entry == null) {
					throw new IllegalStateException("Restore: " + table.entry() + " is missing from the backup");
				}
				long rows;
				try (InputStream in = zip.getInputStream(entry)) {
					rows = copy.copyIn("COPY " + BackupWriter.quote(name) + " (" + String.join(", ", BackupWriter.quoted(table.columns()))
							+ ") FROM STDIN", in);
				}
				if (rows != table.rows()) {
					throw new IllegalStateException("Restore: " + name + " loaded " + rows + " rows, the manifest says " + table.rows());
				}
			}
			try (Statement s = c.createStatement()) {
				for (String table : order) {
					s.execute("alter table " + BackupWriter.quote(table) + " enable trigger user");
				}
				for (BackupManifest.Sequence seq : manifest.sequences()) {
					s.execute("select setval('" + BackupWriter.quote(seq.name()).replace("'", "''") + "', " + seq.lastValue() + ", "
							+ seq.called() + ")");
				}
			}
			c.commit();
		}
	}

	/** Tables in an order where every referenced table comes before the tables that reference it. */
	static List<String> loadOrder(Connection c, Set<String> tables) throws SQLException {
		Map<String, Set<String>> parents = new HashMap<>();
		tables.forEach(t -> parents.put(t, new HashSet<>()));
		try (Statement s = c.createStatement(); var rs = s.executeQuery("""
				select child.relname, parent.relname from pg_constraint k
				  join pg_class child on child.oid = k.conrelid join pg_class parent on parent.oid = k.confrelid
				  join pg_namespace n on n.oid = k.connamespace
				 where k.contype = 'f' and n.nspname = current_schema()""")) {
			while (rs.next()) {
				String child = rs.getString(1);
				String parent = rs.getString(2);
				if (!child.equals(parent) && tables.contains(child) && tables.contains(parent)) {
					parents.get(child).add(parent); // a row referring to its own table is checked at the end of its COPY
				}
			}
		}
		List<String> order = new ArrayList<>();
		Deque<String> ready = new ArrayDeque<>(tables.stream().filter(t -> parents.get(t).isEmpty()).sorted().toList());
		Set<String> done = new HashSet<>();
		while (!ready.isEmpty()) {
			String t = ready.poll();
			order.add(t);
			done.add(t);
			tables.stream().filter(x -> !done.contains(x) && !ready.contains(x) && done.containsAll(parents.get(x))).sorted()
				.forEach(ready::add);
		}
		if (order.size() != tables.size()) {
			Set<String> cycle = new LinkedHashSet<>(tables);
			cycle.removeAll(done);
			throw new IllegalStateException("Restore: foreign keys form a cycle between " + cycle);
		}
		return order;
	}

	private static void restoreFiles(ZipFile zip, Path filesDir) throws IOException {
		Path root = filesDir.toAbsolutePath().normalize();
		for (ZipEntry entry : zip.stream().filter(e -> !e.isDirectory() && e.getName().startsWith("files/")).toList()) {
			Path target = root.resolve(entry.getName().substring("files/".length())).normalize();
			if (!target.startsWith(root) || target.equals(root)) {
				throw new IllegalStateException("Restore: unsafe file name in the backup: " + entry.getName());
			}
			Files.createDirectories(target.getParent());
			try (InputStream in = zip.getInputStream(entry)) {
				Files.copy(in, target);
			}
		}
	}
}
