package vn.ideabank.initiative.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.PageForms;
import vn.ideabank.common.web.StreamedDownload;
import vn.ideabank.idea.IdeaReferences;
import vn.ideabank.initiative.InitiativeCommands.Register;
import vn.ideabank.initiative.InitiativeCommands.Return;
import vn.ideabank.initiative.InitiativeCommands.SendToCouncil;
import vn.ideabank.initiative.InitiativeDocuments;
import vn.ideabank.initiative.InitiativeExports;
import vn.ideabank.initiative.InitiativeMeeting;
import vn.ideabank.initiative.InitiativeProcedure;
import vn.ideabank.initiative.InitiativeService;
import vn.ideabank.initiative.InitiativeService.RegisterFilter;
import vn.ideabank.initiative.InitiativeSettings;
import vn.ideabank.initiative.InitiativeViews.Part;
import vn.ideabank.initiative.InitiativeViews.Reach;
import vn.ideabank.initiative.InitiativeViews.Status;
import vn.ideabank.initiative.web.OfficeForms.DecisionForm;
import vn.ideabank.initiative.web.OfficeForms.MeetingForm;
import vn.ideabank.initiative.web.OfficeForms.PriorityForm;

/**
 * The register (with the office's settings), the application form, an application's page with the office's steps
 * (intake, return, council, meeting, priority, decision), and its papers.
 */
@Controller
@RequestMapping("/initiatives")
class InitiativePageController {

	private static final String FORM = "initiative/form";

	private static final int PAGE = 50;

	private final InitiativeService applications;

	private final InitiativeProcedure procedure;

	private final InitiativeDocuments documents;

	private final InitiativeExports exports;

	private final IdeaReferences ideas;

	private final InitiativeMeeting meetings;

	private final InitiativeSettings settings;

	private final ApplicationPage page;

	private final CurrentCaller callers;

	InitiativePageController(InitiativeService applications, InitiativeProcedure procedure, InitiativeDocuments documents,
			InitiativeExports exports, IdeaReferences ideas, InitiativeMeeting meetings, InitiativeSettings settings,
			ApplicationPage page, CurrentCaller callers) {
		this.applications = applications;
		this.procedure = procedure;
		this.documents = documents;
		this.exports = exports;
		this.ideas = ideas;
		this.meetings = meetings;
		this.settings = settings;
		this.page = page;
		this.callers = callers;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("parts", Part.values());
		model.addAttribute("statuses", Status.values());
		model.addAttribute("reaches", Reach.values());
	}

	@GetMapping
	String register(@RequestParam(required = false) Status status, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer page, Model model) {
		int p = page == null ? 0 : Math.max(0, Math.min(page, 10_000));
		Caller caller = callers.get();
		model.addAttribute("rows", applications.register(caller, new RegisterFilter(status, year, null), p, PAGE + 1));
		model.addAttribute("settings", settings.editable(caller));
		model.addAttribute("status", status);
		model.addAttribute("year", year);
		model.addAttribute("page", p);
		model.addAttribute("pageSize", PAGE);
		return "initiative/register";
	}

	@GetMapping("/register.xlsx")
	void registerXlsx(@RequestParam(required = false) Status status, @RequestParam(required = false) Integer year,
			HttpServletResponse response) throws IOException {
		Caller caller = callers.get();
		StreamedDownload.send(response, "so-tiep-nhan-sang-kien.xlsx", StreamedDownload.XLSX,
				out -> exports.register(caller, new RegisterFilter(status, year, null), out));
	}

	@GetMapping("/new")
	String newApplication(@RequestParam(required = false) String idea, Model model) {
		InitiativeForm form = new InitiativeForm();
		form.ideaId = idea;
		model.addAttribute("form", form);
		return FORM;
	}

	@PostMapping
	String file(@Validated @ModelAttribute("form") InitiativeForm form, BindingResult result, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.submit(result, redirect, "initiative.notice.filed", () -> {
			long ideaId = ideas.resolve(caller, form.ideaId, "ideaId");
			return "/initiatives/" + applications.file(caller, form.command(ideaId)).id();
		}, () -> FORM);
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		return page.show(callers.get(), id, model);
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		model.addAttribute("form", InitiativeForm.of(applications.confidential(callers.get(), id)));
		model.addAttribute("applicationId", id);
		return FORM;
	}

