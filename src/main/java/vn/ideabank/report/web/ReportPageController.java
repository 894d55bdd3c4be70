package vn.ideabank.report.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
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

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.Confirmation;
import vn.ideabank.common.web.Messages;
import vn.ideabank.common.web.PageForms;
import vn.ideabank.common.web.PageSizes;
import vn.ideabank.common.web.Pager;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.report.ReportingPeriod;
import vn.ideabank.report.PeriodKind;
import vn.ideabank.report.PlanService;
import vn.ideabank.report.ReportDocuments;
import vn.ideabank.report.ReportService;
import vn.ideabank.report.ReportService.ReportFilter;
import vn.ideabank.report.ReportStatus;
import vn.ideabank.report.ReportView;

/** The reports home (to-do, plan requests), periodic reports, the parent's overview, the documents. */
@Controller
@RequestMapping("/reports")
class ReportPageController {

	private final ReportService reports;

	private final PlanService plans;

	private final ReportDocuments documents;

	private final UnitService units;

	private final CurrentCaller callers;

	private final Messages messages;

	private final vn.ideabank.org.UnitReferences unitReferences;

	ReportPageController(ReportService reports, PlanService plans, ReportDocuments documents, UnitService units,
			CurrentCaller callers, Messages messages, vn.ideabank.org.UnitReferences unitReferences) {
		this.unitReferences = unitReferences;
		this.reports = reports;
		this.plans = plans;
		this.documents = documents;
		this.units = units;
		this.callers = callers;
		this.messages = messages;
	}

	@ModelAttribute("periodKinds")
	PeriodKind[] periodKinds() {
		return PeriodKind.values();
	}

	@ModelAttribute("reportStatuses")
	ReportStatus[] reportStatuses() {
		return ReportStatus.values();
	}

	@GetMapping
	String home(@RequestParam(required = false) Integer page, Model model) {
		Caller caller = callers.get();
		model.addAttribute("today", reports.today());
		model.addAttribute("pendingPlans", plans.pending(caller, 50));
		model.addAttribute("pendingReports", reports.pending(caller));
		model.addAttribute("requests", Pager.of(plans.list(caller,
				PageSizes.of(page, null, Sort.by(Sort.Direction.DESC, "deadline").and(Sort.by(Sort.Direction.DESC, "id"))))));
		model.addAttribute("canRequest", !plans.requestingUnits(caller).isEmpty());
		addPeriodChoice(caller, model, null);
		return "report/home";
	}

