package vn.ideabank;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The row count of every table of the schema, found from {@code information_schema} (a new table is
 * counted the day it is added), in one query. Equal snapshots around a refused request: nothing of it was
 * half-saved.
 */
final class TableCounts {

	/**
	 * Tables whose rows come and go without the request under test writing them, and why. Each must be a
	 * table that no command of a user writes as part of its own work.
	 */
	static final Map<String, String> NOT_COUNTED = Map.of(
			"spring_session", "sessions: any request may open one (Spring Session JDBC)",
			"spring_session_attributes", "sessions' attributes: any request may save one",
			"login_throttle", "sign-in attempts are counted whatever the answer (that is their purpose)",
			"event_publication", "Spring Modulith's event registry: completed and archived by the listeners, after the commit",
			"event_publication_archive", "Spring Modulith's archive of completed events, written by the listeners",
			"search_outbox", "the search indexer's queue, drained in the background",
			"search_index_state", "the search indexer's own bookkeeping, written in the background",
			"email_outbox", "e-mails queued by notification listeners after an earlier command's commit, sent and removed in the background",
			"shedlock", "locks of scheduled jobs, taken in the background");

	private final JdbcClient jdbc;

	private final String query;

	TableCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
		List<String> tables = jdbc.sql("""
				select table_name from information_schema.tables
				 where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name""")
			.query(String.class).list().stream().filter(t -> !NOT_COUNTED.containsKey(t)).toList();
		this.query = tables.stream().map(t -> "select '" + t + "', count(*) from \"" + t + "\"")
			.collect(Collectors.joining(" union all "));
	}

	Map<String, Long> snapshot() {
		Map<String, Long> counts = new TreeMap<>();
		jdbc.sql(query).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
		return counts;
	}

	/** The tables whose count differs, as {@code table a→b}. */
	static Map<String, String> changed(Map<String, Long> before, Map<String, Long> after) {
		Map<String, String> changed = new LinkedHashMap<>();
		after.forEach((table, count) -> {
			Long was = before.get(table);
			if (!count.equals(was)) {
				changed.put(table, was + "→" + count);
			}
		});
		return changed;
	}
}
