package vn.ideabank.contest;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Repository;

import vn.ideabank.contest.RoundCommands.SaveRound;
import vn.ideabank.contest.RoundViews.Advancement;
import vn.ideabank.contest.RoundViews.EntryView;
import vn.ideabank.contest.RoundViews.JudgeTask;
import vn.ideabank.contest.RoundViews.JudgeView;
import vn.ideabank.contest.RoundViews.RoundStatus;
import vn.ideabank.contest.RoundViews.RoundView;
import vn.ideabank.contest.RoundViews.ScoreHistoryView;
import vn.ideabank.contest.RoundViews.ScoreView;

/** The round tables (plain SQL; versions checked in every update). */
@Repository
class RoundStore {

	/** An entry with what the conflict rule and the ranking need. */
	record EntryRow(EntryView view, String ideaUnitPath, Set<Long> owners, java.time.Instant nominatedAt) {
	}

	/** A stored score with its id. */
	record ScoreRow(long id, ScoreView view) {
	}

	/** A score as the aggregation reads it. */
	record SheetRow(long judgeId, long nominationId, double total, Map<String, Integer> values) {
	}

	private final JdbcClient jdbc;

	RoundStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// --- rounds --------------------------------------------------------------------------------

	long insertRound(long contestId, SaveRound r, long actorId) {
		return jdbc.sql("""
				insert into contest_round (contest_id, number, name, rubric_version_id, opens_on, closes_on, normalise,
				  threshold, created_by)
				values (:c, (select coalesce(max(number), 0) + 1 from contest_round where contest_id = :c), :n, :r, :o, :cl,
				  :no, :t, :a) returning id""")
			.param("c", contestId).param("n", r.name()).param("r", r.rubricVersionId()).param("o", Date.valueOf(r.opensOn()))
			.param("cl", Date.valueOf(r.closesOn())).param("no", r.normalise()).param("t", r.threshold())
			.param("a", actorId).query(Long.class).single();
	}

	void updateRound(long id, long version, SaveRound r) {
		checked(jdbc.sql("""
				update contest_round set name = :n, rubric_version_id = :r, opens_on = :o, closes_on = :cl, normalise = :no,
				  threshold = :t, version = version + 1 where id = :id and version = :v""")
			.param("n", r.name()).param("r", r.rubricVersionId()).param("o", Date.valueOf(r.opensOn()))
			.param("cl", Date.valueOf(r.closesOn())).param("no", r.normalise()).param("t", r.threshold())
			.param("id", id).param("v", version).update(), id);
	}

	void open(long id, long version) {
		checked(jdbc.sql("update contest_round set status = 'OPEN', version = version + 1 where id = :id and version = :v")
			.param("id", id).param("v", version).update(), id);
	}

	void close(long id, long version, Advancement advancement, BigDecimal value) {
		checked(jdbc.sql("""
				update contest_round set status = 'CLOSED', advancement = :a, advance_value = :val, closed_at = now(),
				  version = version + 1 where id = :id and version = :v""")
			.param("a", advancement.name()).param("val", value).param("id", id).param("v", version).update(), id);
	}

	private static void checked(int updated, long id) {
		if (updated == 0) {
			throw new ObjectOptimisticLockingFailureException("contest_round", id);
		}
	}

	Optional<RoundView> round(long id) {
		return jdbc.sql("select * from contest_round where id = :id").param("id", id).query(this::mapRound).optional();
	}

	List<RoundView> rounds(long contestId) {
		return jdbc.sql("select * from contest_round where contest_id = :c order by number").param("c", contestId)
			.query(this::mapRound).list();
	}

	private RoundView mapRound(ResultSet rs, int n) throws SQLException {
		Timestamp closed = rs.getTimestamp("closed_at");
		String adv = rs.getString("advancement");
		return new RoundView(rs.getLong("id"), rs.getLong("contest_id"), rs.getInt("number"), rs.getString("name"),
				rs.getLong("rubric_version_id"), rs.getDate("opens_on").toLocalDate(), rs.getDate("closes_on").toLocalDate(),
				rs.getBoolean("normalise"), rs.getBigDecimal("threshold"), RoundStatus.valueOf(rs.getString("status")),
				adv == null ? null : Advancement.valueOf(adv), rs.getBigDecimal("advance_value"),
				closed == null ? null : closed.toInstant(), rs.getLong("version"));
	}

	// --- judges --------------------------------------------------------------------------------

