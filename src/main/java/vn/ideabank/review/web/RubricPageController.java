package vn.ideabank.review.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.security.Grant;
import vn.ideabank.common.security.Roles;
import vn.ideabank.common.web.PageForms;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.review.RubricService;
import vn.ideabank.review.RubricView;

/**
 * The rubric editor: the rubrics the caller sees (own unit's and the units' above), a rubric's versions, and the
 * forms that write a rubric, save its next version or correct a version no score uses yet.
 */
@Controller
@RequestMapping("/reviews/rubrics")
class RubricPageController {

	private final RubricService rubrics;

	private final UnitService units;

	private final CurrentCaller callers;

	RubricPageController(RubricService rubrics, UnitService units, CurrentCaller callers) {
		this.rubrics = rubrics;
		this.units = units;
		this.callers = callers;
	}

	@GetMapping
	String list(Model model) {
		Caller caller = callers.get();
		model.addAttribute("rubrics", rubrics.list(caller));
		model.addAttribute("canWrite", !officeUnits(caller).isEmpty());
		return "review/rubrics";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("rubric", rubrics.get(callers.get(), id));
		return "review/rubric";
	}

	@GetMapping("/new")
	String newRubric(Model model) {
		Caller caller = callers.get();
		RubricForm form = new RubricForm();
		List<UnitView> mine = officeUnits(caller);
		if (mine.isEmpty()) {
			throw new ForbiddenException();
		}
		form.unitId = mine.get(0).id();
		model.addAttribute("form", form.padded());
		return form(caller, null, null, model);
	}

	@PostMapping
	String create(@ModelAttribute("form") RubricForm form, BindingResult result, Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		form.compacted();
		return PageForms.submit(result, redirect, "review.rubric.created",
				() -> "/reviews/rubrics/" + rubrics.create(caller, form.unitId == null ? 0 : form.unitId, form.command())
					.rubricId(),
				() -> form(caller, null, null, model, form));
	}

	@GetMapping("/{id}/new-version")
	String newVersion(@PathVariable long id, Model model) {
		Caller caller = callers.get();
		RubricView.Details rubric = editable(caller, id);
		model.addAttribute("form", RubricForm.of(rubric.versions().get(0).rubric(), rubric.version()));
		return form(caller, rubric, null, model);
	}

	@PostMapping("/{id}/versions")
	String saveVersion(@PathVariable long id, @ModelAttribute("form") RubricForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Caller caller = callers.get();
		RubricView.Details rubric = editable(caller, id);
		form.compacted();
		return PageForms.submit(result, redirect, "review.rubric.versionSaved", () -> {
			rubrics.newVersion(caller, id, form.command(), form.version);
			return "/reviews/rubrics/" + id;
		}, () -> form(caller, rubric, null, model, form));
	}

	@GetMapping("/versions/{versionId}/edit")
	String correct(@PathVariable long versionId, Model model) {
		Caller caller = callers.get();
		RubricView v = rubrics.version(versionId);
		RubricView.Details rubric = editable(caller, v.rubricId());
		model.addAttribute("form", RubricForm.of(v, rubric.version()));
		return form(caller, rubric, v, model);
	}

	@PostMapping("/versions/{versionId}/edit")
	String saveCorrection(@PathVariable long versionId, @ModelAttribute("form") RubricForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		RubricView v = rubrics.version(versionId);
		RubricView.Details rubric = editable(caller, v.rubricId());
		form.compacted();
		return PageForms.submit(result, redirect, "review.rubric.corrected", () -> {
			rubrics.correct(caller, versionId, form.command(), form.version);
			return "/reviews/rubrics/" + v.rubricId();
		}, () -> form(caller, rubric, v, model, form));
	}

	private String form(Caller caller, RubricView.Details rubric, RubricView correcting, Model model, RubricForm shown) {
		shown.padded();
		return form(caller, rubric, correcting, model);
	}

	private String form(Caller caller, RubricView.Details rubric, RubricView correcting, Model model) {
		model.addAttribute("rubric", rubric);
		model.addAttribute("correcting", correcting);
		model.addAttribute("units", rubric == null ? officeUnits(caller) : List.of());
		return "review/rubric-form";
	}

	/** The rubric, seen (404 otherwise) and editable by the caller (403 otherwise). */
	private RubricView.Details editable(Caller caller, long rubricId) {
		RubricView.Details rubric = rubrics.get(caller, rubricId);
		if (!rubric.editable()) {
			throw new ForbiddenException();
		}
		return rubric;
	}

	/** The units the caller may write a rubric at: where the caller holds the office role (and their subtrees). */
	private List<UnitView> officeUnits(Caller caller) {
		List<Grant> grants = caller.grantsFor(Roles.OFFICE);
		if (grants.stream().anyMatch(Grant::systemWide)) {
			return units.manageable(caller);
		}
		return units.findAll(grants.stream().map(Grant::unitId).distinct().toList()).values().stream()
			.sorted(Comparator.comparing(UnitView::path)).toList();
	}
}
