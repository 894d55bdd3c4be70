package vn.ideabank.search.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.PageForms;
import vn.ideabank.search.ThesaurusAdmin;

/**
 * The thesaurus page of system-wide administrators (/admin/** is for ADMIN only; the facade asks for the root):
 * the groups in effect and the administrators' additions, edited as text and checked line by line.
 */
@Controller
class ThesaurusAdminController {

	private final ThesaurusAdmin thesaurus;

	private final CurrentCaller callers;

	ThesaurusAdminController(ThesaurusAdmin thesaurus, CurrentCaller callers) {
		this.thesaurus = thesaurus;
		this.callers = callers;
	}

	@GetMapping("/admin/search/thesaurus")
	String page(Model model) {
		ThesaurusAdmin.View view = thesaurus.view(callers.get());
		ThesaurusForm form = new ThesaurusForm();
		form.text = view.text();
		form.version = view.version();
		model.addAttribute("form", form);
		return page(view, model);
	}

	/**
	 * Every problem of the text goes on the field, each with its line number; the form keeps what was typed. A
	 * stale version (saved meanwhile by someone else) is a 409 with the text kept too.
	 */
	@PostMapping("/admin/search/thesaurus")
	String save(@ModelAttribute("form") ThesaurusForm form, BindingResult result, Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		if (!result.hasErrors()) {
			thesaurus.check(caller, form.text)
				.forEach(p -> result.rejectValue("text", p.messageKey(), p.args().toArray(), p.messageKey()));
		}
		return PageForms.submit(result, redirect, "search.thesaurus.saved", () -> {
			thesaurus.save(caller, form.text, form.version);
			return "/admin/search/thesaurus";
		}, () -> page(thesaurus.view(caller), model));
	}

	private static String page(ThesaurusAdmin.View view, Model model) {
		model.addAttribute("thesaurus", view);
		return "search/thesaurus";
	}
}
