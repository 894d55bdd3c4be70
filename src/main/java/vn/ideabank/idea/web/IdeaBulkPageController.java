package vn.ideabank.idea.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.Messages;
import vn.ideabank.idea.IdeaBulkSteps;
import vn.ideabank.idea.IdeaBulkSteps.Outcome;
import vn.ideabank.idea.IdeaBulkSteps.Preview;

/**
 * Bulk steps from the idea list, without JavaScript: the list's form posts the selection and the
 * chosen step here; this page says how many ideas will change ("Xác nhận: 240 ý tưởng sẽ được chuyển
 * sang …") and carries the selection on in hidden fields; confirming applies it and lists what was done
 * and each refusal with its reason. A refused request (no idea chosen, a missing reason, more than
 * 5,000 ideas) comes back to the confirmation page with the message on its field (422).
 */
@Controller
@RequestMapping("/ideas/bulk")
class IdeaBulkPageController {

	private final IdeaBulkSteps bulk;

	private final IdeaBulkChoices choices;

	private final CurrentCaller callers;

	private final Messages messages;

	IdeaBulkPageController(IdeaBulkSteps bulk, IdeaBulkChoices choices, CurrentCaller callers, Messages messages) {
		this.bulk = bulk;
		this.choices = choices;
		this.callers = callers;
		this.messages = messages;
	}

	/** The confirmation: what will change, before anything does. */
	@PostMapping
	String confirm(@ModelAttribute("bulk") BulkForm form, BindingResult result, Model model, HttpServletResponse response) {
		Caller caller = callers.get();
		if (!result.hasErrors()) {
			try {
				if (form.step() != null) {
					Preview preview = bulk.preview(caller, form.selection(), form.step(), form.reason);
					model.addAttribute("preview", preview);
					model.addAttribute("sentence", messages.get("idea.bulk.confirmStep", preview.willChange(),
							messages.get(IdeaBulkChoices.target(form.step()).messageKey())));
				}
				else {
					int selected = bulk.resolve(caller, form.selection()).size();
					bulk.action(checkedAction(form));
					model.addAttribute("preview", new Preview(selected, selected));
					model.addAttribute("sentence", messages.get("idea.bulk.confirmAction", selected, choiceLabel(form)));
				}
			}
			catch (BusinessException e) {
				reject(result, e);
			}
		}
		return page(form, result, model, response, "idea/bulk-confirm");
	}

	/** Applies the confirmed step (or action) and shows, idea by idea, what was done and what was refused. */
	@PostMapping("/apply")
	String apply(@ModelAttribute("bulk") BulkForm form, BindingResult result, Model model, HttpServletResponse response) {
		Caller caller = callers.get();
		if (!result.hasErrors()) {
			try {
				Outcome outcome = form.step() != null ? bulk.step(caller, form.selection(), form.step(), form.reason)
						: bulk.act(caller, form.selection(), checkedAction(form), form.target());
				model.addAttribute("outcome", outcome);
				model.addAttribute("choiceLabel", choiceLabel(form));
				model.addAttribute("reasons", outcome.refused().stream()
					.map(r -> messages.get(r.messageKey(), r.args().toArray())).toList());
				return "idea/bulk-result";
			}
			catch (BusinessException e) {
				reject(result, e);
			}
		}
		return page(form, result, model, response, "idea/bulk-confirm");
	}

	private String page(BulkForm form, BindingResult result, Model model, HttpServletResponse response, String view) {
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		model.addAttribute("choices", choices.forList(form));
		return view;
	}

	/** The action of an "ACTION:target" choice, refusing one the caller is not offered (or no choice at all). */
	private String checkedAction(BulkForm form) {
		if (form.action() == null || form.target() == null
				|| choices.forList(form).stream().noneMatch(c -> c.value().equals(form.choice))) {
			throw new BusinessException("step", "idea.bulk.error.noStep");
		}
		return form.action();
	}

	private String choiceLabel(BulkForm form) {
		if (form.step() != null) {
			return choices.label(form.step());
		}
		return choices.forList(form).stream().filter(c -> c.value().equals(form.choice)).map(IdeaBulkChoices.Choice::label)
			.findFirst().orElse(form.choice);
	}

	/** Field names of the service ("ids", "step", "action", "reason") as the form names them. */
	private static final Map<String, String> FIELDS = Map.of("ids", "ids", "step", "choice", "action", "choice",
			"councilId", "choice", "reason", "reason");

	private static void reject(BindingResult result, BusinessException e) {
		if (e instanceof ForbiddenException || e instanceof NotFoundException) {
			throw e;
		}
		String field = e.field() == null ? null : FIELDS.get(e.field());
		if (field != null) {
			result.rejectValue(field, e.messageKey(), e.args(), e.messageKey());
		}
		else {
			result.reject(e.messageKey(), e.args(), e.messageKey());
		}
	}
}
