package vn.ideabank.search;

import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;

/** What to search for: free text (any length, any characters) and optional filters. */
public record SearchQuery(String q, Long unitId, Integer year, IdeaStatus status, IdeaKind kind, SectorField field,
		TargetGroup targetGroup) {

	public static SearchQuery of(String q) {
		return new SearchQuery(q, null, null, null, null, null, null);
	}
}
