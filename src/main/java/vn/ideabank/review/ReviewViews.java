package vn.ideabank.review;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the evaluation pages and API show. */
public final class ReviewViews {

	private ReviewViews() {
	}

	public enum CouncilStatus {
		OPEN, CLOSED
	}

	/** What a council decides about an idea; each maps to a step of the idea's lifecycle. */
	public enum Decision {
		ACCEPT, REJECT, REQUEST_REVISION;

		public String messageKey() {
			return "review.decision." + name();
		}
	}

	public record CouncilView(long id, long unitId, String unitPath, String name, int year, long rubricVersionId,
			boolean blind, boolean normalise, double threshold, int perIdea, CouncilStatus status, long version) {

		public boolean open() {
			return status == CouncilStatus.OPEN;
		}
	}

	public record MemberView(long accountId, String displayName, String homeUnitPath) {
	}

	/** An idea under evaluation. Author and unit are null when the viewer is a reviewer of a blind council. */
	public record ItemView(long id, long councilId, long ideaId, String ideaCode, String title, String summary,
			String solution, String novelty, String sectorField, String unitName, String authors, String decision,
			String decisionReason, Instant decidedAt, long version) {
	}

	/** An assignment as its reviewer sees it. */
	public record AssignmentView(long id, long councilId, String councilName, boolean councilOpen, ItemView item,
			String conflictReason, Double total, Instant scoredAt) {

		public boolean scored() {
			return total != null;
		}
	}

	/** A reviewer's scores for one assignment (empty values when not scored yet). */
	public record ScoreView(long assignmentId, Map<String, Integer> values, String comment, Double total,
			long version) {
	}

	public record HistoryView(Instant at, String actorName, String values, double total, String comment) {
	}

	/** Progress of one reviewer in a council. */
	public record ProgressView(long reviewerId, String displayName, int assigned, int scored, int conflicts,
			Instant lastReminder) {

		public int pending() {
			return assigned - scored - conflicts;
		}
	}

	/** One idea's result: aggregate of its scores, spread, flag, with the reviewers who scored. */
	public record ResultView(ItemView item, int reviewers, int scored, Double aggregate, Double spread, boolean flagged,
			List<Assigned> assigned) {
	}

	public record Assigned(long assignmentId, long reviewerId, String displayName, Double total, String conflictReason) {
	}
}
