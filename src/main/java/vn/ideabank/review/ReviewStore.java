package vn.ideabank.review;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Repository;

import vn.ideabank.common.security.UnitScope;
import vn.ideabank.review.ReviewViews.AssignmentView;
import vn.ideabank.review.ReviewViews.CouncilStatus;
import vn.ideabank.review.ReviewViews.CouncilView;
import vn.ideabank.review.ReviewViews.HistoryView;
import vn.ideabank.review.ReviewViews.ItemView;
import vn.ideabank.review.ReviewViews.MemberView;
import vn.ideabank.review.ReviewViews.ProgressView;
import vn.ideabank.review.ReviewViews.ScoreView;

/** The evaluation tables (plain SQL; versions checked in every update). */
@Repository
class ReviewStore {

	/** A stored assignment with what the rules need. */
	record AssignmentRow(long id, long itemId, long councilId, long reviewerId, long ideaId, String conflictReason) {
	}

	/** Snapshot of an idea taken when it joins a council. */
	record ItemSnapshot(long ideaId, String code, String title, String summary, String solution, String novelty,
			String sectorField, long unitId, String unitPath, String unitName, String authors, Long authorAccountId) {
	}

	private final JdbcClient jdbc;

	ReviewStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// --- councils ------------------------------------------------------------------------------

	long insertCouncil(long unitId, String unitPath, ReviewCommands.CreateCouncil c, long actorId) {
		return jdbc.sql("""
				insert into review_council (unit_id, unit_path, name, year, rubric_version_id, blind, normalise, threshold,
				  per_idea, created_by) values (:u, :p, :n, :y, :r, :b, :no, :t, :k, :a) returning id""")
			.param("u", unitId).param("p", unitPath).param("n", c.name()).param("y", c.year())
			.param("r", c.rubricVersionId()).param("b", c.blind()).param("no", c.normalise())
			.param("t", c.threshold()).param("k", c.perIdea()).param("a", actorId).query(Long.class).single();
	}

	Optional<CouncilView> council(long id) {
		return jdbc.sql("select * from review_council where id = :id").param("id", id).query(this::mapCouncil).optional();
	}

	/** Councils of units inside the scope, newest first. */
	List<CouncilView> councilsWithin(UnitScope scope, boolean openOnly, int limit, int offset) {
		if (scope.isNothing()) {
			return List.of();
		}
		UnitScope.Condition inScope = scope.sql("unit_path");
		String open = openOnly ? "status = 'OPEN' and " : "";
		return inScope.bind(jdbc.sql("select * from review_council where " + open + inScope + " order by year desc, id desc limit :limit offset :offset"))
			.param("limit", limit).param("offset", offset).query(this::mapCouncil).list();
	}

	void setStatus(long id, long version, CouncilStatus status) {
		int n = jdbc.sql("update review_council set status = :s, version = version + 1 where id = :id and version = :v")
			.param("s", status.name()).param("id", id).param("v", version).update();
		if (n == 0) {
			throw new ObjectOptimisticLockingFailureException("review_council", id);
		}
	}

	private CouncilView mapCouncil(ResultSet rs, int n) throws SQLException {
		return new CouncilView(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_path"), rs.getString("name"),
				rs.getInt("year"), rs.getLong("rubric_version_id"), rs.getBoolean("blind"), rs.getBoolean("normalise"),
				rs.getDouble("threshold"), rs.getInt("per_idea"), CouncilStatus.valueOf(rs.getString("status")),
				rs.getLong("version"));
	}

	// --- members -------------------------------------------------------------------------------

	void addMember(long councilId, long accountId, String displayName, String homeUnitPath) {
		jdbc.sql("""
				insert into review_member (council_id, account_id, display_name, home_unit_path) values (:c, :a, :n, :h)
				on conflict do nothing""").param("c", councilId).param("a", accountId).param("n", displayName)
			.param("h", homeUnitPath).update();
	}

