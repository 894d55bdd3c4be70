package vn.ideabank.programme.web;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.PageForms;
import vn.ideabank.common.web.PageSizes;
import vn.ideabank.common.web.Pager;
import vn.ideabank.org.UnitService;
import vn.ideabank.programme.CommendationKind;
import vn.ideabank.programme.CommendationLevel;
import vn.ideabank.programme.ProgrammeService;
import vn.ideabank.programme.RecognitionService;
import vn.ideabank.programme.RecognitionService.CommendationView;

/**
 * Recognition: the commendations (of a unit's subtree or of one member, linked from their pages) with the awards
 * of funds and scholarships they received, and the commendation form.
 */
@Controller
@RequestMapping("/recognition")
class RecognitionPageController {

	private static final int AWARDS_SHOWN = 100;

	private final RecognitionService recognition;

	private static final String FORM = "programme/recognition-form";

	private final ProgrammeService programme;

	private final ProgrammePages pages;

	private final UnitService units;

	private final CurrentCaller callers;

	RecognitionPageController(RecognitionService recognition, ProgrammeService programme, ProgrammePages pages,
			UnitService units, CurrentCaller callers) {
		this.recognition = recognition;
		this.programme = programme;
		this.pages = pages;
		this.units = units;
		this.callers = callers;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("kinds", CommendationKind.values());
		model.addAttribute("levels", CommendationLevel.values());
	}

	@GetMapping
	String list(@RequestParam(required = false) Long unit, @RequestParam(required = false) Long member,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
		Caller caller = callers.get();
		model.addAttribute("items", Pager.of(recognition.list(caller, unit, member, PageSizes.of(page, size, Sort.unsorted()))));
		model.addAttribute("unit", unit == null ? null : units.find(unit).orElse(null));
		model.addAttribute("member", member);
		// awards of funds and scholarships beside the commendations: the newest ones, with their total count
		model.addAttribute("awards", recognition.awards(caller, unit, member, PageRequest.of(0, AWARDS_SHOWN)));
		model.addAttribute("unitNames", pages.unitNames(caller));
		model.addAttribute("canCreate", !programme.editableUnits(caller).isEmpty());
		return "programme/recognition";
	}

	@GetMapping("/new")
	String newCommendation(@RequestParam(required = false) Long member, Model model) {
		Caller caller = callers.get();
		CommendationForm form = new CommendationForm();
		form.unitId = pages.firstEditableUnit(caller);
		form.memberId = member == null ? null : member.toString();
		model.addAttribute("form", form);
		return pages.form(caller, model, null, FORM);
	}

	/** Saves a commendation and shows the list it joined: the member's, or the unit's. */
	@PostMapping
	String create(@Validated @ModelAttribute("form") CommendationForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.submit(result, redirect, ProgrammePages.SAVED, () -> {
			CommendationView saved = recognition.record(caller,
					form.command(pages.memberOf(caller, form.memberId, "memberId"), pages.ideaOf(caller, form.ideaId, "ideaId")));
			return saved.memberId() != null ? "/recognition?member=" + saved.memberId() : "/recognition?unit=" + saved.unitId();
		}, () -> pages.form(caller, model, null, FORM));
	}
}
