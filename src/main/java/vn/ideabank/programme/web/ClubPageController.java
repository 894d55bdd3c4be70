package vn.ideabank.programme.web;

import static vn.ideabank.programme.web.ProgrammePages.SAVED;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.Messages;
import vn.ideabank.common.web.PageForms;
import vn.ideabank.programme.ClubKind;
import vn.ideabank.programme.ClubService;
import vn.ideabank.programme.ProgrammeService.Filter;
import vn.ideabank.programme.ProgrammeViews.ClubDetails;
import vn.ideabank.programme.ProgrammeViews.ClubView;

/** Clubs ({@code /clubs}): list, .xlsx export, page with the activity log, create and edit forms. */
@Controller
class ClubPageController {

	private static final String FORM = "programme/club-form";

	private final ClubService clubs;

	private final ProgrammePages pages;

	private final CurrentCaller callers;

	private final Messages messages;

	ClubPageController(ClubService clubs, ProgrammePages pages, CurrentCaller callers, Messages messages) {
		this.clubs = clubs;
		this.pages = pages;
		this.callers = callers;
		this.messages = messages;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("clubKinds", ClubKind.values());
	}

	@GetMapping("/clubs")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
		return pages.list(new Filter(unit, q), page, size, model, "programme/clubs", clubs::clubs);
	}

	@GetMapping("/clubs/export.xlsx")
	void export(@RequestParam(required = false) String q, @RequestParam(required = false) Long unit,
			HttpServletResponse response) throws IOException {
		pages.export(response, "clubs.xlsx", "programme.clubs.title", new Filter(unit, q), clubs::forEachClub,
				(c, names) -> new Object[] { c.name(), names.get(c.unitId()), messages.get(c.kind().messageKey()), c.school(),
						c.foundedOn(), c.decisionNo(), c.memberCount(), c.activityCount() },
				"programme.name", "programme.club.host", "programme.club.kind", "programme.club.school",
				"programme.club.foundedOn", "programme.club.decisionNo", "programme.club.memberCount",
				"programme.club.activityCount");
	}

	@GetMapping("/clubs/new")
	String newClub(Model model) {
		Caller caller = callers.get();
		ClubForm form = new ClubForm();
		form.unitId = pages.firstEditableUnit(caller);
		model.addAttribute("form", form);
		return pages.form(caller, model, null, FORM);
	}

	@PostMapping("/clubs")
	String create(@Validated @ModelAttribute("form") ClubForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.submit(result, redirect, SAVED, () -> "/clubs/" + clubs.createClub(caller, form.command()).id(),
				() -> pages.form(caller, model, null, FORM));
	}

	@GetMapping("/clubs/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Caller caller = callers.get();
		ClubView c = clubs.club(caller, id).club();
		return pages.openEdit(caller, model, id, c.unitPath(), ClubForm.of(c), FORM);
	}

	@PostMapping("/clubs/{id}/edit")
	String update(@PathVariable long id, @Validated @ModelAttribute("form") ClubForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.submit(result, redirect, SAVED,
				() -> "/clubs/" + clubs.editClub(caller, id, form.command(), form.version).id(),
				() -> pages.form(caller, model, id, FORM));
	}

	@GetMapping("/clubs/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("activityForm", new ActivityForm());
		return page(id, model);
	}

	@PostMapping("/clubs/{id}/activities")
	String logActivity(@PathVariable long id, @Validated @ModelAttribute("activityForm") ActivityForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.submit(result, redirect, SAVED, () -> {
			clubs.logActivity(caller, id, form.command());
			return "/clubs/" + id;
		}, () -> page(id, model));
	}

	private String page(long id, Model model) {
		Caller caller = callers.get();
		ClubDetails details = clubs.club(caller, id);
		return pages.detail(caller, model, details, details.club().unitId(), details.club().unitPath(), "programme/club");
	}
}
