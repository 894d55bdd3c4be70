package vn.ideabank.idea.web;

import java.util.List;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Roles;
import vn.ideabank.common.web.FormErrors;
import vn.ideabank.idea.ApplicationArea;
import vn.ideabank.idea.Benefit;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/** What the idea list, the idea form and the idea page share: choices, entry units, notices, refusals on a form. */
final class IdeaPageSupport {

	private IdeaPageSupport() {
	}

	/** Units where the caller may enter ideas: their own as a member, their subtree as staff. */
	static List<UnitView> entryUnits(UnitService units, Caller caller) {
		return units.visible(caller).stream()
			.filter(u -> caller.can(u.path(), Roles.STAFF_AND_MEMBERS))
			.toList();
	}

	static void addChoices(Model model) {
		model.addAttribute("kinds", IdeaKind.values());
		model.addAttribute("benefitChoices", Benefit.values());
		model.addAttribute("areas", ApplicationArea.values());
		model.addAttribute("sectorFields", SectorField.values());
		model.addAttribute("targetGroups", TargetGroup.values());
	}

	static void notice(RedirectAttributes redirect, String key, String arg) {
		redirect.addFlashAttribute("ideaNoticeKey", key);
		redirect.addFlashAttribute("ideaNoticeArg", arg);
	}

	/**
	 * Puts a refusal on the form: the service names content fields "content.year", the form
	 * "year"; a field the form does not have becomes an error of the whole form.
	 */
	static void reject(BindingResult result, BusinessException e) {
		String field = e.field();
		if (field == null || e instanceof ForbiddenException || e instanceof NotFoundException) {
			FormErrors.reject(result, e);
			return;
		}
		String mapped = field.startsWith("content.") ? field.substring("content.".length()) : field;
		if (result.getTarget() != null && new BeanWrapperImpl(result.getTarget()).isWritableProperty(mapped)) {
			result.rejectValue(mapped, e.messageKey(), e.args(), e.messageKey());
		}
		else {
			result.reject(e.messageKey(), e.args(), e.messageKey());
		}
	}
}
