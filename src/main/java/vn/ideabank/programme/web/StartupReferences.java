package vn.ideabank.programme.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.text.TextNormalizer;
import vn.ideabank.common.web.PickerOption;
import vn.ideabank.programme.ProgrammeService.Filter;
import vn.ideabank.programme.ProgrammeViews.StartupView;
import vn.ideabank.programme.StartupService;

/**
 * How a person names a startup in a form, and the startup picker ({@code /startups/pick}). A startup has no code,
 * so the picker puts its number first ("12 — Nông sản sạch"); typing the number, the whole suggestion or the exact
 * name of one startup the caller sees picks it. The scope is {@link StartupService}'s read rule: a startup the
 * caller may not see answers like an unknown one.
 */
@Controller
class StartupReferences {

	private static final int PICK_LIMIT = 20;

	private static final Pattern NUMBERED = Pattern.compile("^#?([0-9]{1,18})(\\s*[—–-].*)?$");

	private final StartupService startups;

	private final CurrentCaller callers;

	StartupReferences(StartupService startups, CurrentCaller callers) {
		this.startups = startups;
		this.callers = callers;
	}

	@GetMapping("/startups/pick")
	String pick(@RequestParam Map<String, String> params, Model model) {
		Caller caller = callers.get();
		String q = TextNormalizer.normalizeToNull(PickerOption.typed(params));
		List<StartupView> found = byNumber(caller, q).map(List::of)
			.orElseGet(() -> startups.startups(caller, new Filter(null, q), PageRequest.of(0, PICK_LIMIT)).getContent());
		model.addAttribute("options", found.stream().map(s -> new PickerOption(String.valueOf(s.id()), label(s))).toList());
		return PickerOption.VIEW;
	}

	/** What the picker shows for a startup, and what a form shows again after a refusal. */
	static String label(StartupView s) {
		return s.id() + " — " + s.name();
	}

	/** The id of the startup named by what was typed; blank is none, anything not found is refused on {@code field}. */
	Long resolve(Caller caller, String typed, String field) {
		String ref = TextNormalizer.normalizeToNull(typed);
		if (ref == null) {
			return null;
		}
		Optional<StartupView> numbered = byNumber(caller, ref);
		if (numbered.isPresent() || NUMBERED.matcher(ref).matches()) {
			return numbered.map(StartupView::id).orElseThrow(() -> unknown(field, ref));
		}
		String wanted = ref.toLowerCase(Locale.ROOT);
		List<StartupView> named = startups.startups(caller, new Filter(null, ref), PageRequest.of(0, 50)).stream()
			.filter(s -> s.name().toLowerCase(Locale.ROOT).equals(wanted)).toList();
		if (named.size() > 1) {
			throw new BusinessException(field, "programme.error.startup-ambiguous", ref);
		}
		return named.stream().findFirst().map(StartupView::id).orElseThrow(() -> unknown(field, ref));
	}

	private Optional<StartupView> byNumber(Caller caller, String ref) {
		Matcher m = ref == null ? null : NUMBERED.matcher(ref);
		if (m == null || !m.matches()) {
			return Optional.empty();
		}
		try {
			return Optional.of(startups.startup(caller, Long.parseLong(m.group(1))).startup());
		}
		catch (NotFoundException | ForbiddenException outsideOrUnknown) { // answered alike
			return Optional.empty();
		}
	}

	private static BusinessException unknown(String field, String ref) {
		return new BusinessException(field, "programme.error.startup-reference", ref);
	}
}
