package vn.ideabank.idea;

import vn.ideabank.member.TargetGroup;

/**
 * Filters of an idea list, all optional. {@code unitId} narrows to that unit's subtree (within the
 * caller's scope); {@code mine} to ideas the caller entered or is an author of; {@code duplicates}
 * keeps, hides or keeps only the ideas marked as duplicates (null: keeps them); {@code paper} to ideas
 * unit staff typed in for others (paper intake), leaving out what members entered as their own.
 */
public record IdeaFilter(Long unitId, Integer year, IdeaStatus status, IdeaKind kind, SectorField field,
		TargetGroup targetGroup, String q, boolean mine, Duplicates duplicates, boolean paper) {

	/** What a list does with ideas marked "trùng với …". */
	public enum Duplicates {
		/** shown, with their mark */
		SHOW,
		/** left out */
		HIDE,
		/** only they */
		ONLY
	}

	/** Any way of entry (typed for others or one's own). */
	public IdeaFilter(Long unitId, Integer year, IdeaStatus status, IdeaKind kind, SectorField field,
			TargetGroup targetGroup, String q, boolean mine, Duplicates duplicates) {
		this(unitId, year, status, kind, field, targetGroup, q, mine, duplicates, false);
	}

	/** Without a choice about duplicates: they are listed, with their mark. */
	public IdeaFilter(Long unitId, Integer year, IdeaStatus status, IdeaKind kind, SectorField field,
			TargetGroup targetGroup, String q, boolean mine) {
		this(unitId, year, status, kind, field, targetGroup, q, mine, Duplicates.SHOW);
	}

	public IdeaFilter {
		duplicates = duplicates == null ? Duplicates.SHOW : duplicates;
	}

	public static IdeaFilter none() {
		return new IdeaFilter(null, null, null, null, null, null, null, false);
	}
}