	boolean addJudge(long roundId, long accountId, String displayName, String homeUnitPath, long actorId) {
		return jdbc.sql("""
				insert into contest_round_judge (round_id, account_id, display_name, home_unit_path, added_by)
				values (:r, :a, :n, :h, :by) on conflict do nothing""").param("r", roundId).param("a", accountId)
			.param("n", displayName).param("h", homeUnitPath).param("by", actorId).update() > 0;
	}

	boolean removeJudge(long roundId, long accountId) {
		return jdbc.sql("delete from contest_round_judge where round_id = :r and account_id = :a").param("r", roundId)
			.param("a", accountId).update() > 0;
	}

	List<JudgeView> judges(long roundId) {
		return jdbc.sql("select * from contest_round_judge where round_id = :r order by display_name, account_id")
			.param("r", roundId)
			.query((rs, n) -> new JudgeView(rs.getLong("account_id"), rs.getString("display_name"),
					rs.getString("home_unit_path")))
			.list();
	}

	Optional<JudgeView> judge(long roundId, long accountId) {
		return judges(roundId).stream().filter(j -> j.accountId() == accountId).findFirst();
	}

	long countScoresOf(long roundId, long judgeId) {
		return jdbc.sql("select count(*) from contest_round_score where round_id = :r and judge_id = :j").param("r", roundId)
			.param("j", judgeId).query(Long.class).single();
	}

