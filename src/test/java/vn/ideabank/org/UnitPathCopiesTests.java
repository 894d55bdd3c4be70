package vn.ideabank.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.IntegrationTest;
import vn.ideabank.UnitRecords;
import vn.ideabank.common.security.UnitScope;
import vn.ideabank.idea.IdeaFilter;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaSummary;
import vn.ideabank.org.UnitCommands.MoveUnit;

/**
 * A unit path is copied into many tables so that each module filters by subtree on its own table. After a
 * move no copy may keep the old path, or the moved unit's records fall out of (or into) someone's scope.
 * The columns are listed from the schema, not from the code: a new table with a {@code *unit_path} column
 * is checked the day it is added.
 */
class UnitPathCopiesTests extends IntegrationTest {

	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private UnitService units;

	private record Column(String table, String column, boolean versioned) {
	}

	/** Every column of the schema whose name ends in unit_path (org_unit.path is the original). */
	private List<Column> pathColumns() {
		return jdbc.sql("""
				select c.table_name, c.column_name,
				       exists (select 1 from information_schema.columns v where v.table_schema = c.table_schema
				                  and v.table_name = c.table_name and v.column_name = 'version')
				  from information_schema.columns c
				  join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
				 where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.column_name like '%unit\\_path'
				 order by 1, 2""").query((rs, n) -> new Column(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list();
	}

	private long count(Column c, String path) {
		return jdbc.sql("select count(*) from " + c.table() + " where " + c.column() + " like :p")
			.param("p", UnitScope.likePrefix(path)).query(Long.class).single();
	}

	private Map<Long, Long> versions(Column c, String path) {
		Map<Long, Long> versions = new HashMap<>();
		jdbc.sql("select id, version from " + c.table() + " where " + c.column() + " like :p")
			.param("p", UnitScope.likePrefix(path)).query((rs, n) -> versions.put(rs.getLong(1), rs.getLong(2))).list();
		return versions;
	}

	@Test
	void aMoveRewritesEveryUnitPathColumnOfTheSchemaAndBumpsTheVersionsOfTheRowsItChanges() {
		UnitRecords records = new UnitRecords(context, this::caller);
		long ts = units.findByCode("TS").orElseThrow().id();
		UnitView from = records.unit(ts, "MVF" + RUN, "Đoàn khối cũ " + RUN);
		UnitView to = records.unit(ts, "MVT" + RUN, "Đoàn khối mới " + RUN);
		UnitRecords.Made made = records.make(from.id(), "MV" + RUN, "MOVED" + RUN);
		String oldPath = made.unit().path();

		List<Column> columns = pathColumns();
		assertThat(columns).as("the convention's columns").hasSizeGreaterThanOrEqualTo(22);
		Map<Column, Long> before = new HashMap<>();
		Map<Column, Map<Long, Long>> versionsBefore = new HashMap<>();
		for (Column c : columns) {
			before.put(c, count(c, oldPath));
			if (c.versioned()) {
				versionsBefore.put(c, versions(c, oldPath));
			}
		}
		assertThat(before).as("UnitRecords makes a row for every path column (add one for a new table)")
			.allSatisfy((c, n) -> assertThat(n).as(c.toString()).isPositive());

		UnitView unit = units.get(caller("admin"), made.unit().id());
		UnitView moved = units.move(caller("admin"), unit.id(), new MoveUnit(to.id(), unit.version()));
		String newPath = moved.path();
		assertThat(newPath).isEqualTo(to.path() + unit.id() + "/");

		for (Column c : columns) {
			assertThat(count(c, oldPath)).as("%s still holds the old path", c).isZero();
			assertThat(count(c, newPath)).as("%s rows under the new path", c).isEqualTo(before.get(c));
		}
		for (var e : versionsBefore.entrySet()) {
			Map<Long, Long> after = versions(e.getKey(), newPath);
			assertThat(after.keySet()).isEqualTo(e.getValue().keySet());
			e.getValue().forEach((id, v) -> assertThat(after.get(id)).as("version of %s %d", e.getKey(), id).isGreaterThan(v));
		}
		// the records are where their unit now is: a list filtered by the new parent finds them, by the old one not
		IdeaService ideas = context.getBean(IdeaService.class);
		assertThat(ideas.list(caller("admin"), new IdeaFilter(to.id(), null, null, null, null, null, null, false),
				PageRequest.of(0, 50)).getContent()).extracting(IdeaSummary::id).contains(made.draftIdea());
		assertThat(ideas.list(caller("admin"), new IdeaFilter(from.id(), null, null, null, null, null, null, false),
				PageRequest.of(0, 50)).getContent()).isEmpty();
	}
}
