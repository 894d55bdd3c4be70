package vn.ideabank.quota.web;

import java.math.BigDecimal;
import java.time.Year;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;


import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.Messages;
import vn.ideabank.common.web.PageForms;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.quota.TargetCommands.Allocate;
import vn.ideabank.quota.TargetCommands.PlanSettings;
import vn.ideabank.quota.TargetCommands.SaveTarget;
import vn.ideabank.quota.TargetKind;
import vn.ideabank.quota.TargetRule;
import vn.ideabank.quota.TargetService;
import vn.ideabank.quota.TargetViews.PlanView;
import vn.ideabank.quota.TargetViews.Split;
import vn.ideabank.quota.TargetViews.TargetView;

/**
 * The annual plan of a unit (its targets, custom targets, criterion settings) and the split of a
 * unit's share of a target among its children, by hand or by member counts, with its history.
 * Refused input re-renders the page with 422 and the message beside the field.
 */
@Controller
@RequestMapping("/targets")
class TargetPageController {

	private final TargetService targets;

	private final UnitService units;

	private final CurrentCaller callers;

	private final Messages messages;

	TargetPageController(TargetService targets, UnitService units, CurrentCaller callers, Messages messages) {
		this.targets = targets;
		this.units = units;
		this.callers = callers;
		this.messages = messages;
	}

	// --- the plan ---------------------------------------------------------------------------------

	@GetMapping("/plan")
	String plan(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year, Model model) {
		Caller caller = callers.get();
		long unit = unitId != null ? unitId : units.visible(caller).stream().findFirst().orElseThrow(ForbiddenException::new).id();
		int y = year != null ? year : Year.now(ZoneId.of("Asia/Ho_Chi_Minh")).getValue();
		return planPage(caller, unit, y, model, null, null);
	}

	@PostMapping("/plan")
	String createPlan(@RequestParam long unitId, @RequestParam int year, Model model,
			RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.attempt(() -> {
			targets.createPlan(caller, unitId, year);
			redirect.addFlashAttribute("notice", "target.plan.created");
			return "redirect:/targets/plan?unitId=" + unitId + "&year=" + year;
		}, e -> planPage(caller, unitId, year, model, "create", e));
	}

	@PostMapping("/plan/{planId}/settings")
	String settings(@PathVariable long planId, @RequestParam long version,
			@RequestParam(defaultValue = "false") boolean refuseMismatch, @RequestParam(required = false) Integer weightIdeas,
			@RequestParam(required = false) Integer weightModels, @RequestParam(required = false) Integer weightContests,
			@RequestParam(required = false) Integer weightPunctuality, @RequestParam(required = false) BigDecimal ideasPerMember,
			Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		PlanView plan = plan(caller, planId);
		return PageForms.attempt(() -> {
			targets.updateSettings(caller, planId, new PlanSettings(refuseMismatch, weightIdeas, weightModels, weightContests,
					weightPunctuality, ideasPerMember), version);
			redirect.addFlashAttribute("notice", "target.plan.saved");
			return "redirect:/targets/plan?unitId=" + plan.unitId() + "&year=" + plan.year();
		}, e -> planPage(caller, plan.unitId(), plan.year(), model, "settings", e));
	}

	@PostMapping("/plan/{planId}/targets/{targetId}")
	String saveAmount(@PathVariable long planId, @PathVariable long targetId, @RequestParam long version,
			@RequestParam(required = false) String amount, @RequestParam(required = false) String name,
			@RequestParam(required = false) String countUnit, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect) {
		Caller caller = callers.get();
		PlanView plan = plan(caller, planId);
		TargetView target = plan.targets().stream().filter(t -> t.id() == targetId).findFirst()
			.orElseThrow(() -> new NotFoundException("target.error.notFound"));
		return PageForms.attempt(() -> {
			targets.saveTarget(caller, planId, targetId,
					new SaveTarget(target.kind(), name, countUnit, number("amount", amount), null, reason), version);
			redirect.addFlashAttribute("notice", "target.plan.saved");
			return "redirect:/targets/plan?unitId=" + plan.unitId() + "&year=" + plan.year();
		}, e -> planPage(caller, plan.unitId(), plan.year(), model, "target-" + targetId, e));
	}

	@PostMapping("/plan/{planId}/targets")
	String addCustom(@PathVariable long planId, @RequestParam(required = false) String name,
			@RequestParam(required = false) String countUnit, @RequestParam(required = false) String amount,
			@RequestParam(required = false) Set<IdeaStatus> statuses, @RequestParam(required = false) Set<IdeaKind> kinds,
			@RequestParam(required = false) Set<SectorField> fields, @RequestParam(required = false) Set<TargetGroup> groups,
			Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		PlanView plan = plan(caller, planId);
		return PageForms.attempt(() -> {
			targets.saveTarget(caller, planId, null, new SaveTarget(TargetKind.CUSTOM, name, countUnit, number("amount", amount),
					new TargetRule(TargetKind.CUSTOM, statuses, kinds, fields, groups), null), 0);
			redirect.addFlashAttribute("notice", "target.plan.saved");
			return "redirect:/targets/plan?unitId=" + plan.unitId() + "&year=" + plan.year();
		}, e -> planPage(caller, plan.unitId(), plan.year(), model, "custom", e));
	}

