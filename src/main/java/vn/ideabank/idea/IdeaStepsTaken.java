package vn.ideabank.idea;

import java.util.List;

/**
 * One batch of a bulk step ({@link IdeaBulkSteps}): the ideas one person moved together by the same step,
 * published once per batch instead of one {@link IdeaStatusChanged} per idea, so that the event publication
 * registry stores one row (not one INSERT and one serialisation per idea) and listeners can work on the
 * whole batch at once. It says exactly what the batch's {@link IdeaStatusChanged} events would ({@link #each()}):
 * every listener of {@link IdeaStatusChanged} must listen to this event too, or it misses bulk steps.
 */
public record IdeaStepsTaken(IdeaStep step, long actorId, String reason, List<Change> changes) {

	/** One idea of the batch: as {@link IdeaStatusChanged} tells it, less what the whole batch shares. */
	public record Change(long ideaId, String code, long unitId, IdeaStatus from, IdeaStatus to, String title) {
	}

	public IdeaStepsTaken {
		changes = List.copyOf(changes);
	}

	/** The batch as one {@link IdeaStatusChanged} per idea, in the order the ideas were given. */
	public List<IdeaStatusChanged> each() {
		return changes.stream()
			.map(c -> new IdeaStatusChanged(c.ideaId(), c.code(), c.unitId(), step, c.from(), c.to(), actorId, c.title(), reason))
			.toList();
	}
}
