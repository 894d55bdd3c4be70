package vn.ideabank.idea;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Role;
import vn.ideabank.common.security.UnitScope;

/**
 * Counts for the to-do home page, one SQL statement each, inside the caller's scope. They count what
 * the idea list shows with the same filter ({@code status}, {@code dup=HIDE}, {@code mine}): ideas
 * marked as duplicates are left out, whatever their year.
 */
@Service
@Transactional(readOnly = true)
public class IdeaTodo {

	private final JdbcClient jdbc;

	IdeaTodo(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Ideas in the status in the subtrees where the caller holds one of the roles. */
	public long inStatus(Caller caller, Set<Role> roles, IdeaStatus status) {
		UnitScope.Condition scope = UnitScope.of(caller, roles).sql("unit_path");
		return scope.bind(jdbc.sql("select count(*) from idea where status = :status and duplicate_of is null and " + scope.sql()))
			.param("status", status.name()).query(Long.class).single();
	}

	/**
	 * Drafts unit staff typed in for others (paper intake) in the subtrees where the caller holds one of the roles:
	 * what the list shows with {@code status=DRAFT&paper=true}. Members' own drafts are theirs to send, not the unit's.
	 */
	public long paperDrafts(Caller caller, Set<Role> roles) {
		UnitScope.Condition scope = UnitScope.of(caller, roles).sql("unit_path");
		return scope.bind(jdbc.sql("select count(*) from idea where status = 'DRAFT' and not created_by_author"
				+ " and duplicate_of is null and " + scope.sql())).query(Long.class).single();
	}

	/** The caller's own ideas (entered as their own, or naming them as an author) by status. */
	public Map<IdeaStatus, Long> mineByStatus(Caller caller) {
		Map<IdeaStatus, Long> counts = new EnumMap<>(IdeaStatus.class);
		jdbc.sql("""
				select i.status, count(*) from idea i
				 where i.duplicate_of is null
				   and ((i.created_by = :me and i.created_by_author)
				        or exists (select 1 from idea_author a where a.idea_id = i.id and a.account_id = :me))
				 group by i.status""")
			.param("me", caller.accountId())
			.query((rs, n) -> counts.put(IdeaStatus.valueOf(rs.getString(1)), rs.getLong(2))).list();
		return counts;
	}
}