	/** A target of the governing plan and the unit's share of it (null: nothing allocated to the unit). */
	record ShareLine(TargetView target, Long share) {
	}

	private String planPage(Caller caller, long unitId, int year, Model model, String errorForm, BusinessException error) {
		UnitView unit = units.get(caller, unitId);
		model.addAttribute("unit", unit);
		model.addAttribute("year", year);
		model.addAttribute("plan", targets.planOf(caller, unitId, year).orElse(null));
		// a unit without a plan of its own works to its ancestor's: it sees its share of each target and splits
		// it among its children from here, even when it may not open the ancestor's page
		var governingPlan = targets.governingPlan(caller, unitId, year).filter(p -> p.unitId() != unitId);
		UnitView governing = governingPlan.flatMap(p -> units.find(p.unitId())).orElse(null);
		model.addAttribute("governing", governing);
		model.addAttribute("governingVisible", governing != null && caller.sees(governing.path()));
		model.addAttribute("myShares", governingPlan.map(p -> p.targets().stream()
			.map(t -> new ShareLine(t, targets.share(t, p, unit))).toList()).orElse(List.of()));
		model.addAttribute("canSetPlan", targets.canSetPlan(caller, unit));
		model.addAttribute("defaults", targets.defaultSettings());
		model.addAttribute("statuses", IdeaStatus.values());
		model.addAttribute("ideaKinds", IdeaKind.values());
		model.addAttribute("fields", SectorField.values());
		model.addAttribute("groups", TargetGroup.values());
		model.addAttribute("errorForm", errorForm);
		model.addAttribute("errorField", error == null ? null : error.field());
		model.addAttribute("errorText", error == null ? null : messages.of(error));
		return "quota/plan";
	}

	// --- the split of a share ----------------------------------------------------------------------

	@GetMapping("/{targetId}/split")
	String split(@PathVariable long targetId, @RequestParam long unitId, Model model) {
		Caller caller = callers.get();
		return splitPage(caller, targets.split(caller, targetId, unitId), model, Map.of(), null, null);
	}

	@PostMapping("/{targetId}/split")
	String allocate(@PathVariable long targetId, @RequestParam long unitId, @RequestParam long version,
			@RequestParam(required = false) String reason, @RequestParam MultiValueMap<String, String> form, Model model,
			RedirectAttributes redirect) {
		Caller caller = callers.get();
		Map<String, String> typed = new LinkedHashMap<>();
		Map<Long, Long> amounts = new LinkedHashMap<>();
		return PageForms.attempt(() -> {
			try {
				for (Map.Entry<String, List<String>> e : form.entrySet()) {
					if (e.getKey().startsWith("amount.") && !e.getValue().isEmpty()) {
						long child = Long.parseLong(e.getKey().substring("amount.".length()));
						String value = e.getValue().get(0);
						typed.put(Long.toString(child), value);
						Long n = number("amounts[" + child + "]", value);
						if (n != null) {
							amounts.put(child, n);
						}
					}
				}
				targets.allocate(caller, targetId, unitId, new Allocate(amounts, reason, version));
			}
			catch (NumberFormatException e) {
			throw new NotFoundException("target.error.notFound");
			}
			redirect.addFlashAttribute("notice", "target.split.saved");
			return "redirect:/targets/" + targetId + "/split?unitId=" + unitId;
		}, e -> splitPage(caller, targets.split(caller, targetId, unitId), model, typed, reason, e));
	}

	@PostMapping("/{targetId}/split/by-members")
	String byMembers(@PathVariable long targetId, @RequestParam long unitId, @RequestParam long version,
			@RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.attempt(() -> {
			targets.allocateByMembers(caller, targetId, unitId, reason == null ? messages.get("target.split.byMembersReason") : reason,
					version);
			redirect.addFlashAttribute("notice", "target.split.saved");
			return "redirect:/targets/" + targetId + "/split?unitId=" + unitId;
		}, e -> splitPage(caller, targets.split(caller, targetId, unitId), model, Map.of(), reason, e));
	}

	private String splitPage(Caller caller, Split split, Model model, Map<String, String> typed, String reason,
			BusinessException error) {
		model.addAttribute("split", split);
		model.addAttribute("label", split.target().kind() == TargetKind.CUSTOM ? split.target().name()
				: messages.get(split.target().kind().messageKey()));
		model.addAttribute("proposal", split.share() == null ? Map.of() : TargetService.proposeByMembers(split));
		model.addAttribute("typed", typed);
		model.addAttribute("reason", reason);
		model.addAttribute("history", targets.history(caller, split.target().id()));
		model.addAttribute("errorField", error == null ? null : error.field());
		model.addAttribute("errorText", error == null ? null : messages.of(error));
		return "quota/split";
	}

	// --- helpers -------------------------------------------------------------------------------------

	private PlanView plan(Caller caller, long planId) {
		return targets.planById(caller, planId);
	}

	/** A whole number typed into a form; anything else is a field error, not a 400. */
	static Long number(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String digits = text.strip().replace(".", "").replace(",", "").replace(" ", "");
		try {
			return Long.parseLong(digits);
		}
		catch (NumberFormatException e) {
			throw new BusinessException(field, "target.error.notANumber", text);
		}
	}

}
