package vn.ideabank.member.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.text.TextNormalizer;
import vn.ideabank.common.web.PickerOption;
import vn.ideabank.member.MemberFilter;
import vn.ideabank.member.MemberService;
import vn.ideabank.member.MemberView;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * The member picker's suggestions. A member has no code of their own, so the value is the roster number
 * ({@code <option value="123">123 — Nguyễn Văn An (Chi đoàn 1)</option>}); typing a number picks that member,
 * words match the name without accents. Both go through {@link MemberService}'s scope rule.
 */
@Controller
class MemberPickController {

	private static final int LIMIT = 20;

	private final MemberService members;

	private final UnitService units;

	private final CurrentCaller callers;

	MemberPickController(MemberService members, UnitService units, CurrentCaller callers) {
		this.members = members;
		this.units = units;
		this.callers = callers;
	}

	@GetMapping("/members/pick")
	String pick(@RequestParam Map<String, String> params, Model model) {
		Caller caller = callers.get();
		String q = TextNormalizer.normalizeToNull(PickerOption.typed(params));
		List<MemberView> found = new ArrayList<>();
		if (q != null && q.matches("[0-9]{1,18}")) {
			found.addAll(byNumber(caller, Long.parseLong(q)));
		}
		else {
			found.addAll(members.list(caller, new MemberFilter(q, null, null, null),
					PageRequest.of(0, LIMIT, Sort.by("nameKey", "id"))).getContent());
		}
		Map<Long, UnitView> unitsById = units.findAll(found.stream().map(MemberView::unitId).distinct().toList());
		model.addAttribute("options", found.stream().map(m -> new PickerOption(String.valueOf(m.id()),
				m.id() + " — " + m.fullName() + (unitsById.containsKey(m.unitId()) ? " (" + unitsById.get(m.unitId()).name() + ")" : "")))
			.toList());
		return PickerOption.VIEW;
	}

	private List<MemberView> byNumber(Caller caller, long id) {
		try {
			return List.of(members.get(caller, id));
		}
		catch (NotFoundException | ForbiddenException outsideOrUnknown) { // answered alike: nothing to suggest
			return List.of();
		}
	}
}
