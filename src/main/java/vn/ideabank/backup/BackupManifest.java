package vn.ideabank.backup;

import java.time.Instant;
import java.util.List;

/**
 * {@code manifest.json} of a backup: what it holds and what restoring it needs.
 * @param format layout of the archive (tables/&lt;name&gt;.copy in COPY text format, files/…)
 * @param schemaVersion the Flyway version of the schema the rows belong to; a restore migrates an
 *        empty database to exactly this version before loading, then on to the application's latest
 */
record BackupManifest(int format, Instant createdAt, String applicationVersion, String databaseVersion,
		String schemaVersion, List<Table> tables, List<Sequence> sequences, long fileCount, long fileBytes) {

	static final int FORMAT = 1;

	static final String ENTRY = "manifest.json";

	record Table(String name, List<String> columns, long rows) {

		String entry() {
			return "tables/" + name + ".copy";
		}
	}

	record Sequence(String name, long lastValue, boolean called) {
	}

	long rows() {
		return tables.stream().mapToLong(Table::rows).sum();
	}
}