	@PostMapping("/{id}")
	String complete(@PathVariable long id, @Validated @ModelAttribute("form") InitiativeForm form, BindingResult result,
			RedirectAttributes redirect, Model model) {
		Caller caller = callers.get();
		model.addAttribute("applicationId", id);
		return PageForms.submit(result, redirect, "initiative.notice.filed", () -> {
			applications.complete(caller, id, form.command(null), form.version);
			return "/initiatives/" + id;
		}, () -> FORM);
	}

	@PostMapping("/{id}/register")
	String intake(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			@RequestParam long version, RedirectAttributes redirect) {
		return PageForms.act(redirect, "/initiatives/" + id, "initiative.notice.registered",
				() -> procedure.register(callers.get(), id, new Register(receivedOn, dueOn, version)));
	}

	@PostMapping("/{id}/return")
	String giveBack(@PathVariable long id, @RequestParam(required = false) String reason, @RequestParam long version,
			RedirectAttributes redirect) {
		return PageForms.act(redirect, "/initiatives/" + id, "initiative.notice.returned",
				() -> procedure.returnForCompletion(callers.get(), id, new Return(reason, version)));
	}

	@PostMapping("/{id}/council")
	String council(@PathVariable long id, @RequestParam(required = false) Long councilId, @RequestParam long version,
			RedirectAttributes redirect) {
		return PageForms.act(redirect, "/initiatives/" + id, "initiative.notice.council",
				() -> procedure.sendToCouncil(callers.get(), id, new SendToCouncil(councilId, version)));
	}

	@PostMapping("/{id}/decision")
	String decide(@PathVariable long id, @Validated @ModelAttribute("decision") DecisionForm form, BindingResult result,
			RedirectAttributes redirect, Model model) {
		Caller caller = callers.get();
		return PageForms.submit(result, redirect, "initiative.notice.decided", () -> {
			procedure.decide(caller, id, form.command());
			return "/initiatives/" + id;
		}, () -> page.show(caller, id, model));
	}

	@PostMapping("/{id}/priority")
	String priority(@PathVariable long id, @ModelAttribute("priority") PriorityForm form, BindingResult result,
			RedirectAttributes redirect, Model model) {
		Caller caller = callers.get();
		return PageForms.submit(result, redirect, "initiative.notice.priority", () -> {
			procedure.confirmPriority(caller, id, form.command());
			return "/initiatives/" + id;
		}, () -> page.show(caller, id, model));
	}

	@PostMapping("/{id}/meeting")
	String meeting(@PathVariable long id, @Validated @ModelAttribute("meeting") MeetingForm form, BindingResult result,
			RedirectAttributes redirect, Model model) {
		Caller caller = callers.get();
		return PageForms.submit(result, redirect, "initiative.notice.meeting", () -> {
			meetings.record(caller, id, form.command());
			return "/initiatives/" + id;
		}, () -> page.show(caller, id, model));
	}

	@GetMapping("/{id}/document.docx")
	void docx(@PathVariable long id, @RequestParam InitiativeDocuments.Kind kind, @RequestParam(required = false) Integer author,
			HttpServletResponse response) throws IOException {
		send(id, kind, author, false, response);
	}

	@GetMapping("/{id}/document.pdf")
	void pdf(@PathVariable long id, @RequestParam InitiativeDocuments.Kind kind, @RequestParam(required = false) Integer author,
			HttpServletResponse response) throws IOException {
		send(id, kind, author, true, response);
	}

	private void send(long id, InitiativeDocuments.Kind kind, Integer author, boolean pdf, HttpServletResponse response)
			throws IOException {
		Caller caller = callers.get();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		documents.write(caller, id, kind, author, pdf, bytes);
		StreamedDownload.send(response, documents.fileName(caller, id, kind, author) + (pdf ? ".pdf" : ".docx"),
				pdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
				bytes::writeTo);
	}
}
