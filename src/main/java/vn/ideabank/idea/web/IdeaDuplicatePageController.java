package vn.ideabank.idea.web;


import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.PageForms;
import vn.ideabank.idea.IdeaDetails;
import vn.ideabank.idea.IdeaDuplicates;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaView;

/**
 * "Đánh dấu trùng": a page of its own with one field, the original's code, so a refusal comes back on
 * that field with what was typed (no JavaScript needed); taking the mark back is a button on the idea page.
 */
@Controller
@RequestMapping("/ideas/{id}/duplicate")
class IdeaDuplicatePageController {

	/** The form: the original's code (or id), and the version of the idea as read. */
	static class DuplicateForm {

		String original;

		long version;

		public String getOriginal() { return original; }
		public void setOriginal(String original) { this.original = original; }
		public long getVersion() { return version; }
		public void setVersion(long version) { this.version = version; }
	}

	private final IdeaService ideas;

	private final IdeaDuplicates duplicates;

	private final CurrentCaller callers;

	IdeaDuplicatePageController(IdeaService ideas, IdeaDuplicates duplicates, CurrentCaller callers) {
		this.ideas = ideas;
		this.duplicates = duplicates;
		this.callers = callers;
	}

	@GetMapping
	String form(@PathVariable long id, Model model) {
		IdeaDetails details = markable(callers.get(), id);
		DuplicateForm form = new DuplicateForm();
		form.version = details.idea().version();
		model.addAttribute("form", form);
		return page(details, model);
	}

	@PostMapping
	String mark(@PathVariable long id, @ModelAttribute("form") DuplicateForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.submit(result, () -> {
			IdeaView marked = duplicates.mark(caller, id, form.original, form.version);
			redirect.addFlashAttribute("ideaNoticeKey", "idea.duplicate.notice.marked");
			redirect.addFlashAttribute("ideaNoticeArg", marked.duplicateOf());
			return "redirect:/ideas/" + id;
		}, () -> page(markable(caller, id), model));
	}

	@PostMapping("/remove")
	String unmark(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
		return PageForms.act(redirect, "/ideas/" + id, null, () -> {
			duplicates.unmark(callers.get(), id, version);
			redirect.addFlashAttribute("ideaNoticeKey", "idea.duplicate.notice.unmarked");
		});
	}

	private IdeaDetails markable(Caller caller, long id) {
		IdeaDetails details = ideas.details(caller, id);
		if (!details.canMarkDuplicate()) {
			throw new ForbiddenException("idea.duplicate.error.forbidden");
		}
		return details;
	}

	private static String page(IdeaDetails details, Model model) {
		model.addAttribute("idea", details.idea());
		return "idea/duplicate";
	}
}
