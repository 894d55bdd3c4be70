package vn.ideabank.idea;

import java.util.List;

import vn.ideabank.common.security.Caller;

/**
 * An action of another module that the idea list and {@code POST /api/v1/ideas/steps} apply to many
 * ideas at once, beside the lifecycle steps: assignment to a review council, for one. The other module
 * implements it as a bean; this module never depends on it (the dependency points the usual way).
 */
public interface IdeaBulkAction {

	/** The action's name in the API ({@code "action": "ASSIGN_COUNCIL"}). */
	String name();

	/** The message key of a choice on the list, given the target's name as {0}. */
	String labelKey();

	/** What the caller may apply the action to now (for a council: the open councils they manage). */
	List<Target> targets(Caller caller);

	/**
	 * Applies the action to one idea, refusing (a {@code BusinessException}) exactly as the single action
	 * would. Called in a transaction of its own for each idea, so a refusal undoes nothing else.
	 */
	void apply(Caller caller, long targetId, long ideaId);

	/** Something the action applies ideas to, e.g. a council. */
	record Target(long id, String name) {
	}
}
