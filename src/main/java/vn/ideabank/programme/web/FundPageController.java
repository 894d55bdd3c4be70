package vn.ideabank.programme.web;

import static vn.ideabank.programme.web.ProgrammePages.SAVED;

import java.io.IOException;
import java.time.LocalDate;

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
import vn.ideabank.common.security.UnitScope;
import vn.ideabank.common.web.Messages;
import vn.ideabank.common.web.PageForms;
import vn.ideabank.org.UnitService;
import vn.ideabank.programme.FundKind;
import vn.ideabank.programme.FundService;
import vn.ideabank.programme.ProgrammeService.Filter;
import vn.ideabank.programme.ProgrammeViews.FundDetails;
import vn.ideabank.programme.ProgrammeViews.FundView;

/** Funds and scholarships ({@code /funds}): list, .xlsx export, page with the awards, create and edit forms. */
@Controller
class FundPageController {

	private static final String FORM = "programme/fund-form";

	private final FundService funds;

	private final ProgrammePages pages;

	private final UnitService units;

	private final CurrentCaller callers;

	private final Messages messages;

	private final StartupReferences startupReferences;

	FundPageController(FundService funds, ProgrammePages pages, UnitService units, CurrentCaller callers,
			Messages messages, StartupReferences startupReferences) {
		this.startupReferences = startupReferences;
		this.funds = funds;
		this.pages = pages;
		this.units = units;
		this.callers = callers;
		this.messages = messages;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("fundKinds", FundKind.values());
	}

	@GetMapping("/funds")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
		return pages.list(new Filter(unit, q), page, size, model, "programme/funds", funds::funds);
	}

	@GetMapping("/funds/export.xlsx")
	void export(@RequestParam(required = false) String q, @RequestParam(required = false) Long unit,
			HttpServletResponse response) throws IOException {
		pages.export(response, "funds.xlsx", "programme.funds.title", new Filter(unit, q), funds::forEachFund,
				(f, names) -> new Object[] { f.name(), names.get(f.unitId()), messages.get(f.kind().messageKey()), f.year(),
						f.awardCount(), f.awardTotal() },
				"programme.name", "programme.unit", "programme.fund.kind", "programme.fund.year", "programme.fund.awardCount",
				"programme.fund.awardTotal");
	}

	@GetMapping("/funds/new")
	String newFund(Model model) {
		Caller caller = callers.get();
		FundForm form = new FundForm();
		form.unitId = pages.firstEditableUnit(caller);
		form.year = LocalDate.now().getYear();
		model.addAttribute("form", form);
		return pages.form(caller, model, null, FORM);
	}

	@PostMapping("/funds")
	String create(@Validated @ModelAttribute("form") FundForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.submit(result, redirect, SAVED, () -> "/funds/" + funds.createFund(caller, form.command()).id(),
				() -> pages.form(caller, model, null, FORM));
	}

	@GetMapping("/funds/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Caller caller = callers.get();
		FundView f = funds.fund(caller, id).fund();
		return pages.openEdit(caller, model, id, f.unitPath(), FundForm.of(f), FORM);
	}

	@PostMapping("/funds/{id}/edit")
	String update(@PathVariable long id, @Validated @ModelAttribute("form") FundForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.submit(result, redirect, SAVED,
				() -> "/funds/" + funds.editFund(caller, id, form.command(), form.version).id(),
				() -> pages.form(caller, model, id, FORM));
	}

	@GetMapping("/funds/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("awardForm", new AwardForm());
		return page(id, model);
	}

	@PostMapping("/funds/{id}/awards")
	String grantAward(@PathVariable long id, @Validated @ModelAttribute("awardForm") AwardForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.submit(result, redirect, SAVED, () -> {
			funds.grantAward(caller, id, form.command(pages.memberOf(caller, form.memberId, "memberId"),
					pages.ideaOf(caller, form.ideaId, "ideaId"), startupReferences.resolve(caller, form.startupId, "startupId")));
			return "/funds/" + id;
		}, () -> page(id, model));
	}

	private String page(long id, Model model) {
		Caller caller = callers.get();
		FundDetails details = funds.fund(caller, id);
		// units that may receive an award: the programme's subtree, as far as the caller sees it
		model.addAttribute("recipientUnits", units.visible(caller).stream()
			.filter(u -> UnitScope.subtree(details.fund().unitPath()).covers(u.path())).toList());
		model.addAttribute("unitNames", pages.unitNames(caller));
		return pages.detail(caller, model, details, details.fund().unitId(), details.fund().unitPath(), "programme/fund");
	}
}
