package vn.ideabank.idea;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaCommands.TakeStep;

/**
 * Paper intake in one action ("Lưu và gửi, nhập tiếp"): enter an idea, submit it and, when its unit's
 * officer asks, endorse it — each through the same rules, history and events as one at a time, and all
 * in one transaction, so a refusal (an incomplete idea, a step the caller may not take) saves nothing
 * and the form comes back with what was typed.
 */
@Service
public class IdeaIntake {

	private final IdeaService ideas;

	IdeaIntake(IdeaService ideas) {
		this.ideas = ideas;
	}

	@Transactional
	public IdeaView enterAndSubmit(Caller caller, SaveIdea command, boolean endorse) {
		IdeaView idea = ideas.create(caller, command);
		idea = ideas.step(caller, idea.id(), TakeStep.of(IdeaStep.SUBMIT, idea.version(), null));
		if (endorse) {
			idea = ideas.step(caller, idea.id(), TakeStep.of(IdeaStep.ENDORSE, idea.version(), null));
		}
		return idea;
	}
}
