package vn.ideabank.org;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.ideabank.common.security.UnitScope;

/**
 * Keeps every copy of a unit path current when a unit moves, by a convention of the schema rather than
 * a listener per module: <b>a column whose name ends in {@code unit_path} holds a copy of an
 * {@code org_unit.path}</b> ({@code unit_path}, {@code idea_unit_path}, {@code home_unit_path}, …). The
 * columns are read from {@code information_schema} once, so a new table with such a column is covered by
 * construction; each is rewritten in the moving transaction with one {@code UPDATE}, bumping
 * {@code version} where the table has one, so an edit that read the old path conflicts instead of writing
 * it back. {@code org_unit.path} itself is rewritten by {@link UnitService#move}.
 */
@Component
class UnitPathCopies {

	/** A path-copy column, and whether its table has an optimistic-locking {@code version}. */
	record Column(String table, String column, boolean versioned) {
	}

	private final JdbcClient jdbc;

	@PersistenceContext
	private EntityManager entityManager;

	private volatile List<Column> columns;

	UnitPathCopies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The schema's path-copy columns, in a fixed order (so concurrent moves lock tables alike). */
	List<Column> columns() {
		List<Column> found = columns;
		if (found == null) {
			found = jdbc.sql("""
					select c.table_name, c.column_name,
					       exists (select 1 from information_schema.columns v
					                where v.table_schema = c.table_schema and v.table_name = c.table_name
					                  and v.column_name = 'version') as versioned
					  from information_schema.columns c
					  join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
					 where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
					   and c.column_name like '%unit\\_path' and c.data_type in ('character varying', 'text')
					 order by c.table_name, c.column_name""")
				.query((rs, n) -> new Column(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list();
			columns = found;
		}
		return found;
	}

	/** Rewrites every copy under {@code oldPath} to start with {@code newPath}; returns the rows changed. */
	int rewrite(String oldPath, String newPath) {
		// the rows change behind JPA's back: write pending changes first, forget loaded entities after
		entityManager.flush();
		int changed = 0;
		for (Column c : columns()) {
			String sql = "update " + c.table() + " set " + c.column() + " = :new || substring(" + c.column()
					+ " from length(:old) + 1)" + (c.versioned() ? ", version = version + 1" : "")
					+ " where " + c.column() + " like :under escape '\\'";
			changed += jdbc.sql(sql).param("new", newPath).param("old", oldPath).param("under", UnitScope.likePrefix(oldPath))
				.update();
		}
		entityManager.clear();
		return changed;
	}
}
