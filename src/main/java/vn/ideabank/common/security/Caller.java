package vn.ideabank.common.security;

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
		return can(unitPath, Set.of(roles));
	}

	/** Whether any role of the set (see {@link Roles}), held at the unit or above it, covers the unit's path. */
	public boolean can(String unitPath, Set<Role> roles) {
		return UnitScope.of(this, roles).covers(unitPath);
	}

	/** Whether any grant at all covers the unit: the caller may see its non-public data. */
	public boolean sees(String unitPath) {
		return can(unitPath, Roles.ANY);
	}

	/** The grants with one of the roles; a list filter takes {@link UnitScope#of(Caller, Set)} instead. */
	public List<Grant> grantsFor(Role... roles) {
		return grantsFor(Set.of(roles));
	}

	/** The grants with one of the roles of the set. */
	public List<Grant> grantsFor(Set<Role> roles) {
		return grants.stream().filter(g -> roles.contains(g.role())).toList();
	}
}
