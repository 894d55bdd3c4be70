package vn.ideabank.org.web;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.PickerOption;
import vn.ideabank.org.UnitReferences;

/** The unit picker's suggestions: {@code <option value="CODE">CODE — name</option>}, within the caller's scope. */
@Controller
class UnitPickController {

	private final UnitReferences references;

	private final CurrentCaller callers;

	UnitPickController(UnitReferences references, CurrentCaller callers) {
		this.references = references;
		this.callers = callers;
	}

	@GetMapping("/units/pick")
	String pick(@RequestParam Map<String, String> params, Model model) {
		model.addAttribute("options", references.pick(callers.get(), PickerOption.typed(params)).stream()
			.map(u -> new PickerOption(u.code(), u.code() + " — " + u.name())).toList());
		return PickerOption.VIEW;
	}
}
