package vn.ideabank.report.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.springframework.core.io.InputStreamResource;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.Messages;
import vn.ideabank.common.web.PageForms;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.report.PlanCommands.Upload;
import vn.ideabank.report.PlanRequestView;
import vn.ideabank.report.PlanService;

/** Plan requests: ask units for their plan, see who is on time, upload a unit's plan, download. */
@Controller
@RequestMapping("/reports/plans")
class PlanPageController {

	private final PlanService plans;

	private final UnitService units;

	private final CurrentCaller callers;

	private final Messages messages;

	PlanPageController(PlanService plans, UnitService units, CurrentCaller callers, Messages messages) {
		this.plans = plans;
		this.units = units;
		this.callers = callers;
		this.messages = messages;
	}

	@GetMapping("/new")
	String newRequest(@RequestParam(required = false) Long unit, Model model) {
		Caller caller = callers.get();
		List<UnitView> requesting = requireRequesting(caller);
		PlanRequestForm form = new PlanRequestForm();
		form.unitId = unit != null ? unit : requesting.get(0).id();
		form.year = LocalDate.now().getYear();
		model.addAttribute("form", form);
		return form(caller, form, model);
	}

	@PostMapping
	String create(@Validated @ModelAttribute("form") PlanRequestForm form, BindingResult result,
			@RequestParam(name = "guidance", required = false) MultipartFile guidance, Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.submit(result, () -> {
			Upload upload = guidance == null || guidance.isEmpty() ? null
					: new Upload(guidance.getOriginalFilename(), guidance.getSize(), guidance::getInputStream);
			PlanRequestView created = plans.create(caller, form.command(), upload);
			redirect.addFlashAttribute("notice", "report.notice.planRequested");
			return "redirect:/reports/plans/" + created.id();
		}, () -> form(caller, form, model));
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		return page(callers.get(), id, model);
	}

	@PostMapping("/{id}/units/{unitId}")
	String upload(@PathVariable long id, @PathVariable long unitId,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.attempt(() -> {
			if (file == null || file.isEmpty()) {
				throw new BusinessException("file", "upload.error.empty");
			}
			plans.submit(caller, id, unitId, new Upload(file.getOriginalFilename(), file.getSize(), file::getInputStream));
			redirect.addFlashAttribute("notice", "report.notice.planSubmitted");
			return "redirect:/reports/plans/" + id;
		}, e -> {
			PageForms.showProblem(model, messages, e);
			return page(caller, id, model);
		});
	}

	@GetMapping("/{id}/units/{unitId}")
	String history(@PathVariable long id, @PathVariable long unitId, Model model) {
		Caller caller = callers.get();
		model.addAttribute("details", plans.get(caller, id));
		model.addAttribute("unit", units.find(unitId).orElseThrow());
		model.addAttribute("submissions", plans.submissions(caller, id, unitId));
		return "report/plan-unit";
	}

	@GetMapping("/{id}/guidance")
	ResponseEntity<InputStreamResource> guidance(@PathVariable long id) {
		PlanService.Download d = plans.guidance(callers.get(), id);
		return Downloads.stream(d.fileName(), d.contentType(), d.content());
	}

	@GetMapping("/{id}/units/{unitId}/files/{fileId}")
	ResponseEntity<InputStreamResource> file(@PathVariable long id, @PathVariable long unitId, @PathVariable long fileId) {
		PlanService.Download d = plans.submission(callers.get(), id, unitId, fileId);
		return Downloads.stream(d.fileName(), d.contentType(), d.content());
	}

	@GetMapping("/{id}/status.xlsx")
	ResponseEntity<byte[]> statusXlsx(@PathVariable long id) throws IOException {
		Caller caller = callers.get();
		PlanService.PlanRequestDetails details = plans.get(caller, id);
		return Downloads.bytes("ke-hoach-" + id + ".xlsx", Downloads.XLSX,
				out -> vn.ideabank.common.xlsx.XlsxWriter.export(out, messages.get("report.plan.units"),
						List.of(messages.get("report.col.unit"), messages.get("report.col.status"),
								messages.get("report.col.submittedAt"), messages.get("report.col.submissions"),
								messages.get("report.col.reminders")),
						sink -> details.targets().forEach(t -> sink.row(t.unitName(), messages.get(t.status().messageKey()),
								t.submittedAt() == null ? null : java.time.LocalDate.ofInstant(t.submittedAt(), java.time.ZoneId.systemDefault()),
								t.submissionCount(), t.reminders()))));
	}

	private String page(Caller caller, long id, Model model) {
		PlanService.PlanRequestDetails details = plans.get(caller, id);
		model.addAttribute("details", details);
		model.addAttribute("today", LocalDate.now());
		model.addAttribute("canSubmit", details.submittableUnitIds());
		return "report/plan";
	}

	private String form(Caller caller, PlanRequestForm form, Model model) {
		List<UnitView> requesting = requireRequesting(caller);
		model.addAttribute("units", requesting);
		Long unitId = form.unitId != null ? form.unitId : requesting.get(0).id();
		model.addAttribute("children", requesting.stream().anyMatch(u -> u.id() == unitId)
				? units.children(caller, unitId).stream().filter(UnitView::active).toList() : List.of());
		return "report/plan-form";
	}

	private List<UnitView> requireRequesting(Caller caller) {
		List<UnitView> requesting = plans.requestingUnits(caller);
		if (requesting.isEmpty()) {
			throw new ForbiddenException();
		}
		return requesting;
	}
}
