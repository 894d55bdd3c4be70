package vn.ideabank.initiative.web;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.PageForms;
import vn.ideabank.common.web.StreamedDownload;
import vn.ideabank.initiative.InitiativeCommands.SetRemuneration;
import vn.ideabank.initiative.InitiativeExports;
import vn.ideabank.initiative.InitiativeService;
import vn.ideabank.initiative.InitiativeSettings;
import vn.ideabank.initiative.InitiativeViews.BenefitView;
import vn.ideabank.initiative.web.OfficeForms.BenefitForm;

/**
 * The authors' remuneration of a recognised initiative (Nghị định 13/2012, Điều 10): the yearly lines of the first three
 * years with the minimum owed, the office's form to record a year, the .xlsx; and the office's switch that turns this
 * part on or off. With the switch off, the pages answer the refusal's message (the application's page offers no link).
 */
@Controller
@RequestMapping("/initiatives")
class RemunerationPageController {

	private static final String VIEW = "initiative/benefits";

	private final InitiativeService applications;

	private final InitiativeExports exports;

	private final InitiativeSettings settings;

	private final CurrentCaller callers;

	RemunerationPageController(InitiativeService applications, InitiativeExports exports, InitiativeSettings settings,
			CurrentCaller callers) {
		this.applications = applications;
		this.exports = exports;
		this.settings = settings;
		this.callers = callers;
	}

	@GetMapping("/{id}/benefits")
	String benefits(@PathVariable long id, @RequestParam(required = false) Integer year, Model model) {
		Caller caller = callers.get();
		List<BenefitView> lines = applications.benefits(caller, id);
		model.addAttribute("form", BenefitForm.of(lines, year));
		return page(caller, id, lines, model);
	}

	@PostMapping("/{id}/benefits")
	String record(@PathVariable long id, @Validated @ModelAttribute("form") BenefitForm form, BindingResult result,
			RedirectAttributes redirect, Model model) {
		Caller caller = callers.get();
		return PageForms.submit(result, redirect, "initiative.notice.benefit", () -> {
			applications.recordBenefit(caller, id, form.command());
			return "/initiatives/" + id + "/benefits";
		}, () -> page(caller, id, applications.benefits(caller, id), model));
	}

	@GetMapping("/{id}/benefits.xlsx")
	void xlsx(@PathVariable long id, HttpServletResponse response) throws IOException {
		Caller caller = callers.get();
		StreamedDownload.send(response, "thu-lao-sang-kien.xlsx", StreamedDownload.XLSX, out -> exports.benefits(caller, id, out));
	}

	@PostMapping("/settings")
	String setting(@RequestParam(required = false) Long unitId, @RequestParam(defaultValue = "false") boolean remuneration,
			@RequestParam(defaultValue = "0") long version, RedirectAttributes redirect) {
		return PageForms.act(redirect, "/initiatives", remuneration ? "initiative.notice.remunerationOn"
				: "initiative.notice.remunerationOff",
				() -> settings.setRemuneration(callers.get(), new SetRemuneration(unitId, remuneration, version)));
	}

	private String page(Caller caller, long id, List<BenefitView> lines, Model model) {
		model.addAttribute("a", applications.get(caller, id));
		model.addAttribute("lines", lines);
		model.addAttribute("office", applications.manages(caller, id));
		return VIEW;
	}
}
