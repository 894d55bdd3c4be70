package vn.ideabank.common.security;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Who is asking, with the grants read from the database for this request. Every facade method
 * that reads or writes unit data takes a caller and checks it against the unit of the thing.
 */
public record Caller(long accountId, String username, String displayName, List<Grant> grants) {

	public Caller {
		grants = List.copyOf(grants);
	}

	public boolean has(Role role) {
		return grants.stream().anyMatch(g -> g.role() == role);
	}

	/** Whether any of the given roles, held at the unit or above it, covers the unit's path. */
	public boolean can(String unitPath, Role... roles) {
		Set<Role> wanted = Set.of(roles);
		return grants.stream().anyMatch(g -> wanted.contains(g.role()) && g.covers(unitPath));
	}

	/** Whether any grant at all covers the unit: the caller may see its non-public data. */
	public boolean sees(String unitPath) {
		return can(unitPath, Role.values());
	}

	/** The grants with one of the roles, for building scope filters inside queries. */
	public List<Grant> grantsFor(Role... roles) {
		List<Role> wanted = Arrays.asList(roles);
		return grants.stream().filter(g -> wanted.contains(g.role())).toList();
	}
}
