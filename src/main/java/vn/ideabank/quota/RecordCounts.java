package vn.ideabank.quota;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.common.security.UnitScope;
import vn.ideabank.org.UnitView;

/**
 * The counting half of a {@link TargetCounter} whose records sit in one SQL query. The query selects
 * one row per counted record with its {@code unit_path} and its {@code on_date}, and takes the
 * parameters {@code :path} (the subtree prefix) and {@code :from} / {@code :to} (the dates, to
 * exclusive).
 */
public final class RecordCounts {

	private RecordCounts() {
	}

	/** Counts keyed by the id of {@code unit}'s direct child holding the record (the unit itself under its own id). */
	public static Map<Long, Long> byChild(JdbcClient jdbc, String records, UnitView unit, int year, int fromMonth, int toMonth) {
		Map<Long, Long> result = new LinkedHashMap<>();
		jdbc.sql("""
				select split_part(substr(r.unit_path, length(:own) + 1), '/', 1) as child, count(*) as n
				  from (%s) r group by 1""".formatted(records))
			.param("own", unit.path()).param("path", UnitScope.likePrefix(unit.path()))
			.param("from", LocalDate.of(year, fromMonth, 1))
			.param("to", LocalDate.of(year, toMonth, 1).plusMonths(1))
			.query((rs, i) -> {
				String child = rs.getString("child");
				result.merge(child.isEmpty() ? unit.id() : Long.parseLong(child), rs.getLong("n"), Long::sum);
				return null;
			})
			.list();
		return result;
	}

	/** Counts of the subtree per month 1..12 of the year; absent months are zero. */
	public static Map<Integer, Long> byMonth(JdbcClient jdbc, String records, UnitView unit, int year) {
		Map<Integer, Long> result = new LinkedHashMap<>();
		jdbc.sql("select extract(month from r.on_date)::int as m, count(*) as n from (%s) r group by 1 order by 1"
			.formatted(records))
			.param("path", UnitScope.likePrefix(unit.path()))
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.query((rs, i) -> result.put(rs.getInt("m"), rs.getLong("n")))
			.list();
		return result;
	}
}
