package vn.ideabank.member.web;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.PickerOption;
import vn.ideabank.member.MemberReferences;
import vn.ideabank.member.MemberView;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * The member picker's suggestions. A member has no code of their own, so the value is the roster number
 * ({@code <option value="123">123 — Nguyễn Văn An (Chi đoàn 1)</option>}); typing a number or a login name picks
 * that member, words match the name without accents. All through {@link MemberReferences}' scope rule.
 */
@Controller
class MemberPickController {

	private final MemberReferences references;

	private final UnitService units;

	private final CurrentCaller callers;

	MemberPickController(MemberReferences references, UnitService units, CurrentCaller callers) {
		this.references = references;
		this.units = units;
		this.callers = callers;
	}

	@GetMapping("/members/pick")
	String pick(@RequestParam Map<String, String> params, Model model) {
		Caller caller = callers.get();
		List<MemberView> found = references.pick(caller, PickerOption.typed(params));
		Map<Long, UnitView> unitsById = units.findAll(found.stream().map(MemberView::unitId).distinct().toList());
		model.addAttribute("options", found.stream().map(m -> new PickerOption(String.valueOf(m.id()),
				m.id() + " — " + m.fullName() + (unitsById.containsKey(m.unitId()) ? " (" + unitsById.get(m.unitId()).name() + ")" : "")))
			.toList());
		return PickerOption.VIEW;
	}
}
