package vn.ideabank.review;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Roles;
import vn.ideabank.common.security.UnitScope;

/** Counts for the to-do home page, one SQL statement each: a reviewer's own work, an office's councils. */
@Service
@Transactional(readOnly = true)
public class ReviewTodo {

	private final JdbcClient jdbc;

	ReviewTodo(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The caller's assignments still to score: in an open council, not yet decided, not scored, and not
	 * declined for a conflict of interest (councils carry no deadline).
	 */
	public long assignmentsToScore(Caller caller) {
		return jdbc.sql("""
				select count(*) from review_assignment a
				  join review_council c on c.id = a.council_id
				  join review_item i on i.id = a.item_id
				 where a.reviewer_id = :me and c.status = 'OPEN' and i.decision is null and a.conflict_reason is null
				   and not exists (select 1 from review_score s where s.assignment_id = a.id)""")
			.param("me", caller.accountId()).query(Long.class).single();
	}

	/** Open councils of the subtrees where the caller is an office (or administrator): {@code /reviews/councils?open=true}. */
	public long councilsInProgress(Caller caller) {
		UnitScope.Condition scope = UnitScope.of(caller, Roles.OFFICE).sql("unit_path");
		return scope.bind(jdbc.sql("select count(*) from review_council where status = 'OPEN' and " + scope.sql()))
			.query(Long.class).single();
	}
}
