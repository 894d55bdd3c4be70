package vn.ideabank.idea;

import java.util.List;

/**
 * Everything the idea page shows to this caller: internal notes only to staff, steps they may take, and
 * whether they may mark it a duplicate (or take the mark back).
 */
public record IdeaDetails(IdeaView idea, List<IdeaView.HistoryEntry> history, List<IdeaView.Comment> comments,
		List<IdeaStep> allowedSteps, boolean canEdit, boolean canDelete, boolean canSeeInternal, boolean isAuthor,
		boolean canMarkDuplicate) {
}
