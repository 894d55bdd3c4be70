package vn.ideabank.programme.web;

import static vn.ideabank.programme.web.ProgrammePages.SAVED;

import java.io.IOException;
import java.util.List;

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
import vn.ideabank.programme.ProgrammeCommands.SaveStartup;
import vn.ideabank.programme.ProgrammeService.Filter;
import vn.ideabank.programme.ProgrammeViews.StartupDetails;
import vn.ideabank.programme.RevenueBand;
import vn.ideabank.programme.StartupService;
import vn.ideabank.programme.StartupStage;
import vn.ideabank.programme.SupportKind;

/** Startup projects ({@code /startups}): list, .xlsx export, page with the support given, create and edit forms. */
@Controller
class StartupPageController {

	private static final String FORM = "programme/startup-form";

	private final StartupService startups;

	private final ProgrammePages pages;

	private final CurrentCaller callers;

	private final Messages messages;

	StartupPageController(StartupService startups, ProgrammePages pages, CurrentCaller callers, Messages messages) {
		this.startups = startups;
		this.pages = pages;
		this.callers = callers;
		this.messages = messages;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("stages", StartupStage.values());
		model.addAttribute("revenueBands", RevenueBand.values());
		model.addAttribute("supportKinds", SupportKind.values());
	}

	@GetMapping("/startups")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
		return pages.list(new Filter(unit, q), page, size, model, "programme/startups", startups::startups);
	}

	@GetMapping("/startups/export.xlsx")
	void export(@RequestParam(required = false) String q, @RequestParam(required = false) Long unit,
			HttpServletResponse response) throws IOException {
		pages.export(response, "startups.xlsx", "programme.startups.title", new Filter(unit, q), startups::forEachStartup,
				(s, names) -> new Object[] { s.name(), names.get(s.unitId()), s.field(),
						messages.get(s.agriculture() ? "programme.yes" : "programme.no"), messages.get(s.stage().messageKey()),
						s.supportCount(), s.supportTotal(),
						s.revenueBand() == null ? null : messages.get(s.revenueBand().messageKey()), s.jobsCreated() },
				"programme.name", "programme.unit", "programme.startup.field", "programme.startup.agriculture",
				"programme.startup.stage", "programme.startup.supportCount", "programme.startup.supportTotal",
				"programme.startup.revenueBand", "programme.startup.jobsCreated");
	}

	@GetMapping("/startups/new")
	String newStartup(Model model) {
		Caller caller = callers.get();
		StartupForm form = new StartupForm();
		form.unitId = pages.firstEditableUnit(caller);
		model.addAttribute("form", form);
		return pages.form(caller, model, null, FORM);
	}

	@PostMapping("/startups")
	String create(@Validated @ModelAttribute("form") StartupForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.submit(result, redirect, SAVED,
				() -> "/startups/" + startups.createStartup(caller, command(caller, form)).id(),
				() -> pages.form(caller, model, null, FORM));
	}

	@GetMapping("/startups/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Caller caller = callers.get();
		StartupDetails details = startups.startup(caller, id);
		return pages.openEdit(caller, model, id, details.startup().unitPath(), StartupForm.of(details), FORM);
	}

	@PostMapping("/startups/{id}/edit")
	String update(@PathVariable long id, @Validated @ModelAttribute("form") StartupForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.submit(result, redirect, SAVED,
				() -> "/startups/" + startups.editStartup(caller, id, command(caller, form), form.version).id(),
				() -> pages.form(caller, model, id, FORM));
	}

	@GetMapping("/startups/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("supportForm", new SupportForm());
		return page(id, model);
	}

	@PostMapping("/startups/{id}/supports")
	String addSupport(@PathVariable long id, @Validated @ModelAttribute("supportForm") SupportForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.submit(result, redirect, SAVED, () -> {
			startups.addSupport(caller, id, form.command());
			return "/startups/" + id;
		}, () -> page(id, model));
	}

	private String page(long id, Model model) {
		Caller caller = callers.get();
		StartupDetails details = startups.startup(caller, id);
		return pages.detail(caller, model, details, details.startup().unitId(), details.startup().unitPath(),
				"programme/startup");
	}

	private SaveStartup command(Caller caller, StartupForm form) {
		return form.command(pages.ideasOf(caller, form.ideaIds, "ideaIds"));
	}
}
