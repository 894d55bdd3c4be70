package vn.ideabank.search;

import java.util.List;

import vn.ideabank.idea.IdeaStatus;

/**
 * One idea found. {@code titleHighlight} and {@code highlights} are HTML: the idea's text escaped,
 * with the matched words in {@code <mark>} tags ({@code titleHighlight} is null when the title did not match).
 */
public record SearchHit(long id, String code, String title, long unitId, String unitName, int year, IdeaStatus status,
		float score, String titleHighlight, List<String> highlights) {
}
