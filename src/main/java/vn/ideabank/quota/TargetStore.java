package vn.ideabank.quota;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Repository;

import vn.ideabank.common.security.UnitScope;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;
import vn.ideabank.quota.TargetViews.Change;
import vn.ideabank.quota.TargetViews.PlanView;
import vn.ideabank.quota.TargetViews.TargetView;
import vn.ideabank.quota.TargetViews.Weights;

/** The target module's tables (plain SQL; versions checked in every update). */
@Repository
class TargetStore {

	private final JdbcClient jdbc;

	TargetStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// --- plans ---------------------------------------------------------------------------------

	Optional<PlanView> plan(long id) {
		return jdbc.sql("select * from target_plan where id = :id").param("id", id).query(this::mapPlan).optional();
	}

	Optional<PlanView> planOf(long unitId, int year) {
		return jdbc.sql("select * from target_plan where unit_id = :u and year = :y").param("u", unitId).param("y", year)
			.query(this::mapPlan).optional();
	}

	/** The plan of the unit or of its nearest ancestor that has one for the year. */
	Optional<PlanView> governing(String unitPath, int year) {
		return jdbc.sql("""
				select * from target_plan where year = :y and unit_path in (:paths)
				 order by length(unit_path) desc limit 1""").param("y", year).param("paths", UnitScope.pathAndAncestors(unitPath))
			.query(this::mapPlan).optional();
	}

	/** Plans of units inside the subtree (for a province looking at its districts' plans). */
	List<PlanView> plansWithin(String unitPath, int year) {
		return jdbc.sql("select * from target_plan where year = :y and unit_path like :p order by unit_path")
			.param("y", year).param("p", UnitScope.likePrefix(unitPath)).query(this::mapPlan).list();
	}

	long insertPlan(long unitId, String unitPath, int year, Weights w, long actorId) {
		return jdbc.sql("""
				insert into target_plan (unit_id, unit_path, year, w_ideas, w_models, w_contests, w_punctuality,
				  ideas_per_member, created_by) values (:u, :p, :y, :wi, :wm, :wc, :wp, :q, :a) returning id""")
			.param("u", unitId).param("p", unitPath).param("y", year).param("wi", w.ideas()).param("wm", w.models())
			.param("wc", w.contests()).param("wp", w.punctuality()).param("q", w.ideasPerMember()).param("a", actorId)
			.query(Long.class).single();
	}

	void updatePlan(long id, long version, boolean refuseMismatch, Weights w) {
		int n = jdbc.sql("""
				update target_plan set refuse_mismatch = :r, w_ideas = :wi, w_models = :wm, w_contests = :wc,
				  w_punctuality = :wp, ideas_per_member = :q, version = version + 1 where id = :id and version = :v""")
			.param("r", refuseMismatch).param("wi", w.ideas()).param("wm", w.models()).param("wc", w.contests())
			.param("wp", w.punctuality()).param("q", w.ideasPerMember()).param("id", id).param("v", version).update();
		if (n == 0) {
			throw new ObjectOptimisticLockingFailureException("target_plan", id);
		}
	}

	private PlanView mapPlan(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		return new PlanView(id, rs.getLong("unit_id"), rs.getString("unit_path"), rs.getInt("year"),
				rs.getBoolean("refuse_mismatch"),
				new Weights(rs.getInt("w_ideas"), rs.getInt("w_models"), rs.getInt("w_contests"), rs.getInt("w_punctuality"),
						rs.getBigDecimal("ideas_per_member").stripTrailingZeros()),
				rs.getLong("version"), targets(id));
	}

	// --- targets -------------------------------------------------------------------------------

	List<TargetView> targets(long planId) {
		return jdbc.sql("select * from target_item where plan_id = :p order by position, id").param("p", planId)
			.query(this::mapTarget).list();
	}

	Optional<TargetView> target(long id) {
		return jdbc.sql("select * from target_item where id = :id").param("id", id).query(this::mapTarget).optional();
	}

	long insertTarget(long planId, TargetKind kind, String name, String countUnit, long amount, TargetRule rule) {
		return jdbc.sql("""
				insert into target_item (plan_id, kind, name, count_unit, amount, rule_statuses, rule_kinds, rule_fields,
				  rule_groups, position) values (:p, :k, :n, :c, :a, :rs, :rk, :rf, :rg,
				  (select coalesce(max(position), 0) + 1 from target_item where plan_id = :p)) returning id""")
			.param("p", planId).param("k", kind.name()).param("n", name).param("c", countUnit).param("a", amount)
			.param("rs", join(rule.statuses())).param("rk", join(rule.ideaKinds())).param("rf", join(rule.fields()))
			.param("rg", join(rule.groups())).query(Long.class).single();
	}

