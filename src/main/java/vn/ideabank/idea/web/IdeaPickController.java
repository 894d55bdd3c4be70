package vn.ideabank.idea.web;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.PickerOption;
import vn.ideabank.idea.IdeaReferences;

/** The idea picker's suggestions: {@code <option value="TS-2026-000001">TS-2026-000001 — title</option>}. */
@Controller
class IdeaPickController {

	private final IdeaReferences references;

	private final CurrentCaller callers;

	IdeaPickController(IdeaReferences references, CurrentCaller callers) {
		this.references = references;
		this.callers = callers;
	}

	@GetMapping("/ideas/pick")
	String pick(@RequestParam Map<String, String> params, Model model) {
		model.addAttribute("options", references.pick(callers.get(), PickerOption.typed(params)).stream()
			.map(p -> new PickerOption(p.code(), p.code() + " — " + p.title())).toList());
		return PickerOption.VIEW;
	}
}
