package vn.ideabank.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Repository;

import vn.ideabank.common.security.UnitScope;
import vn.ideabank.review.RubricCommands.CriterionInput;
import vn.ideabank.review.RubricView.CriterionView;

/** Rubric tables (plain SQL). A version is changed only while no score uses it (the service checks). */
@Repository
class RubricStore {

	private final JdbcClient jdbc;

	RubricStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The rubric's row: id, name, unit, path, version (optimistic lock). */
	record RubricRow(long id, String name, Long unitId, String unitPath, long version) {
	}

	Optional<RubricRow> rubric(long rubricId) {
		return jdbc.sql("select id, name, unit_id, unit_path, version from review_rubric where id = :id")
			.param("id", rubricId)
			.query((rs, n) -> new RubricRow(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4),
					rs.getLong(5)))
			.optional();
	}

	Optional<RubricView> version(long versionId) {
		return versions("where v.id = :id", Map.of("id", versionId)).stream().findFirst();
	}

	/** The newest version of every rubric, by name. */
	List<RubricView> latest() {
		return versions("where " + NEWEST, Map.of());
	}

	private static final String NEWEST = "v.number = (select max(number) from review_rubric_version x where x.rubric_id = v.rubric_id)";

	/**
	 * The newest version of every rubric the scope sees: system-wide ones, those of a unit inside the scope, and
	 * those of a unit above it ({@code above}: the paths of the scope's units' ancestors).
	 */
	List<RubricView> latestVisible(UnitScope scope, List<String> above) {
		UnitScope.Condition inside = scope.sql("r.unit_path");
		Map<String, Object> params = new LinkedHashMap<>(inside.params());
		params.put("above", above.isEmpty() ? List.of("-") : above);
		return versions("where " + NEWEST + " and (r.unit_path is null or " + inside.sql() + " or r.unit_path in (:above))",
				params);
	}

	List<RubricView> allVersions(long rubricId) {
		return versions("where v.rubric_id = :r", Map.of("r", rubricId));
	}

	private List<RubricView> versions(String where, Map<String, ?> params) {
		record Row(RubricView head, CriterionView criterion) {
		}
		List<Row> rows = jdbc.sql("""
				select r.id rid, v.id vid, r.name rname, v.number, r.unit_id, r.unit_path, v.created_at, c.code,
				       c.name cname, c.description, c.weight, c.scale_min, c.scale_max
				  from review_rubric_version v join review_rubric r on r.id = v.rubric_id
				  join review_criterion c on c.version_id = v.id
				""" + where + " order by r.name, r.id, v.number, c.position").params(params)
			.query((rs, n) -> new Row(new RubricView(rs.getLong("rid"), rs.getLong("vid"), rs.getString("rname"),
					rs.getInt("number"), List.of(), (Long) rs.getObject("unit_id"), rs.getString("unit_path"),
					rs.getTimestamp("created_at").toInstant()),
					new CriterionView(rs.getString("code"), rs.getString("cname"), rs.getString("description"),
							rs.getBigDecimal("weight"), rs.getInt("scale_min"), rs.getInt("scale_max"))))
			.list();
		Map<Long, List<Row>> byVersion = new LinkedHashMap<>();
		rows.forEach(r -> byVersion.computeIfAbsent(r.head().versionId(), k -> new ArrayList<>()).add(r));
		return byVersion.values().stream().map(list -> {
			RubricView h = list.get(0).head();
			return new RubricView(h.rubricId(), h.versionId(), h.name(), h.number(), list.stream().map(Row::criterion).toList(),
					h.unitId(), h.unitPath(), h.createdAt());
		}).toList();
	}

	boolean nameTaken(Long unitId, String name, long exceptRubricId) {
		return jdbc.sql("select count(*) from review_rubric where coalesce(unit_id, 0) = :u and name = :n and id <> :x")
			.param("u", unitId == null ? 0L : unitId).param("n", name).param("x", exceptRubricId).query(Long.class)
			.single() > 0;
	}

	long insertRubric(String name, Long unitId, String unitPath, long actorId) {
		return jdbc.sql("""
				insert into review_rubric (name, unit_id, unit_path, created_by) values (:n, :u, :p, :a) returning id""")
			.param("n", name).param("u", unitId).param("p", unitPath).param("a", actorId).query(Long.class).single();
	}

	/** Renames the rubric and bumps its version; a stale {@code expected} version is a conflict. */
	void touchRubric(long rubricId, String name, long expected) {
		int n = jdbc.sql("update review_rubric set name = :n, version = version + 1 where id = :id and version = :v")
			.param("n", name).param("id", rubricId).param("v", expected).update();
		if (n == 0) {
			throw new ObjectOptimisticLockingFailureException("review_rubric", rubricId);
		}
	}

	/** Inserts the next version; the unique (rubric, number) key refuses a concurrent duplicate. */
	long insertVersion(long rubricId, List<CriterionInput> criteria, long actorId) {
		long versionId = jdbc.sql("""
				insert into review_rubric_version (rubric_id, number, created_by)
				select :r, coalesce(max(number), 0) + 1, :a from review_rubric_version where rubric_id = :r returning id""")
			.param("r", rubricId).param("a", actorId).query(Long.class).single();
		insertCriteria(versionId, criteria);
		return versionId;
	}

	/** Replaces an unused version's criteria (the service has checked that no score uses it). */
	void replaceCriteria(long versionId, List<CriterionInput> criteria) {
		jdbc.sql("delete from review_criterion where version_id = :v").param("v", versionId).update();
		jdbc.sql("update review_rubric_version set changed_at = now() where id = :v").param("v", versionId).update();
		insertCriteria(versionId, criteria);
	}

	private void insertCriteria(long versionId, List<CriterionInput> criteria) {
		int position = 0;
		for (CriterionInput c : criteria) {
			jdbc.sql("""
					insert into review_criterion (version_id, position, code, name, description, weight, scale_min, scale_max)
					values (:v, :p, :code, :name, :d, :w, :min, :max)""").param("v", versionId).param("p", ++position)
				.param("code", c.code()).param("name", c.name()).param("d", c.description()).param("w", c.weight())
				.param("min", c.min()).param("max", c.max()).update();
		}
	}
}
