package vn.ideabank.report;

import java.util.List;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Grant;
import vn.ideabank.common.security.Role;

/** The caller's subtrees as path prefixes, turned into SQL predicates so lists are filtered in the query. */
final class ReportScope {

	/** Roles that work with plans and reports. */
	static final Role[] STAFF = { Role.ADMIN, Role.OFFICE, Role.UNIT_OFFICER };

	/** Roles that ask for plans, read every unit's status, return and consolidate. */
	static final Role[] OFFICE = { Role.ADMIN, Role.OFFICE };

	private ReportScope() {
	}

	/** {@code null}: system-wide (no filter); otherwise the prefixes, possibly none. */
	static List<String> prefixes(Caller caller, Role... roles) {
		List<Grant> grants = caller.grantsFor(roles);
		if (grants.stream().anyMatch(Grant::systemWide)) {
			return null;
		}
		return grants.stream().map(Grant::unitPath).distinct().toList();
	}

	static Predicate within(CriteriaBuilder cb, Expression<String> path, List<String> prefixes) {
		if (prefixes == null) {
			return cb.conjunction();
		}
		if (prefixes.isEmpty()) {
			return cb.disjunction();
		}
		return cb.or(prefixes.stream().map(p -> cb.like(path, escape(p) + "%", '\\')).toArray(Predicate[]::new));
	}

	static String escape(String s) {
		return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
