package vn.ideabank.org;

import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Role;
import vn.ideabank.common.security.Roles;

/** Who may do what to the tree. Structure is managed by administrators and offices in their subtree. */
final class UnitPermissions {

	private UnitPermissions() {
	}

	static boolean canView(Caller caller, Unit unit) {
		return caller.sees(unit.path());
	}

	static boolean canManage(Caller caller, Unit unit) {
		return caller.can(unit.path(), Roles.OFFICE);
	}

	static boolean canCreateRoot(Caller caller) {
		return caller.grants().stream().anyMatch(g -> g.role() == Role.ADMIN && g.systemWide());
	}

	static void requireView(Caller caller, Unit unit) {
		if (!canView(caller, unit)) {
			throw new ForbiddenException();
		}
	}

	static void requireManage(Caller caller, Unit unit) {
		if (!canManage(caller, unit)) {
			throw new ForbiddenException();
		}
	}
}