	void updateTarget(long id, long version, String name, String countUnit, long amount, TargetRule rule) {
		int n = jdbc.sql("""
				update target_item set name = :n, count_unit = :c, amount = :a, rule_statuses = :rs, rule_kinds = :rk,
				  rule_fields = :rf, rule_groups = :rg, version = version + 1 where id = :id and version = :v""")
			.param("n", name).param("c", countUnit).param("a", amount).param("rs", join(rule.statuses()))
			.param("rk", join(rule.ideaKinds())).param("rf", join(rule.fields())).param("rg", join(rule.groups()))
			.param("id", id).param("v", version).update();
		if (n == 0) {
			throw new ObjectOptimisticLockingFailureException("target_item", id);
		}
	}

	/** Claims the target for a change of its allocations: a stale version fails (409). */
	void bumpTarget(long id, long version) {
		int n = jdbc.sql("update target_item set version = version + 1 where id = :id and version = :v").param("id", id)
			.param("v", version).update();
		if (n == 0) {
			throw new ObjectOptimisticLockingFailureException("target_item", id);
		}
	}

	private TargetView mapTarget(ResultSet rs, int row) throws SQLException {
		TargetKind kind = TargetKind.valueOf(rs.getString("kind"));
		TargetRule rule = new TargetRule(kind, split(rs.getString("rule_statuses"), IdeaStatus.class),
				split(rs.getString("rule_kinds"), IdeaKind.class), split(rs.getString("rule_fields"), SectorField.class),
				split(rs.getString("rule_groups"), TargetGroup.class));
		return new TargetView(rs.getLong("id"), rs.getLong("plan_id"), kind, rs.getString("name"), rs.getString("count_unit"),
				rs.getLong("amount"), rule, rs.getLong("version"));
	}

	// --- allocations and history ----------------------------------------------------------------

	/** Allocations of a target: unit id → amount. */
	Map<Long, Long> allocations(long targetId) {
		return jdbc.sql("select unit_id, amount from target_allocation where target_id = :t").param("t", targetId)
			.query((rs, i) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	void upsertAllocation(long targetId, long unitId, String unitPath, long amount) {
		jdbc.sql("""
				insert into target_allocation (target_id, unit_id, unit_path, amount) values (:t, :u, :p, :a)
				on conflict (target_id, unit_id) do update set amount = excluded.amount, unit_path = excluded.unit_path""")
			.param("t", targetId).param("u", unitId).param("p", unitPath).param("a", amount).update();
	}

	void recordChange(long targetId, long unitId, long actorId, String actorName, Long oldAmount, Long newAmount,
			String reason) {
		jdbc.sql("""
				insert into target_change (target_id, unit_id, actor_id, actor_name, old_amount, new_amount, reason)
				values (:t, :u, :a, :n, :o, :w, :r)""").param("t", targetId).param("u", unitId).param("a", actorId)
			.param("n", actorName).param("o", oldAmount).param("w", newAmount).param("r", reason).update();
	}

	List<Change> changes(long targetId, Function<Long, String> unitName) {
		return jdbc.sql("select * from target_change where target_id = :t order by at desc, id desc limit 500")
			.param("t", targetId)
			.query((rs, i) -> new Change(rs.getTimestamp("at").toInstant(), rs.getString("actor_name"), rs.getLong("unit_id"),
					null, (Long) rs.getObject("old_amount"), (Long) rs.getObject("new_amount"), rs.getString("reason")))
			.list().stream()
			.map(c -> new Change(c.at(), c.actorName(), c.unitId(), unitName.apply(c.unitId()), c.oldAmount(), c.newAmount(),
					c.reason()))
			.toList();
	}

	private static String join(Set<? extends Enum<?>> values) {
		return values.isEmpty() ? null : values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

	private static <E extends Enum<E>> Set<E> split(String text, Class<E> type) {
		if (text == null || text.isBlank()) {
			return Set.of();
		}
		Set<E> set = EnumSet.noneOf(type);
		Arrays.stream(text.split(",")).map(String::strip).forEach(s -> set.add(Enum.valueOf(type, s)));
		return set;
	}
}
