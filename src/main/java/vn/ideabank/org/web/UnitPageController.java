package vn.ideabank.org.web;

import java.util.List;

import jakarta.validation.groups.Default;

import org.springframework.data.domain.Sort;
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

import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.security.UnitScope;
import vn.ideabank.common.web.PageForms;
import vn.ideabank.common.web.PageSizes;
import vn.ideabank.common.web.Pager;
import vn.ideabank.org.UnitCommands.CreateUnit;
import vn.ideabank.org.UnitCommands.EditUnit;
import vn.ideabank.org.UnitCommands.MoveUnit;
import vn.ideabank.org.UnitKind;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/** The unit tree: browse, search, create, edit, move, deactivate. */
@Controller
@RequestMapping("/units")
class UnitPageController {

	private final UnitService units;

	private final CurrentCaller callers;

	UnitPageController(UnitService units, CurrentCaller callers) {
		this.units = units;
		this.callers = callers;
	}

	@ModelAttribute("kinds")
	UnitKind[] kinds() {
		return UnitKind.values();
	}

	@GetMapping
	String tree(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(defaultValue = "false") boolean inactive, Model model) {
		Caller caller = callers.get();
		model.addAttribute("q", q);
		model.addAttribute("inactive", inactive);
		if (q != null) {
			model.addAttribute("results", Pager.of(units.list(caller, q, PageSizes.of(page, null, Sort.by("name")))));
		}
		else {
			model.addAttribute("roots", units.tree(caller, inactive));
		}
		return "org/tree";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		Caller caller = callers.get();
		UnitView unit = units.get(caller, id);
		model.addAttribute("unit", unit);
		List<UnitView> ancestors = units.ancestors(caller, id);
		model.addAttribute("ancestors", ancestors);
		// ancestors above the caller's own units are named but not linked: their pages would refuse
		model.addAttribute("openable", ancestors.stream().filter(a -> caller.sees(a.path())).map(UnitView::id).toList());
		model.addAttribute("children", units.children(caller, id));
		model.addAttribute("canManage", units.canManage(caller, id));
		return "org/unit";
	}

	@GetMapping("/new")
	String newUnit(@RequestParam(required = false) Long parent, Model model) {
		Caller caller = callers.get();
		UnitForm form = new UnitForm();
		if (parent != null) {
			UnitView p = units.get(caller, parent);
			form.parentId = p.id();
			// a new unit is most likely of the same level as its siblings
			units.children(caller, p.id()).stream().findFirst().ifPresent(sibling -> {
				form.levelName = sibling.levelName();
				form.kind = sibling.kind();
			});
		}
		model.addAttribute("form", form);
		return createForm(caller, model);
	}

	@PostMapping
	String create(@Validated({ Default.class, UnitForm.OnCreate.class }) @ModelAttribute("form") UnitForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.submit(result, () -> {
			UnitView created = units.create(caller, new CreateUnit(form.parentId, form.code, form.name, form.levelName,
					form.kind, form.memberCount));
			redirect.addFlashAttribute("notice", "unit.notice.created");
			return "redirect:/units/" + created.id();
		}, () -> createForm(caller, model));
	}

	private String createForm(Caller caller, Model model) {
		model.addAttribute("parents", units.manageable(caller));
		model.addAttribute("creating", true);
		return "org/form";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Caller caller = callers.get();
		UnitView unit = requireManageable(caller, id);
		model.addAttribute("unit", unit);
		model.addAttribute("form", UnitForm.of(unit));
		return "org/form";
	}

	@PostMapping("/{id}/edit")
	String update(@PathVariable long id, @Validated @ModelAttribute("form") UnitForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		UnitView unit = requireManageable(caller, id);
		return PageForms.submit(result, () -> {
			units.edit(caller, id, new EditUnit(form.name, form.levelName, form.kind, form.memberCount, form.version));
			redirect.addFlashAttribute("notice", "unit.notice.saved");
			return "redirect:/units/" + id;
		}, () -> {
			model.addAttribute("unit", unit);
			return "org/form";
		});
	}

	@GetMapping("/{id}/move")
	String moveForm(@PathVariable long id, Model model) {
		Caller caller = callers.get();
		UnitView unit = requireManageable(caller, id);
		model.addAttribute("form", new MoveForm(unit.parentId(), unit.version()));
		return moveView(caller, unit, model);
	}

	@PostMapping("/{id}/move")
	String move(@PathVariable long id, @Validated @ModelAttribute("form") MoveForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		UnitView unit = requireManageable(caller, id);
		return PageForms.submit(result, () -> {
			units.move(caller, id, new MoveUnit(form.getParentId(), form.getVersion()));
			redirect.addFlashAttribute("notice", "unit.notice.moved");
			return "redirect:/units/" + id;
		}, () -> moveView(caller, unit, model));
	}

	private String moveView(Caller caller, UnitView unit, Model model) {
		List<UnitView> targets = units.manageable(caller).stream()
			.filter(u -> !UnitScope.subtree(unit.path()).covers(u.path()))
			.toList();
		model.addAttribute("unit", unit);
		model.addAttribute("targets", targets);
		return "org/move";
	}

	@PostMapping("/{id}/deactivate")
	String deactivate(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
		return changeActive(id, version, false, redirect);
	}

	@PostMapping("/{id}/activate")
	String activate(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
		return changeActive(id, version, true, redirect);
	}

	private String changeActive(long id, long version, boolean active, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.act(redirect, "/units/" + id, active ? "unit.notice.activated" : "unit.notice.deactivated", () -> {
			if (active) {
				units.activate(caller, id, version);
			}
			else {
				units.deactivate(caller, id, version);
			}
		});
	}

	private UnitView requireManageable(Caller caller, long id) {
		UnitView unit = units.get(caller, id);
		if (!units.canManage(caller, id)) {
			throw new ForbiddenException();
		}
		return unit;
	}
}
