package vn.ideabank;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.common.security.UnitScope;

/**
 * A fingerprint of every row that belongs to a unit's subtree, found from the schema: the rows of a table
 * with a {@code *unit_path} column under the unit, and, through single-column foreign keys (three levels
 * down), the rows that hang from them (an idea's comments, a council's scores, a nomination's votes). A
 * new table is included by construction. Equal fingerprints: nothing of the subtree was written.
 */
final class UnitRows {

	/** Queues that drain on their own (their rows come and go without anyone writing the subtree). */
	private static final Set<String> QUEUES = Set.of("search_outbox", "event_publication", "email_outbox");

	private final JdbcClient jdbc;

	/** table → SQL condition selecting the subtree's rows (parameter {@code :under}). */
	private final Map<String, String> conditions;

	private final String under;

	UnitRows(JdbcClient jdbc, String unitPath) {
		this.jdbc = jdbc;
		this.under = UnitScope.likePrefix(unitPath);
		this.conditions = conditions();
	}

	Set<String> tables() {
		return conditions.keySet();
	}

	private Map<String, String> conditions() {
		Map<String, List<String>> byTable = new TreeMap<>();
		jdbc.sql("""
				select c.table_name, c.column_name from information_schema.columns c
				  join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
				 where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.column_name like '%unit\\_path'""")
			.query((rs, n) -> byTable.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
				.add(rs.getString(2) + " like :under"))
			.list();
		byTable.put("org_unit", new ArrayList<>(List.of("path like :under")));
		record ForeignKey(String table, String column, String parent, String parentColumn) {
		}
		List<ForeignKey> keys = jdbc.sql("""
				select c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text, af.attname
				  from pg_constraint c
				  join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
				  join pg_attribute af on af.attrelid = c.confrelid and af.attnum = c.confkey[1]
				 where c.contype = 'f' and cardinality(c.conkey) = 1 and c.connamespace = current_schema()::regnamespace""")
			.query((rs, n) -> new ForeignKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
		Map<String, String> result = new LinkedHashMap<>();
		byTable.forEach((t, c) -> result.put(t, "(" + String.join(" or ", c) + ")"));
		for (int level = 0; level < 3; level++) {
			Map<String, List<String>> children = new TreeMap<>();
			for (ForeignKey k : keys) {
				String parent = result.get(k.parent());
				if (parent != null && !k.table().equals(k.parent()) && !QUEUES.contains(k.table()) && !result.containsKey(k.table())) {
					children.computeIfAbsent(k.table(), x -> new ArrayList<>()).add(k.column() + " in (select " + k.parentColumn()
							+ " from " + k.parent() + " where " + parent + ")");
				}
			}
			children.forEach((t, c) -> result.put(t, "(" + String.join(" or ", c) + ")"));
		}
		return result;
	}

	/** Per table, a hash of the subtree's rows (in a stable order). */
	Map<String, String> fingerprint() {
		StringBuilder sql = new StringBuilder();
		for (var e : conditions.entrySet()) {
			sql.append(sql.isEmpty() ? "" : " union all ").append("select '").append(e.getKey())
				.append("', md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from ").append(e.getKey())
				.append(" x where ").append(e.getValue());
		}
		Map<String, String> hashes = new TreeMap<>();
		jdbc.sql(sql.toString()).param("under", under).query((rs, n) -> hashes.put(rs.getString(1), rs.getString(2))).list();
		return hashes;
	}

	/** The tables whose subtree rows differ between two fingerprints. */
	static List<String> changed(Map<String, String> before, Map<String, String> after) {
		return before.keySet().stream().filter(t -> !before.get(t).equals(after.get(t))).toList();
	}
}