	List<MemberView> members(long councilId) {
		return jdbc.sql("select * from review_member where council_id = :c order by display_name, account_id")
			.param("c", councilId)
			.query((rs, n) -> new MemberView(rs.getLong("account_id"), rs.getString("display_name"),
					rs.getString("home_unit_path")))
			.list();
	}

	// --- items ---------------------------------------------------------------------------------

	boolean hasItem(long councilId, long ideaId) {
		return jdbc.sql("select count(*) from review_item where council_id = :c and idea_id = :i").param("c", councilId)
			.param("i", ideaId).query(Long.class).single() > 0;
	}

	long insertItem(long councilId, ItemSnapshot s) {
		return jdbc.sql("""
				insert into review_item (council_id, idea_id, idea_code, title, summary, solution, novelty, sector_field,
				  unit_id, unit_path, unit_name, authors, author_account_id)
				values (:c, :i, :code, :t, :s, :so, :no, :f, :u, :p, :un, :au, :aa) returning id""")
			.param("c", councilId).param("i", s.ideaId()).param("code", s.code()).param("t", s.title())
			.param("s", s.summary()).param("so", s.solution()).param("no", s.novelty()).param("f", s.sectorField())
			.param("u", s.unitId()).param("p", s.unitPath()).param("un", s.unitName()).param("au", s.authors())
			.param("aa", s.authorAccountId()).query(Long.class).single();
	}

	List<ItemSnapshotRow> items(long councilId) {
		return jdbc.sql("select * from review_item where council_id = :c order by id").param("c", councilId)
			.query(this::mapItemRow).list();
	}

	Optional<ItemSnapshotRow> item(long itemId) {
		return jdbc.sql("select * from review_item where id = :id").param("id", itemId).query(this::mapItemRow).optional();
	}

	/** A stored item: the snapshot with its decision. */
	record ItemSnapshotRow(long id, long councilId, ItemSnapshot snapshot, String decision, String decisionReason,
			Instant decidedAt, long version) {

		ItemView view(boolean hideWho) {
			return new ItemView(id, councilId, snapshot.ideaId(), snapshot.code(), snapshot.title(), snapshot.summary(),
					snapshot.solution(), snapshot.novelty(), snapshot.sectorField(), hideWho ? null : snapshot.unitName(),
					hideWho ? null : snapshot.authors(), decision, decisionReason, decidedAt, version);
		}
	}

