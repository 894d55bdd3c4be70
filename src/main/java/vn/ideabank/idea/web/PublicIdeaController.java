package vn.ideabank.idea.web;

import java.util.Map;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.ideabank.common.web.PageSizes;
import vn.ideabank.common.web.Pager;
import vn.ideabank.idea.IdeaFilter;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaSummary;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.idea.SectorField;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * Accepted, applied and recognised ideas, open to everyone without signing in. Nothing private
 * is on these pages: no drafts, no contact details, no birth dates, no internal notes.
 */
@Controller
class PublicIdeaController {

	private final IdeaService ideas;

	private final UnitService units;

	PublicIdeaController(IdeaService ideas, UnitService units) {
		this.ideas = ideas;
		this.units = units;
	}

	@GetMapping("/public/ideas")
	String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) IdeaKind kind,
			@RequestParam(required = false) SectorField field, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, Model model) {
		var filter = new IdeaFilter(null, year, null, kind, field, null, q, false);
		var result = ideas.publicList(filter, PageSizes.of(page, null, Sort.by(Sort.Direction.DESC, "updatedAt").and(Sort.by("id"))));
		Map<Long, UnitView> unitNames = units.findAll(result.getContent().stream().map(IdeaSummary::unitId).distinct().toList());
		model.addAttribute("ideas", Pager.of(result));
		model.addAttribute("units", unitNames);
		model.addAttribute("filter", filter);
		model.addAttribute("kinds", IdeaKind.values());
		model.addAttribute("fields", SectorField.values());
		return "idea/public-list";
	}

	@GetMapping("/public/ideas/{code}")
	String show(@PathVariable String code, Model model) {
		IdeaView idea = ideas.publicGet(code);
		model.addAttribute("idea", idea);
		model.addAttribute("unit", units.find(idea.unitId()).map(UnitView::name).orElse(null));
		return "idea/public-idea";
	}
}
