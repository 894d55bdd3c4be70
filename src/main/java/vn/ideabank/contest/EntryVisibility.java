package vn.ideabank.contest;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Roles;
import vn.ideabank.common.security.UnitScope;
import vn.ideabank.idea.IdeaService;

/**
 * Which entries of a contest a caller may see (title, authors, unit): all of them for the organiser's
 * office; otherwise those whose idea the caller may read (the idea module's rule: public ideas, their
 * own, the ideas of the subtrees where they are staff, reviewers or judges) and those nominated by a
 * unit of a subtree where the caller is staff. Seeing the contest is not enough: a contest organised by
 * the district is seen by every commune, whose entries are not theirs to read. Applied inside the
 * queries (the contest's idea ids are few: its entries).
 */
@Component
class EntryVisibility {

	private final IdeaService ideas;

	private final JdbcClient jdbc;

	EntryVisibility(IdeaService ideas, JdbcClient jdbc) {
		this.ideas = ideas;
		this.jdbc = jdbc;
	}

	/** The rule for one caller and contest. */
	Rule of(Caller caller, Contest contest) {
		if (ContestService.organises(caller, contest)) {
			return new Rule(true, Set.of(), UnitScope.everything());
		}
		List<Long> entered = jdbc.sql("select idea_id from contest_nomination where contest_id = :c")
			.param("c", contest.id()).query(Long.class).list();
		return new Rule(false, ideas.readableAmong(caller, entered), UnitScope.of(caller, Roles.STAFF));
	}

	/** {@code all}: the organiser; otherwise the readable ideas and the nominating units' staff scope. */
	record Rule(boolean all, Set<Long> readableIdeas, UnitScope nominatingStaff) {

		boolean allows(long ideaId, String nominatingUnitPath) {
			return all || readableIdeas.contains(ideaId) || nominatingStaff.covers(nominatingUnitPath);
		}

		Specification<Nomination> specification() {
			return (root, query, cb) -> {
				if (all) {
					return cb.conjunction();
				}
				var staff = nominatingStaff.predicate(cb, root.get("unitPath"));
				return readableIdeas.isEmpty() ? staff : cb.or(root.get("ideaId").in(readableIdeas), staff);
			};
		}

		/** The condition on the nomination alias {@code n}, with its parameters. */
		UnitScope.Condition sql() {
			if (all) {
				return new UnitScope.Condition("true", Map.of());
			}
			UnitScope.Condition staff = nominatingStaff.sql("n.unit_path", "staff");
			if (readableIdeas.isEmpty()) {
				return staff;
			}
			Map<String, Object> params = new java.util.HashMap<>(staff.params());
			params.put("readable", readableIdeas);
			return new UnitScope.Condition("(n.idea_id in (:readable) or " + staff.sql() + ")", params);
		}
	}
}
