package vn.ideabank.idea;

/**
 * An idea moved through its lifecycle; notifications and target progress listen to this. Carries the idea's
 * title and the reason given with the step (null when none), so that a notice names the idea and says why.
 */
public record IdeaStatusChanged(long ideaId, String code, long unitId, IdeaStep step, IdeaStatus from, IdeaStatus to,
		long actorId, String title, String reason) {
}
