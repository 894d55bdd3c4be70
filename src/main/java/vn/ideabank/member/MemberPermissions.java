package vn.ideabank.member;

import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Roles;

/**
 * Who may see and change the roster: any role covering the member's unit may read (and a person
 * their own record); administrators, offices and unit officers covering the unit manage it.
 */
final class MemberPermissions {

	private MemberPermissions() {
	}

	static boolean canView(Caller caller, Member member) {
		return caller.sees(member.unitPath())
				|| (member.accountId() != null && member.accountId() == caller.accountId());
	}

	static boolean canManageUnit(Caller caller, String unitPath) {
		return unitPath != null && caller.can(unitPath, Roles.STAFF);
	}

	static void requireView(Caller caller, Member member) {
		if (!canView(caller, member)) {
			throw new ForbiddenException();
		}
	}

	static void requireManageUnit(Caller caller, String unitPath) {
		if (!canManageUnit(caller, unitPath)) {
			throw new ForbiddenException();
		}
	}
}