	@GetMapping("/periodic")
	String list(@RequestParam(required = false) PeriodKind kind, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) ReportStatus status, @RequestParam(required = false) String unit,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
		Caller caller = callers.get();
		// the unit picker sends a code (or, from old links, a number)
		ReportFilter filter = new ReportFilter(kind, year, status, unitReferences.filterId(caller, unit, "unit"));
		model.addAttribute("filter", filter);
		model.addAttribute("reports", Pager.of(reports.list(caller, filter, PageSizes.of(page, size, sort()))));
		model.addAttribute("filterUnit", unitReferences.codeOf(caller, filter.unitId()));
		addPeriodChoice(caller, model, null);
		return "report/list";
	}

	@GetMapping("/periodic/export.xlsx")
	ResponseEntity<byte[]> listXlsx(@RequestParam(required = false) PeriodKind kind, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) ReportStatus status, @RequestParam(required = false) Long unit) throws IOException {
		Caller caller = callers.get();
		if (unit != null) {
			units.get(caller, unit); // another unit's list is refused, not answered with an empty file
		}
		return Downloads.bytes("bao-cao.xlsx", Downloads.XLSX,
				out -> documents.listXlsx(caller, new ReportFilter(kind, year, status, unit), out));
	}

	/** Opens (creating if needed) the unit's report for the chosen period. */
	@PostMapping("/periodic/open")
	String open(@ModelAttribute PeriodForm form, RedirectAttributes redirect) {
		return PageForms.actThen(redirect, "/reports", null,
				() -> "/reports/periodic/" + reports.open(callers.get(), requireUnit(form), form.period()).id());
	}

	@GetMapping("/periodic/{id}")
	String show(@PathVariable long id, Model model) {
		Caller caller = callers.get();
		ReportView r = reports.get(caller, id);
		model.addAttribute("form", ReportForm.of(r));
		return page(caller, r, model);
	}

	@PostMapping("/periodic/{id}")
	String write(@PathVariable long id, @Validated @ModelAttribute("form") ReportForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.submit(result, redirect, "report.notice.saved", () -> {
			reports.write(caller, id, form.command());
			return "/reports/periodic/" + id;
		}, () -> page(caller, reports.get(caller, id), model));
	}

	/**
	 * Submits exactly what is on the screen: the text form's fields come along (the button sits in that form), are
	 * saved and the report submitted in one transaction, after a confirmation that says what will be locked.
	 */
	@PostMapping("/periodic/{id}/submit")
	String submit(@PathVariable long id, @Validated @ModelAttribute("form") ReportForm form, BindingResult result,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		if (!result.hasErrors() && !Confirmation.given(request)) {
			return Confirmation.askOrSave(request, model, "/reports/periodic/" + id, "report.confirm.submit",
					reports.get(caller, id).unitName());
		}
		return PageForms.submit(result, redirect, "report.notice.submitted", () -> {
			if (request.getParameter("results") != null) {
				reports.writeAndSubmit(caller, id, form.command());
			}
			else {
				reports.submit(caller, id, form.version);
			}
			return "/reports/periodic/" + id;
		}, () -> page(caller, reports.get(caller, id), model));
	}

	@PostMapping("/periodic/{id}/return")
	String returnForRevision(@PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) String comment, Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.attempt(() -> {
			reports.returnForRevision(caller, id, version, comment);
			redirect.addFlashAttribute("notice", "report.notice.returned");
			return "redirect:/reports/periodic/" + id;
		}, e -> {
			ReportView r = reports.get(caller, id);
			PageForms.showProblem(model, messages, e);
			model.addAttribute("form", ReportForm.of(r));
			return page(caller, r, model);
		});
	}

	@GetMapping("/periodic/{id}/document.docx")
	ResponseEntity<byte[]> docx(@PathVariable long id) throws IOException {
		Caller caller = callers.get();
		ReportView r = reports.get(caller, id);
		return Downloads.bytes(fileName(r) + ".docx", Downloads.DOCX, out -> documents.docx(caller, id, out));
	}

	@GetMapping("/periodic/{id}/document.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id) throws IOException {
		Caller caller = callers.get();
		ReportView r = reports.get(caller, id);
		return Downloads.bytes(fileName(r) + ".pdf", Downloads.PDF, out -> documents.pdf(caller, id, out));
	}

	/** The parent's overview of a period: which children submitted, consolidate, close. */
	@GetMapping("/periodic/children")
	String children(@ModelAttribute PeriodForm form, Model model) {
		Caller caller = callers.get();
		long unitId = requireUnit(form);
		ReportingPeriod period = form.period();
		model.addAttribute("unit", units.get(caller, unitId));
		model.addAttribute("period", period);
		model.addAttribute("children", reports.children(caller, unitId, period));
		model.addAttribute("own", reports.find(caller, unitId, period).orElse(null));
		model.addAttribute("closedReason", reports.closedReason(unitId, period));
		model.addAttribute("canClose", caller.can(units.get(caller, unitId).path(), vn.ideabank.common.security.Role.ADMIN,
				vn.ideabank.common.security.Role.OFFICE));
		addPeriodChoice(caller, model, form);
		return "report/children";
	}

	@GetMapping("/periodic/children.xlsx")
	ResponseEntity<byte[]> childrenXlsx(@ModelAttribute PeriodForm form) throws IOException {
		Caller caller = callers.get();
		long unitId = requireUnit(form);
		ReportingPeriod period = form.period();
		return Downloads.bytes("don-vi-nop-bao-cao.xlsx", Downloads.XLSX, out -> documents.childrenXlsx(caller, unitId, period, out));
	}

	@PostMapping("/periodic/consolidate")
	String consolidate(@ModelAttribute PeriodForm form, RedirectAttributes redirect) {
		return PageForms.actThen(redirect, childrenUrl(form), "report.notice.consolidated",
				() -> "/reports/periodic/" + reports.consolidate(callers.get(), requireUnit(form), form.period()).id());
	}

	@PostMapping("/periodic/close")
	String close(@ModelAttribute PeriodForm form, RedirectAttributes redirect) {
		return PageForms.act(redirect, childrenUrl(form), "report.notice.closed",
				() -> reports.closePeriod(callers.get(), requireUnit(form), form.period()));
	}

	// --- helpers -------------------------------------------------------------------------------

	private String page(Caller caller, ReportView r, Model model) {
		model.addAttribute("report", r);
		model.addAttribute("history", reports.history(caller, r.id()));
		model.addAttribute("progress", reports.progress(caller, r.id()));
		model.addAttribute("closedReason", reports.closedReason(r.unitId(), r.period()));
		model.addAttribute("due", reports.dueDate(r.period()));
		UnitView unit = units.find(r.unitId()).orElseThrow();
		UnitView parent = unit.parentId() == null ? null : units.find(unit.parentId()).orElse(null);
		model.addAttribute("canReturn", parent != null && r.status() == ReportStatus.SUBMITTED
				&& caller.can(parent.path(), vn.ideabank.common.security.Role.ADMIN, vn.ideabank.common.security.Role.OFFICE));
		model.addAttribute("hasChildren", !units.children(caller, r.unitId()).isEmpty());
		return "report/report";
	}

	private void addPeriodChoice(Caller caller, Model model, PeriodForm form) {
		List<UnitView> reporting = reports.reportingUnits(caller);
		model.addAttribute("reportingUnits", reporting);
		// the month just ended: its report is the one usually being written
		ReportingPeriod current = ReportingPeriod.containing(PeriodKind.THANG, reports.today()).previous();
		PeriodForm choice = form != null ? form : new PeriodForm();
		if (choice.kind == null) {
			choice.kind = current.kind();
			choice.year = current.year();
			choice.number = current.number();
		}
		if (choice.unit == null && !reporting.isEmpty()) {
			choice.unit = reporting.get(0).id();
		}
		model.addAttribute("choice", choice);
	}

	private static long requireUnit(PeriodForm form) {
		if (form.unit == null) {
			throw new BusinessException("unit", "report.error.unitNotFound");
		}
		return form.unit;
	}

	private static String childrenUrl(PeriodForm f) {
		return "/reports/periodic/children?unit=" + f.unit + "&kind=" + f.kind + "&year=" + f.year + "&number=" + f.number;
	}

	private static Sort sort() {
		return Sort.by(Sort.Direction.DESC, "year").and(Sort.by(Sort.Direction.DESC, "number")).and(Sort.by("unitPath"));
	}

	private static String fileName(ReportView r) {
		return "bao-cao-" + r.period().kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + r.period().number() + "-"
				+ r.period().year() + "-" + r.unitId();
	}
}
