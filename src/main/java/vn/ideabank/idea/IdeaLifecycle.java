package vn.ideabank.idea;

import static vn.ideabank.idea.IdeaStatus.ACCEPTED;
import static vn.ideabank.idea.IdeaStatus.APPLIED;
import static vn.ideabank.idea.IdeaStatus.DRAFT;
import static vn.ideabank.idea.IdeaStatus.ENDORSED;
import static vn.ideabank.idea.IdeaStatus.NEEDS_REVISION;
import static vn.ideabank.idea.IdeaStatus.RECOGNISED;
import static vn.ideabank.idea.IdeaStatus.REJECTED;
import static vn.ideabank.idea.IdeaStatus.SUBMITTED;
import static vn.ideabank.idea.IdeaStatus.UNDER_REVIEW;
import static vn.ideabank.idea.IdeaStatus.WITHDRAWN;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The whole lifecycle as one table: each row is a step taken from one status, the status it leads
 * to, who may take it and whether it needs a reason. Anything not in the table is refused.
 */
public final class IdeaLifecycle {

	/** Who, relative to an idea, takes a step. */
	public enum Actor {
		/** the account that entered the idea, or an author linked to a login */
		AUTHOR,
		/** a unit officer, office or administrator whose role covers the idea's unit */
		UNIT_STAFF,
		/** an office or administrator whose role covers the idea's unit */
		OFFICE
	}

	public record Transition(IdeaStep step, IdeaStatus from, IdeaStatus to, Set<Actor> actors, boolean reasonRequired) {
	}

	private static final Set<Actor> AUTHOR_OR_UNIT = EnumSet.of(Actor.AUTHOR, Actor.UNIT_STAFF);

	private static final Set<Actor> UNIT = EnumSet.of(Actor.UNIT_STAFF);

	private static final Set<Actor> OFFICE = EnumSet.of(Actor.OFFICE);

	private static final Set<Actor> AUTHOR = EnumSet.of(Actor.AUTHOR);

	public static final List<Transition> TRANSITIONS = List.of(
			new Transition(IdeaStep.SUBMIT, DRAFT, SUBMITTED, AUTHOR_OR_UNIT, false),
			new Transition(IdeaStep.SUBMIT, NEEDS_REVISION, SUBMITTED, AUTHOR_OR_UNIT, false),
			new Transition(IdeaStep.ENDORSE, SUBMITTED, ENDORSED, UNIT, false),
			new Transition(IdeaStep.REQUEST_REVISION, SUBMITTED, NEEDS_REVISION, UNIT, true),
			new Transition(IdeaStep.START_REVIEW, ENDORSED, UNDER_REVIEW, OFFICE, false),
			new Transition(IdeaStep.ACCEPT, UNDER_REVIEW, ACCEPTED, OFFICE, false),
			new Transition(IdeaStep.REQUEST_REVISION, UNDER_REVIEW, NEEDS_REVISION, OFFICE, true),
			new Transition(IdeaStep.REJECT, UNDER_REVIEW, REJECTED, OFFICE, true),
			new Transition(IdeaStep.MARK_APPLIED, ACCEPTED, APPLIED, EnumSet.of(Actor.UNIT_STAFF, Actor.OFFICE), false),
			new Transition(IdeaStep.RECOGNISE, APPLIED, RECOGNISED, OFFICE, false),
			new Transition(IdeaStep.WITHDRAW, SUBMITTED, WITHDRAWN, AUTHOR, false),
			new Transition(IdeaStep.WITHDRAW, ENDORSED, WITHDRAWN, AUTHOR, false),
			new Transition(IdeaStep.WITHDRAW, NEEDS_REVISION, WITHDRAWN, AUTHOR, false));

	private IdeaLifecycle() {
	}

	public static Optional<Transition> find(IdeaStep step, IdeaStatus from) {
		return TRANSITIONS.stream().filter(t -> t.step() == step && t.from() == from).findFirst();
	}

	/** Whether the step exists from any status (to tell "not now" from "never"). */
	static boolean leadsFromSomewhere(IdeaStep step) {
		return TRANSITIONS.stream().anyMatch(t -> t.step() == step);
	}

	static List<Transition> from(IdeaStatus status) {
		return TRANSITIONS.stream().filter(t -> t.from() == status).toList();
	}

	static boolean terminal(IdeaStatus status) {
		return status == REJECTED || status == WITHDRAWN || status == RECOGNISED;
	}
}
