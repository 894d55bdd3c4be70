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
import vn.ideabank.programme.IpRegistrationService;
import vn.ideabank.programme.IpStatus;
import vn.ideabank.programme.IpType;
import vn.ideabank.programme.ProgrammeService.Filter;
import vn.ideabank.programme.ProgrammeViews.IpDetails;
import vn.ideabank.programme.ProgrammeViews.StartupDetails;
import vn.ideabank.programme.StartupService;

/**
 * IP registrations ({@code /ip}): list, .xlsx export, create form, and the page of one with its status changes
 * (a stale status form answers 409) and deadlines.
 */
@Controller
class IpPageController {

	private static final String FORM = "programme/ip-form";

	private final IpRegistrationService registrations;

	private final StartupService startups;

	private final ProgrammePages pages;

	private final CurrentCaller callers;

	private final Messages messages;

	IpPageController(IpRegistrationService registrations, StartupService startups, ProgrammePages pages,
			CurrentCaller callers, Messages messages) {
		this.registrations = registrations;
		this.startups = startups;
		this.pages = pages;
		this.callers = callers;
		this.messages = messages;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("ipTypes", IpType.values());
		model.addAttribute("ipStatuses", IpStatus.values());
	}

	@GetMapping("/ip")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
		return pages.list(new Filter(unit, q), page, size, model, "programme/ips", registrations::registrations);
	}

	@GetMapping("/ip/export.xlsx")
	void export(@RequestParam(required = false) String q, @RequestParam(required = false) Long unit,
			HttpServletResponse response) throws IOException {
		pages.export(response, "ip.xlsx", "programme.ip.title", new Filter(unit, q), registrations::forEachRegistration,
				(i, names) -> new Object[] { i.title(), names.get(i.unitId()), messages.get(i.type().messageKey()),
						i.applicant(), i.applicationNo(), i.filedOn(), messages.get(i.status().messageKey()), i.unionSupport(),
						i.supportedOn(), i.nextDeadline() },
				"programme.ip.titleField", "programme.unit", "programme.ip.type", "programme.ip.applicant",
				"programme.ip.applicationNo", "programme.ip.filedOn", "programme.ip.status", "programme.ip.unionSupport",
				"programme.ip.supportedOn", "programme.ip.nextDeadline");
	}

	/** A new registration; from a startup's page, for that startup (its unit and name filled in). */
	@GetMapping("/ip/new")
	String newRegistration(@RequestParam(required = false) Long startup, Model model) {
		Caller caller = callers.get();
		IpForm form = new IpForm();
		form.unitId = pages.firstEditableUnit(caller);
		if (startup != null) {
			StartupDetails s = startups.startup(caller, startup);
			form.startupId = startup;
			form.unitId = s.startup().unitId();
			form.title = s.startup().name();
		}
		model.addAttribute("form", form);
		return pages.form(caller, model, null, FORM);
	}

	@PostMapping("/ip")
	String create(@Validated @ModelAttribute("form") IpForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.submit(result, redirect, SAVED,
				() -> "/ip/" + registrations.createRegistration(caller, form.command()).id(),
				() -> pages.form(caller, model, null, FORM));
	}

	@GetMapping("/ip/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("deadlineForm", new DeadlineForm());
		return page(id, model, null);
	}

	@PostMapping("/ip/{id}/status")
	String changeStatus(@PathVariable long id, @Validated @ModelAttribute("statusForm") StatusForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.submit(result, redirect, SAVED, () -> {
			registrations.changeStatus(caller, id, form.command(), form.version);
			return "/ip/" + id;
		}, () -> {
			model.addAttribute("deadlineForm", new DeadlineForm());
			return page(id, model, form);
		});
	}

	@PostMapping("/ip/{id}/deadlines")
	String addDeadline(@PathVariable long id, @Validated @ModelAttribute("deadlineForm") DeadlineForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.submit(result, redirect, SAVED, () -> {
			registrations.addDeadline(caller, id, form.command());
			return "/ip/" + id;
		}, () -> page(id, model, null));
	}

	@PostMapping("/ip/{id}/deadlines/{deadlineId}/done")
	String completeDeadline(@PathVariable long id, @PathVariable long deadlineId, RedirectAttributes redirect) {
		registrations.completeDeadline(callers.get(), id, deadlineId);
		redirect.addFlashAttribute("notice", SAVED);
		return "redirect:/ip/" + id;
	}

	/** The registration's page; a status form posted and refused is shown again as typed (with today's version). */
	private String page(long id, Model model, StatusForm statusForm) {
		Caller caller = callers.get();
		IpDetails details = registrations.registration(caller, id);
		if (statusForm == null) {
			statusForm = new StatusForm();
			statusForm.applicationNo = details.ip().applicationNo();
			statusForm.filedOn = details.ip().filedOn();
			statusForm.to = details.ip().status().next().stream().findFirst().orElse(null);
			model.addAttribute("statusForm", statusForm);
		}
		statusForm.version = details.ip().version();
		model.addAttribute("nextStatuses", details.ip().status().next());
		return pages.detail(caller, model, details, details.ip().unitId(), details.ip().unitPath(), "programme/ip");
	}
}
