package vn.ideabank.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.ideabank.review.RubricCommands.CriterionInput;
import vn.ideabank.review.RubricView.CriterionView;

/** Rubric tables (plain SQL). Versions are only ever inserted. */
@Repository
class RubricStore {

	private final JdbcClient jdbc;

	RubricStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<RubricView> version(long versionId) {
		return versions("where v.id = :id", Map.of("id", versionId)).stream().findFirst();
	}

	/** The newest version of every rubric, by name. */
	List<RubricView> latest() {
		return versions("where v.number = (select max(number) from review_rubric_version x where x.rubric_id = v.rubric_id)",
				Map.of());
	}

	List<RubricView> allVersions(long rubricId) {
		return versions("where v.rubric_id = :r", Map.of("r", rubricId));
	}

	private List<RubricView> versions(String where, Map<String, ?> params) {
		record Row(long rubricId, long versionId, String name, int number, CriterionView criterion) {
		}
		List<Row> rows = jdbc.sql("""
				select r.id rid, v.id vid, r.name rname, v.number, c.code, c.name cname, c.description, c.weight,
				       c.scale_min, c.scale_max
				  from review_rubric_version v join review_rubric r on r.id = v.rubric_id
				  join review_criterion c on c.version_id = v.id
				""" + where + " order by r.name, v.number, c.position").params(params)
			.query((rs, n) -> new Row(rs.getLong("rid"), rs.getLong("vid"), rs.getString("rname"), rs.getInt("number"),
					new CriterionView(rs.getString("code"), rs.getString("cname"), rs.getString("description"),
							rs.getBigDecimal("weight"), rs.getInt("scale_min"), rs.getInt("scale_max"))))
			.list();
		Map<Long, List<Row>> byVersion = new LinkedHashMap<>();
		rows.forEach(r -> byVersion.computeIfAbsent(r.versionId(), k -> new java.util.ArrayList<>()).add(r));
		return byVersion.values().stream().map(list -> {
			Row first = list.get(0);
			return new RubricView(first.rubricId(), first.versionId(), first.name(), first.number(),
					list.stream().map(Row::criterion).toList());
		}).toList();
	}

	Optional<Long> rubricIdByName(String name) {
		return jdbc.sql("select id from review_rubric where name = :n").param("n", name).query(Long.class).optional();
	}

	long insertRubric(String name, long actorId) {
		return jdbc.sql("insert into review_rubric (name, created_by) values (:n, :a) returning id").param("n", name)
			.param("a", actorId).query(Long.class).single();
	}

	/** Inserts the next version; the unique (rubric, number) key refuses a concurrent duplicate. */
	long insertVersion(long rubricId, List<CriterionInput> criteria, long actorId) {
		long versionId = jdbc.sql("""
				insert into review_rubric_version (rubric_id, number, created_by)
				select :r, coalesce(max(number), 0) + 1, :a from review_rubric_version where rubric_id = :r returning id""")
			.param("r", rubricId).param("a", actorId).query(Long.class).single();
		int position = 0;
		for (CriterionInput c : criteria) {
			jdbc.sql("""
					insert into review_criterion (version_id, position, code, name, description, weight, scale_min, scale_max)
					values (:v, :p, :code, :name, :d, :w, :min, :max)""").param("v", versionId).param("p", ++position)
				.param("code", c.code()).param("name", c.name()).param("d", c.description()).param("w", c.weight())
				.param("min", c.min()).param("max", c.max()).update();
		}
		return versionId;
	}
}
