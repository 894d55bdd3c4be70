package vn.ideabank.search;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reviewers' duplicate/distinct judgements on pairs of ideas ({@code search_similarity_judgement}). */
@Component
class JudgementStore {

	private final JdbcClient jdbc;

	JudgementStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<Long, SimilarIdea.Verdict> verdicts(long ideaId, List<Long> others) {
		if (others.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select other_id, verdict from search_similarity_judgement where idea_id = :id and other_id in (:others)")
			.param("id", ideaId).param("others", others)
			.query((rs, n) -> Map.entry(rs.getLong(1), SimilarIdea.Verdict.valueOf(rs.getString(2)))).list().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** Records (or changes) the judgement on the pair, with who and when. */
	void save(long ideaId, long otherId, SimilarIdea.Verdict verdict, long accountId, String name) {
		jdbc.sql("""
				insert into search_similarity_judgement (idea_id, other_id, verdict, judged_by, judged_by_name)
				values (:idea, :other, :verdict, :by, :name)
				on conflict (idea_id, other_id) do update set verdict = excluded.verdict, judged_by = excluded.judged_by,
				  judged_by_name = excluded.judged_by_name, judged_at = now(),
				  version = search_similarity_judgement.version + 1""")
			.param("idea", ideaId).param("other", otherId).param("verdict", verdict.name()).param("by", accountId)
			.param("name", name).update();
	}

	record Judgement(long otherId, String verdict, String judgedBy, java.time.Instant judgedAt) {
	}

	List<Judgement> of(long ideaId) {
		return jdbc.sql("select other_id, verdict, judged_by_name, judged_at from search_similarity_judgement where idea_id = :id order by judged_at desc")
			.param("id", ideaId)
			.query((rs, n) -> new Judgement(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
			.list();
	}
}