	/** The rounds the account judges, newest contest first, with entries and own scores counted (one query). */
	List<JudgeTask> tasksOf(long accountId) {
		return jdbc.sql("""
				select r.id, r.contest_id, c.name cname, r.number, r.name, r.status, r.opens_on, r.closes_on,
				       (select count(*) from contest_round_entry e where e.round_id = r.id) entries,
				       (select count(*) from contest_round_score s where s.round_id = r.id and s.judge_id = j.account_id) scored
				  from contest_round_judge j join contest_round r on r.id = j.round_id join contest c on c.id = r.contest_id
				 where j.account_id = :a order by (r.status = 'OPEN') desc, r.contest_id desc, r.number desc limit 200""")
			.param("a", accountId)
			.query((rs, n) -> new JudgeTask(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5),
					RoundStatus.valueOf(rs.getString(6)), rs.getDate(7).toLocalDate(), rs.getDate(8).toLocalDate(),
					rs.getInt(9), rs.getInt(10)))
			.list();
	}

	// --- entries -------------------------------------------------------------------------------

	void insertEntries(long roundId, Collection<Long> nominationIds) {
		jdbc.sql("""
				insert into contest_round_entry (round_id, nomination_id)
				select :r, id from contest_nomination where id in (:ids) on conflict do nothing""")
			.param("r", roundId).param("ids", nominationIds).update();
	}

	void markAdvanced(long roundId, Collection<Long> nominationIds) {
		if (!nominationIds.isEmpty()) {
			jdbc.sql("update contest_round_entry set advanced = true where round_id = :r and nomination_id in (:ids)")
				.param("r", roundId).param("ids", nominationIds).update();
		}
	}

	List<Long> advancedOf(long roundId) {
		return jdbc.sql("select nomination_id from contest_round_entry where round_id = :r and advanced order by nomination_id")
			.param("r", roundId).query(Long.class).list();
	}

	List<EntryRow> entries(long roundId) {
		return entryRows("e.round_id = :r", roundId, null);
	}

	Optional<EntryRow> entry(long roundId, long nominationId) {
		return entryRows("e.round_id = :r and e.nomination_id = :n", roundId, nominationId).stream().findFirst();
	}

	private List<EntryRow> entryRows(String where, long roundId, Long nominationId) {
		var spec = jdbc.sql("""
				select n.id, n.idea_code, n.idea_title, n.authors, n.unit_name, e.advanced, n.idea_unit_path,
				       n.owner_account_ids, n.nominated_at
				  from contest_round_entry e join contest_nomination n on n.id = e.nomination_id""" + " where " + where
				+ " order by n.nominated_at, n.id").param("r", roundId);
		if (nominationId != null) {
			spec = spec.param("n", nominationId);
		}
		return spec.query((rs, n) -> new EntryRow(
				new EntryView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getBoolean(6)),
				rs.getString(7),
				Arrays.stream(rs.getString(8).split(",")).filter(s -> !s.isBlank()).map(Long::valueOf)
					.collect(Collectors.toSet()),
				rs.getTimestamp(9).toInstant()))
			.list();
	}

	// --- scores --------------------------------------------------------------------------------

	Optional<ScoreRow> score(long roundId, long nominationId, long judgeId) {
		Optional<Object[]> head = jdbc.sql("""
				select id, total, comment, version from contest_round_score
				 where round_id = :r and nomination_id = :n and judge_id = :j""")
			.param("r", roundId).param("n", nominationId).param("j", judgeId)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getBigDecimal(2), rs.getString(3), rs.getLong(4) })
			.optional();
		return head.map(h -> {
			Map<String, Integer> values = new LinkedHashMap<>();
			jdbc.sql("select code, value from contest_round_score_value where score_id = :s").param("s", h[0])
				.query((rs, n) -> values.put(rs.getString(1), rs.getInt(2))).list();
			return new ScoreRow((Long) h[0], new ScoreView(values, (String) h[2], (BigDecimal) h[1], (Long) h[3]));
		});
	}

	/**
	 * Inserts (form version 0: no row yet) or updates the judge's own score row, checking its version: a
	 * stale form or a second tab never overwrites unseen. A concurrent first insert hits the unique key.
	 */
	long saveScore(long roundId, long nominationId, long judgeId, long version, Optional<ScoreRow> existing,
			BigDecimal total, String comment, Map<String, Integer> values) {
		long id;
		if (existing.isEmpty()) {
			if (version != 0) {
				throw new ObjectOptimisticLockingFailureException("contest_round_score", nominationId);
			}
			id = jdbc.sql("""
					insert into contest_round_score (round_id, nomination_id, judge_id, total, comment) values (:r, :n, :j, :t, :c)
					on conflict (round_id, nomination_id, judge_id) do nothing returning id""")
				.param("r", roundId).param("n", nominationId).param("j", judgeId).param("t", total).param("c", comment)
				.query(Long.class).optional()
				.orElseThrow(() -> new ObjectOptimisticLockingFailureException("contest_round_score", nominationId));
		}
		else {
			id = existing.get().id();
			if (jdbc.sql("""
					update contest_round_score set total = :t, comment = :c, scored_at = now(), version = version + 1
					 where id = :id and version = :v""").param("t", total).param("c", comment).param("id", id)
				.param("v", version).update() == 0) {
				throw new ObjectOptimisticLockingFailureException("contest_round_score", nominationId);
			}
			jdbc.sql("delete from contest_round_score_value where score_id = :s").param("s", id).update();
		}
		for (Map.Entry<String, Integer> v : values.entrySet()) {
			jdbc.sql("insert into contest_round_score_value (score_id, code, value) values (:s, :c, :v)").param("s", id)
				.param("c", v.getKey()).param("v", v.getValue()).update();
		}
		return id;
	}

	void insertHistory(long scoreId, long actorId, String oldValues, BigDecimal oldTotal, String newValues,
			BigDecimal newTotal, String comment) {
		jdbc.sql("""
				insert into contest_round_score_history (score_id, actor_id, old_values, old_total, new_values, new_total, comment)
				values (:s, :a, :ov, :ot, :nv, :nt, :c)""").param("s", scoreId).param("a", actorId).param("ov", oldValues)
			.param("ot", oldTotal).param("nv", newValues).param("nt", newTotal).param("c", comment).update();
	}

	List<ScoreHistoryView> history(long roundId, long nominationId, long judgeId) {
		return jdbc.sql("""
				select h.at, coalesce(j.display_name, ''), h.old_values, h.old_total, h.new_values, h.new_total
				  from contest_round_score_history h join contest_round_score s on s.id = h.score_id
				  left join contest_round_judge j on j.round_id = s.round_id and j.account_id = h.actor_id
				 where s.round_id = :r and s.nomination_id = :n and s.judge_id = :j order by h.id""")
			.param("r", roundId).param("n", nominationId).param("j", judgeId)
			.query((rs, n) -> new ScoreHistoryView(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
					rs.getBigDecimal(4), rs.getString(5), rs.getBigDecimal(6)))
			.list();
	}

	/** Every score of the round with its values, in two queries. */
	List<SheetRow> sheets(long roundId) {
		Map<Long, Map<String, Integer>> values = new LinkedHashMap<>();
		jdbc.sql("""
				select v.score_id, v.code, v.value from contest_round_score_value v
				  join contest_round_score s on s.id = v.score_id where s.round_id = :r""").param("r", roundId)
			.query((rs, n) -> values.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getInt(3)))
			.list();
		return jdbc.sql("""
				select id, judge_id, nomination_id, total from contest_round_score where round_id = :r
				 order by nomination_id, judge_id""").param("r", roundId)
			.query((rs, n) -> new SheetRow(rs.getLong(2), rs.getLong(3), rs.getDouble(4),
					values.getOrDefault(rs.getLong(1), Map.of())))
			.list();
	}
}
