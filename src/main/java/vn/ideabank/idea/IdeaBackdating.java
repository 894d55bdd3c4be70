package vn.ideabank.idea;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves an idea, and its history, back in time: only for the generated demo year
 * ({@code ideabank.seed.demo-year=true}; without it this bean does not exist). The facades stamp
 * everything with the real clock, so a year generated in one minute would count every idea in this
 * month; this puts each idea in the month it is meant to have been entered. It changes nothing but
 * times: the tally triggers move the idea to its month and the search outbox re-indexes it.
 */
@Component
@ConditionalOnProperty(name = "ideabank.seed.demo-year", havingValue = "true")
public class IdeaBackdating {

	private final JdbcClient jdbc;

	IdeaBackdating(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The idea was entered at {@code createdAt}; its history entries follow one {@code step} apart, in
	 * their order, and its submission (when submitted) is the second of them.
	 */
	@Transactional
	public void backdate(long ideaId, Instant createdAt, Duration step) {
		jdbc.sql("""
				update idea_history h set at = cast(:created as timestamptz) + (n.rank - 1) * cast(:step as bigint) * interval '1 second'
				from (select id, row_number() over (order by at, id) as rank from idea_history where idea_id = :idea) n
				where h.id = n.id""")
			.param("created", Timestamp.from(createdAt)).param("step", step.toSeconds()).param("idea", ideaId).update();
		jdbc.sql("""
				update idea set created_at = cast(:created as timestamptz),
				       submitted_at = case when submitted_at is null then null else cast(:submitted as timestamptz) end,
				       updated_at = (select max(at) from idea_history where idea_id = :idea)
				where id = :idea""")
			.param("created", Timestamp.from(createdAt)).param("submitted", Timestamp.from(createdAt.plus(step)))
			.param("idea", ideaId).update();
	}
}
