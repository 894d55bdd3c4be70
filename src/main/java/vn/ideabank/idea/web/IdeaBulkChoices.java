package vn.ideabank.idea.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.Messages;
import vn.ideabank.idea.IdeaBulkAction;
import vn.ideabank.idea.IdeaBulkSteps;
import vn.ideabank.idea.IdeaLifecycle;
import vn.ideabank.idea.IdeaStep;

/**
 * The choices of the list's bulk form for the signed-in caller: the steps that make sense for them (and
 * for the list's status filter) and other modules' actions with their targets. Read by the list
 * template as {@code @ideaBulkChoices} so the list's controller stays as it is.
 */
@Component("ideaBulkChoices")
class IdeaBulkChoices {

	/** One option: the value the form posts and its label; {@code reasonRequired} when the step needs a reason. */
	record Choice(String value, String label, boolean reasonRequired) {
	}

	private final IdeaBulkSteps bulk;

	private final CurrentCaller callers;

	private final Messages messages;

	IdeaBulkChoices(IdeaBulkSteps bulk, CurrentCaller callers, Messages messages) {
		this.bulk = bulk;
		this.callers = callers;
		this.messages = messages;
	}

	public List<Choice> forList(ListForm filter) {
		Caller caller = callers.find().orElse(null);
		if (caller == null) {
			return List.of();
		}
		List<Choice> choices = new ArrayList<>();
		for (IdeaStep step : bulk.offeredSteps(caller, filter.filter())) {
			choices.add(new Choice(step.name(), label(step), IdeaBulkSteps.needsReason(step)));
		}
		bulk.offeredActions(caller).forEach((action, targets) -> {
			for (IdeaBulkAction.Target t : targets) {
				choices.add(new Choice(action.name() + ":" + t.id(), messages.get(action.labelKey(), t.name()), false));
			}
		});
		return choices;
	}

	/** "Đơn vị xác nhận → Đơn vị đã xác nhận": the step and the status it leads to. */
	public String label(IdeaStep step) {
		return messages.get("idea.bulk.choice", messages.get(step.messageKey()), messages.get(target(step).messageKey()));
	}

	/** The status a step leads to (the same from every status it is taken from). */
	static vn.ideabank.idea.IdeaStatus target(IdeaStep step) {
		return IdeaLifecycle.TRANSITIONS.stream().filter(t -> t.step() == step).findFirst().orElseThrow().to();
	}
}
