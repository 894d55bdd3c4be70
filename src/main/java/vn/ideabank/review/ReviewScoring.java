package vn.ideabank.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.review.ReviewCommands.Score;
import vn.ideabank.review.ReviewStore.AssignmentRow;
import vn.ideabank.review.ReviewViews.AssignmentView;
import vn.ideabank.review.ReviewViews.CouncilView;
import vn.ideabank.review.ReviewViews.HistoryView;
import vn.ideabank.review.ReviewViews.ScoreView;

/**
 * The reviewer's side of an evaluation council set up by {@link ReviewService}: the caller's assignments, the score
 * sheet, the score (with its history and an {@link IdeaScored} event) and a declared conflict of interest. An
 * assignment of someone else answers 404, so nothing can be probed.
 */
@Service
@Transactional(readOnly = true)
public class ReviewScoring {

	private final ReviewStore store;

	private final RubricService rubrics;

	private final ApplicationEventPublisher events;

	ReviewScoring(ReviewStore store, RubricService rubrics, ApplicationEventPublisher events) {
		this.store = store;
		this.rubrics = rubrics;
		this.events = events;
	}

	/** "Việc thẩm định của tôi": the caller's assignments, open councils first. */
	public List<AssignmentView> myAssignments(Caller caller, int page, int size) {
		return store.assignmentsOf(caller.accountId(), size, page * size);
	}

	public long countMyAssignments(Caller caller) {
		return store.countAssignmentsOf(caller.accountId());
	}

	/** Everything the score page shows: the assignment (blind councils hide author and unit), rubric, own score. */
	public record ScoreSheet(AssignmentView assignment, CouncilView council, RubricView rubric, ScoreView score,
			List<HistoryView> history) {
	}

	public ScoreSheet scoreSheet(Caller caller, long assignmentId) {
		AssignmentRow row = own(caller, assignmentId);
		CouncilView council = store.council(row.councilId()).orElseThrow();
		AssignmentView view = myAssignment(caller, assignmentId);
		ScoreView score = store.score(assignmentId).orElse(new ScoreView(assignmentId, Map.of(), null, null, 0));
		RubricView rubric = rubrics.version(council.rubricVersionId());
		// history lines are stored with criterion codes; people read the criteria's names
		List<HistoryView> history = store.history(assignmentId).stream()
			.map(h -> new HistoryView(h.at(), h.actorName(), rubric.named(h.values()), h.total(), h.comment())).toList();
		return new ScoreSheet(view, council, rubric, score, history);
	}

	private AssignmentView myAssignment(Caller caller, long assignmentId) {
		return store.assignmentOf(caller.accountId(), assignmentId)
			.orElseThrow(() -> new NotFoundException("review.assignment.notFound"));
	}

	/**
	 * Gives or changes the caller's scores for an assigned idea. Only the assigned reviewer, only
	 * while the council is open, not after declaring a conflict; every criterion inside its scale.
	 * The score row's version must match (two tabs or a stale form never overwrite unseen).
	 */
	@Transactional
	public ScoreView score(Caller caller, long assignmentId, Score command) {
		AssignmentRow row = own(caller, assignmentId);
		CouncilView council = ReviewService.open(store.council(row.councilId()).orElseThrow());
		if (row.conflictReason() != null) {
			throw new BusinessException("review.score.conflictDeclared");
		}
		RubricView rubric = rubrics.version(council.rubricVersionId());
		Map<String, Integer> values = new LinkedHashMap<>();
		for (RubricView.CriterionView c : rubric.criteria()) {
			Integer v = command.values() == null ? null : command.values().get(c.code());
			if (v == null) {
				throw new BusinessException("values[" + c.code() + "]", "review.score.missing", c.name());
			}
			if (v < c.min() || v > c.max()) {
				throw new BusinessException("values[" + c.code() + "]", "review.score.outOfScale", c.name(), c.min(), c.max());
			}
			values.put(c.code(), v);
		}
		String comment = command.comment() == null || command.comment().isBlank() ? null : command.comment().strip();
		if (comment != null && comment.length() > 5000) {
			throw new BusinessException("comment", "review.score.comment.tooLong");
		}
		double total = ScoreAggregation.total(rubric.forAggregation(), values);
		long scoreId = store.saveScore(assignmentId, command.version(), total, comment);
		values.forEach((code, v) -> store.insertValue(scoreId, code, v));
		store.insertHistory(assignmentId, caller.accountId(),
				values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")),
				total, comment);
		events.publishEvent(new IdeaScored(caller.accountId(), row.ideaId(), council.id(), total));
		return store.score(assignmentId).orElseThrow();
	}

	/** The reviewer declares a conflict of interest: the assignment no longer counts and cannot be scored. */
	@Transactional
	public void declareConflict(Caller caller, long assignmentId, String reason) {
		AssignmentRow row = own(caller, assignmentId);
		ReviewService.open(store.council(row.councilId()).orElseThrow());
		if (reason == null || reason.isBlank() || reason.length() > 2000) {
			throw new BusinessException("reason", "review.conflict.reason.required");
		}
		store.declareConflict(assignmentId, reason.strip());
	}

	private AssignmentRow own(Caller caller, long assignmentId) {
		AssignmentRow row = store.assignment(assignmentId)
			.orElseThrow(() -> new NotFoundException("review.assignment.notFound"));
		if (row.reviewerId() != caller.accountId()) {
			// not assigned to the caller: as if it did not exist, so nothing can be probed
			throw new NotFoundException("review.assignment.notFound");
		}
		return row;
	}
}
