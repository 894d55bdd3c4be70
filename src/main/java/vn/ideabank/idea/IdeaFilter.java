package vn.ideabank.idea;

import vn.ideabank.member.TargetGroup;

/**
 * Filters of an idea list, all optional. {@code unitId} narrows to that unit's subtree (within the
 * caller's scope); {@code mine} to ideas the caller entered or is an author of.
 */
public record IdeaFilter(Long unitId, Integer year, IdeaStatus status, IdeaKind kind, SectorField field,
		TargetGroup targetGroup, String q, boolean mine) {

	public static IdeaFilter none() {
		return new IdeaFilter(null, null, null, null, null, null, null, false);
	}
}
