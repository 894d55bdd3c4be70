package vn.ideabank.idea.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.security.Roles;
import vn.ideabank.common.web.PageSizes;
import vn.ideabank.common.web.Pager;
import vn.ideabank.common.web.StreamedDownload;
import vn.ideabank.idea.IdeaListExport;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.idea.IdeaSummary;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/** The signed-in list of ideas: filters, sorting, pages, and its .xlsx export with the same filters. */
@Controller
@RequestMapping("/ideas")
class IdeaListPageController {

	/** Sortable columns of the list, by the name the URL uses (the entity's property). */
	private static final List<String> SORTABLE = List.of("code", "title", "updatedAt");

	private final IdeaService ideas;

	private final UnitService units;

	private final CurrentCaller callers;

	private final IdeaListExport listExport;

	IdeaListPageController(IdeaService ideas, UnitService units, CurrentCaller callers, IdeaListExport listExport) {
		this.ideas = ideas;
		this.units = units;
		this.callers = callers;
		this.listExport = listExport;
	}

	@GetMapping
	String list(@ModelAttribute("filter") ListForm filter, BindingResult result, Model model) {
		Caller caller = callers.get();
		String sort = filter.sort != null && SORTABLE.contains(filter.sort) ? filter.sort : "updatedAt";
		Sort.Direction dir = "asc".equalsIgnoreCase(filter.dir) ? Sort.Direction.ASC
				: "desc".equalsIgnoreCase(filter.dir) || "updatedAt".equals(sort) ? Sort.Direction.DESC : Sort.Direction.ASC;
		Page<IdeaSummary> page = ideas.list(caller, filter.filter(),
				PageSizes.of(filter.page, filter.size, Sort.by(dir, sort).and(Sort.by(dir, "id"))));
		model.addAttribute("ideas", Pager.of(page));
		// one query for the unit names of the whole page
		Map<Long, UnitView> unitsById = units.findAll(page.getContent().stream().map(IdeaSummary::unitId).distinct().toList());
		model.addAttribute("unitNames", unitsById);
		// the unit picker shows the filter's unit by its code (the whole subtree is no longer listed: issue 15)
		model.addAttribute("filterUnit", filter.unit == null ? null : units.find(filter.unit)
			.filter(u -> vn.ideabank.common.security.UnitScope.of(caller).covers(u.path())).map(UnitView::code)
			.orElse(String.valueOf(filter.unit)));
		model.addAttribute("filtered", filter.unit != null || filter.year != null || filter.status != null || filter.kind != null
				|| filter.field != null || filter.group != null || filter.q != null);
		model.addAttribute("sort", sort);
		model.addAttribute("dir", dir == Sort.Direction.ASC ? "asc" : "desc");
		Map<String, String> sortLinks = new LinkedHashMap<>();
		for (String s : SORTABLE) {
			boolean current = s.equals(sort);
			String next = current ? (dir == Sort.Direction.ASC ? "desc" : "asc") : ("updatedAt".equals(s) ? "desc" : "asc");
			sortLinks.put(s, currentUrl().replaceQueryParam("sort", s).replaceQueryParam("dir", next)
				.replaceQueryParam("page").build().toUriString().replaceFirst("^[a-z]+://[^/]+", ""));
		}
		model.addAttribute("sortLinks", sortLinks);
		model.addAttribute("paperOffUrl", currentUrl().replaceQueryParam("paper").replaceQueryParam("page").build()
			.toUriString().replaceFirst("^[a-z]+://[^/]+", ""));
		model.addAttribute("exportUrl", currentUrl().replacePath("/ideas/export.xlsx").replaceQueryParam("page")
			.replaceQueryParam("size").replaceQueryParam("sort").replaceQueryParam("dir").build().toUriString()
			.replaceFirst("^[a-z]+://[^/]+", ""));
		List<UnitView> entry = IdeaPageSupport.entryUnits(units, caller);
		model.addAttribute("canCreate", !entry.isEmpty());
		model.addAttribute("canImport", entry.stream().anyMatch(u -> caller.can(u.path(), Roles.STAFF)));
		IdeaPageSupport.addChoices(model);
		model.addAttribute("statuses", IdeaStatus.values());
		return "idea/list";
	}

	/** The list as .xlsx, with the list's filters and the caller's scope, streamed. */
	@GetMapping("/export.xlsx")
	void export(@ModelAttribute("filter") ListForm filter, jakarta.servlet.http.HttpServletResponse response)
			throws java.io.IOException {
		Caller caller = callers.get();
		if (filter.unit != null) {
			units.get(caller, filter.unit); // refuses an out-of-scope unit before the file starts
		}
		StreamedDownload.send(response, "y-tuong.xlsx", StreamedDownload.XLSX,
				out -> listExport.write(caller, filter.filter(), out));
	}

	private static UriComponentsBuilder currentUrl() {
		return ServletUriComponentsBuilder.fromCurrentRequest();
	}
}
