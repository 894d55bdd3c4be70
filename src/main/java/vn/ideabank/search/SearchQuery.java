package vn.ideabank.search;

import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;

/**
 * What to search for: free text (any length, any characters) and optional filters. With {@code expand} (the
 * default) a phrase the thesaurus knows also finds its other ways of saying it; without, only the words typed.
 */
public record SearchQuery(String q, Long unitId, Integer year, IdeaStatus status, IdeaKind kind, SectorField field,
		TargetGroup targetGroup, boolean expand) {

	public SearchQuery(String q, Long unitId, Integer year, IdeaStatus status, IdeaKind kind, SectorField field,
			TargetGroup targetGroup) {
		this(q, unitId, year, status, kind, field, targetGroup, true);
	}

	public static SearchQuery of(String q) {
		return new SearchQuery(q, null, null, null, null, null, null);
	}

	/** The same search with the thesaurus on or off. */
	public SearchQuery expanding(boolean on) {
		return new SearchQuery(q, unitId, year, status, kind, field, targetGroup, on);
	}
}
