package vn.ideabank.idea;

/** An idea moved through its lifecycle; notifications and target progress listen to this. */
public record IdeaStatusChanged(long ideaId, String code, long unitId, IdeaStep step, IdeaStatus from, IdeaStatus to,
		long actorId) {
}
