package vn.ideabank.idea;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.text.TextNormalizer;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.idea.IdeaLifecycle.Transition;

/**
 * One lifecycle step, checked and taken the same way whether a person steps one idea from its page
 * ({@link IdeaService#step}) or thousands at once ({@link IdeaBulkSteps}): the rule table, the actor,
 * the version, the duplicate mark, the reason, completeness and the evidence of application; then the
 * move, its history row and the {@link IdeaStatusChanged} event (a bulk step: {@link IdeaStepsTaken} per batch).
 * <p>
 * Not transactional itself: it runs in its caller's transaction. Every check comes before the first
 * change, so a refusal (an exception) leaves the idea untouched and, since no transactional proxy is
 * crossed, does not mark the caller's transaction for rollback either: a bulk batch goes on with the
 * next idea. The idea's readability is checked by the caller (one step: 404/403; bulk: listed).
 */
@Component
class IdeaSteps {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final IdeaHistoryRepository history;

	private final ApplicationEventPublisher events;

	IdeaSteps(IdeaHistoryRepository history, ApplicationEventPublisher events) {
		this.history = history;
		this.events = events;
	}

	/** The steps the caller may take on the idea now: what its page offers. */
	List<IdeaStep> allowed(Caller caller, Idea idea) {
		Set<IdeaLifecycle.Actor> actors = IdeaAccess.actors(caller, idea);
		return IdeaLifecycle.from(idea.status()).stream()
			.filter(t -> t.actors().stream().anyMatch(actors::contains))
			.filter(t -> idea.duplicateOfId() == null || t.step() == IdeaStep.WITHDRAW)
			.map(Transition::step).distinct().toList();
	}

	/**
	 * Whether the step may be taken, exactly as when it is taken; changes nothing.
	 *
	 * @param expectedVersion the version the caller read, or null to take the idea as loaded (bulk)
	 * @return the transition the step takes
	 * @throws BusinessException (or {@link ForbiddenException}) with the refusal's message
	 * @throws ObjectOptimisticLockingFailureException when the idea changed since the caller read it
	 */
	Transition check(Caller caller, Idea idea, TakeStep command, Long expectedVersion) {
		IdeaStatus from = idea.status();
		Transition t = IdeaLifecycle.find(command.step(), from)
			.orElseThrow(() -> new BusinessException("idea.error.illegalStep", label(command.step().messageKey()),
					label(from.messageKey())));
		Set<IdeaLifecycle.Actor> actors = IdeaAccess.actors(caller, idea);
		if (t.actors().stream().noneMatch(actors::contains)) {
			throw new ForbiddenException("idea.error.stepForbidden", label(command.step().messageKey()));
		}
		if (expectedVersion != null && idea.version() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(Idea.class, idea.id());
		}
		// a duplicate waits for its mark to be taken back; its author may still withdraw it
		if (idea.duplicateOfId() != null && t.step() != IdeaStep.WITHDRAW) {
			throw new BusinessException((String) null, "idea.error.stepOnDuplicate", idea.duplicateOfCode());
		}
		if (t.reasonRequired() && TextNormalizer.normalizeToNull(command.reason()) == null) {
			throw new BusinessException("reason", "idea.error.reasonRequired");
		}
		if (t.step() == IdeaStep.SUBMIT) {
			String missing = idea.firstMissingForSubmission();
			if (missing != null) {
				throw new BusinessException(missing, "idea.error.incomplete", label("idea.label." + missing));
			}
		}
		if (t.step() == IdeaStep.MARK_APPLIED) {
			checkEvidence(command);
		}
		return t;
	}

	/**
	 * Checks the step, then moves the idea, writes its history row and publishes {@link IdeaStatusChanged}
	 * (delivered after the commit). The caller saves (flushes) the idea.
	 */
	Transition take(Caller caller, Idea idea, TakeStep command, Long expectedVersion) {
		Transition t = check(caller, idea, command, expectedVersion);
		IdeaStatus from = idea.status();
		if (t.step() == IdeaStep.MARK_APPLIED) {
			idea.recordApplication(TextNormalizer.normalizeToNull(command.appliedWhere()), command.appliedSince(),
					TextNormalizer.normalizeToNull(command.appliedEffect()));
		}
		idea.move(t);
		history.save(new IdeaHistoryEntry(idea.id(), caller.accountId(), caller.displayName(), t.step().name(), from,
				t.to(), TextNormalizer.normalizeToNull(command.reason())));
		announce(caller, idea, t, command.reason());
		return t;
	}

	/** Publishes the step's {@link IdeaStatusChanged} (delivered after the commit); a bulk step announces a batch at once. */
	private void announce(Caller caller, Idea idea, Transition t, String reason) {
		events.publishEvent(new IdeaStatusChanged(idea.id(), idea.code(), idea.unitId(), t.step(), t.from(), t.to(),
				caller.accountId(), idea.title(), TextNormalizer.normalizeToNull(reason)));
	}

	private static void checkEvidence(TakeStep command) {
		if (TextNormalizer.normalizeToNull(command.appliedWhere()) == null) {
			throw new BusinessException("appliedWhere", "idea.error.evidenceRequired");
		}
		if (command.appliedSince() == null) {
			throw new BusinessException("appliedSince", "idea.error.evidenceRequired");
		}
		if (command.appliedSince().isAfter(LocalDate.now(VIETNAM))) {
			throw new BusinessException("appliedSince", "idea.error.futureDate");
		}
		if (TextNormalizer.normalizeToNull(command.appliedEffect()) == null) {
			throw new BusinessException("appliedEffect", "idea.error.evidenceRequired");
		}
	}

	private static DefaultMessageSourceResolvable label(String key) {
		return new DefaultMessageSourceResolvable(new String[] { key }, key);
	}
}
