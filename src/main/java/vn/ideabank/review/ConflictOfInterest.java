package vn.ideabank.review;

import java.util.Collection;

import vn.ideabank.common.security.UnitScope;

/**
 * The conflict-of-interest rule shared by evaluation councils and contest rounds (pure): nobody
 * scores their own idea, nor an idea from the subtree of their home unit when that home unit lies
 * strictly below the organising unit. A home unit at or above the organising unit (the organising
 * office itself, a province officer) does not count, or its own people could score nothing.
 */
public final class ConflictOfInterest {

	private ConflictOfInterest() {
	}

	/**
	 * @param organiserUnitPath path of the council's or contest's unit
	 * @param accountId the scorer
	 * @param homeUnitPath the scorer's home unit path, or null
	 * @param owners accounts whose idea it is (who entered it, authors with a login)
	 * @param subjectUnitPath path of the idea's unit, or null
	 */
	public static boolean conflict(String organiserUnitPath, long accountId, String homeUnitPath, Collection<Long> owners,
			String subjectUnitPath) {
		if (owners.contains(accountId)) {
			return true;
		}
		if (homeUnitPath == null || subjectUnitPath == null) {
			return false;
		}
		boolean homeBelowOrganiser = UnitScope.subtree(organiserUnitPath).covers(homeUnitPath)
				&& !homeUnitPath.equals(organiserUnitPath);
		return homeBelowOrganiser && UnitScope.subtree(homeUnitPath).covers(subjectUnitPath);
	}
}