	private ItemSnapshotRow mapItemRow(ResultSet rs, int n) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new ItemSnapshotRow(rs.getLong("id"), rs.getLong("council_id"),
				new ItemSnapshot(rs.getLong("idea_id"), rs.getString("idea_code"), rs.getString("title"),
						rs.getString("summary"), rs.getString("solution"), rs.getString("novelty"),
						rs.getString("sector_field"), rs.getLong("unit_id"), rs.getString("unit_path"),
						rs.getString("unit_name"), rs.getString("authors"), (Long) rs.getObject("author_account_id")),
				rs.getString("decision"), rs.getString("decision_reason"), decided == null ? null : decided.toInstant(),
				rs.getLong("version"));
	}

	void decide(long itemId, long version, String decision, String reason, long actorId) {
		int n = jdbc.sql("""
				update review_item set decision = :d, decision_reason = :r, decided_by = :a, decided_at = now(),
				  version = version + 1 where id = :id and version = :v""").param("d", decision).param("r", reason)
			.param("a", actorId).param("id", itemId).param("v", version).update();
		if (n == 0) {
			throw new ObjectOptimisticLockingFailureException("review_item", itemId);
		}
	}

	// --- assignments ---------------------------------------------------------------------------

	boolean assign(long itemId, long councilId, long reviewerId, long actorId) {
		return jdbc.sql("""
				insert into review_assignment (item_id, council_id, reviewer_id, assigned_by) values (:i, :c, :r, :a)
				on conflict do nothing""").param("i", itemId).param("c", councilId).param("r", reviewerId)
			.param("a", actorId).update() > 0;
	}

	List<AssignmentRow> assignments(long councilId) {
		return jdbc.sql("""
				select a.id, a.item_id, a.council_id, a.reviewer_id, i.idea_id, a.conflict_reason
				  from review_assignment a join review_item i on i.id = a.item_id where a.council_id = :c order by a.id""")
			.param("c", councilId).query(this::mapAssignmentRow).list();
	}

	Optional<AssignmentRow> assignment(long id) {
		return jdbc.sql("""
				select a.id, a.item_id, a.council_id, a.reviewer_id, i.idea_id, a.conflict_reason
				  from review_assignment a join review_item i on i.id = a.item_id where a.id = :id""")
			.param("id", id).query(this::mapAssignmentRow).optional();
	}

	private AssignmentRow mapAssignmentRow(ResultSet rs, int n) throws SQLException {
		return new AssignmentRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getString(6));
	}

	void declareConflict(long assignmentId, String reason) {
		jdbc.sql("update review_assignment set conflict_reason = :r where id = :id").param("r", reason)
			.param("id", assignmentId).update();
	}

	/** The reviewer's assignments with item, council and own total, one query. */
	List<AssignmentView> assignmentsOf(long reviewerId, int limit, int offset) {
		return assignmentViews("a.reviewer_id = :r", reviewerId, null, limit, offset);
	}

	/** One of the reviewer's assignments. */
	Optional<AssignmentView> assignmentOf(long reviewerId, long assignmentId) {
		return assignmentViews("a.reviewer_id = :r and a.id = :id", reviewerId, assignmentId, 1, 0).stream().findFirst();
	}

	private List<AssignmentView> assignmentViews(String where, long reviewerId, Long assignmentId, int limit, int offset) {
		var spec = jdbc.sql("""
				select a.id aid, a.conflict_reason, c.id cid, c.name cname, c.status, c.blind, s.total, s.scored_at, i.*
				  from review_assignment a join review_item i on i.id = a.item_id
				  join review_council c on c.id = a.council_id
				  left join review_score s on s.assignment_id = a.id""" + " where " + where + " order by (c.status = 'OPEN') desc, c.id desc, a.id limit :l offset :o")
			.param("r", reviewerId).param("l", limit).param("o", offset);
		if (assignmentId != null) {
			spec = spec.param("id", assignmentId);
		}
		return spec
			.query((rs, n) -> {
				ItemSnapshotRow item = mapItemRow(rs, n);
				BigDecimal total = rs.getBigDecimal("total");
				Timestamp at = rs.getTimestamp("scored_at");
				return new AssignmentView(rs.getLong("aid"), rs.getLong("cid"), rs.getString("cname"),
						"OPEN".equals(rs.getString("status")), item.view(rs.getBoolean("blind")),
						rs.getString("conflict_reason"), total == null ? null : total.doubleValue(),
						at == null ? null : at.toInstant());
			})
			.list();
	}

	long countAssignmentsOf(long reviewerId) {
		return jdbc.sql("select count(*) from review_assignment where reviewer_id = :r").param("r", reviewerId)
			.query(Long.class).single();
	}

	// --- scores --------------------------------------------------------------------------------

	Optional<ScoreView> score(long assignmentId) {
		var head = jdbc.sql("select id, total, comment, version from review_score where assignment_id = :a")
			.param("a", assignmentId)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getBigDecimal(2), rs.getString(3), rs.getLong(4) })
			.optional();
		return head.map(h -> {
			Map<String, Integer> values = new LinkedHashMap<>();
			jdbc.sql("select code, value from review_score_value where score_id = :s").param("s", h[0])
				.query((rs, n) -> values.put(rs.getString(1), rs.getInt(2))).list();
			return new ScoreView(assignmentId, values, (String) h[2], ((BigDecimal) h[1]).doubleValue(), (Long) h[3]);
		});
	}

	/**
	 * Inserts (form version 0: no row yet; the new row gets version 1) or updates the score row,
	 * checking its version, so a form opened before the first save cannot overwrite it: two reviewers
	 * (or two tabs) never overwrite each other unseen. A concurrent first insert hits the unique key.
	 */
	long saveScore(long assignmentId, long version, double total, String comment) {
		Optional<Long> id = jdbc.sql("select id from review_score where assignment_id = :a").param("a", assignmentId)
			.query(Long.class).optional();
		if (id.isEmpty()) {
			if (version != 0) {
				throw new ObjectOptimisticLockingFailureException("review_score", assignmentId);
			}
			Optional<Long> inserted = jdbc.sql("""
					insert into review_score (assignment_id, total, comment, version) values (:a, :t, :c, 1)
					on conflict (assignment_id) do nothing returning id""").param("a", assignmentId).param("t", total)
				.param("c", comment).query(Long.class).optional();
			return inserted.orElseThrow(() -> new ObjectOptimisticLockingFailureException("review_score", assignmentId));
		}
		int n = jdbc.sql("""
				update review_score set total = :t, comment = :c, scored_at = now(), version = version + 1
				 where id = :id and version = :v""").param("t", total).param("c", comment).param("id", id.get())
			.param("v", version).update();
		if (n == 0) {
			throw new ObjectOptimisticLockingFailureException("review_score", assignmentId);
		}
		jdbc.sql("delete from review_score_value where score_id = :s").param("s", id.get()).update();
		return id.get();
	}

	void insertValue(long scoreId, String code, int value) {
		jdbc.sql("insert into review_score_value (score_id, code, value) values (:s, :c, :v)").param("s", scoreId)
			.param("c", code).param("v", value).update();
	}

	void insertHistory(long assignmentId, long actorId, String values, double total, String comment) {
		jdbc.sql("""
				insert into review_score_history (assignment_id, actor_id, score_values, total, comment)
				values (:a, :actor, :v, :t, :c)""").param("a", assignmentId).param("actor", actorId).param("v", values)
			.param("t", total).param("c", comment).update();
	}

	List<HistoryView> history(long assignmentId) {
		return jdbc.sql("""
				select h.at, coalesce(m.display_name, ''), h.score_values, h.total, h.comment
				  from review_score_history h join review_assignment a on a.id = h.assignment_id
				  left join review_member m on m.council_id = a.council_id and m.account_id = h.actor_id
				 where h.assignment_id = :a order by h.id""").param("a", assignmentId)
			.query((rs, n) -> new HistoryView(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
					rs.getDouble(4), rs.getString(5)))
			.list();
	}

	/** reviewer, item and total of every score of the council. */
	List<ScoreAggregation.Sheet> sheets(long councilId) {
		return jdbc.sql("""
				select a.reviewer_id, a.item_id, s.total from review_score s join review_assignment a on a.id = s.assignment_id
				 where a.council_id = :c and a.conflict_reason is null order by a.item_id, a.reviewer_id""")
			.param("c", councilId)
			.query((rs, n) -> new ScoreAggregation.Sheet(rs.getLong(1), rs.getLong(2), rs.getDouble(3))).list();
	}

	// --- progress and reminders ----------------------------------------------------------------

	List<ProgressView> progress(long councilId) {
		return jdbc.sql("""
				select m.account_id, m.display_name,
				       count(a.id) assigned,
				       count(s.id) filter (where a.conflict_reason is null) scored,
				       count(a.id) filter (where a.conflict_reason is not null) conflicts,
				       (select max(r.sent_at) from review_reminder r where r.council_id = m.council_id
				         and r.reviewer_id = m.account_id) last_reminder
				  from review_member m
				  left join review_assignment a on a.council_id = m.council_id and a.reviewer_id = m.account_id
				  left join review_score s on s.assignment_id = a.id
				 where m.council_id = :c
				 group by m.council_id, m.account_id, m.display_name order by m.display_name""").param("c", councilId)
			.query((rs, n) -> {
				Timestamp last = rs.getTimestamp("last_reminder");
				return new ProgressView(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
						last == null ? null : last.toInstant());
			})
			.list();
	}

	void insertReminder(long councilId, long reviewerId, long actorId, int pending) {
		jdbc.sql("insert into review_reminder (council_id, reviewer_id, sent_by, pending) values (:c, :r, :a, :p)")
			.param("c", councilId).param("r", reviewerId).param("a", actorId).param("p", pending).update();
	}
}
