package vn.ideabank.search.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.PageSizes;
import vn.ideabank.common.web.Pager;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;
import vn.ideabank.search.SearchHit;
import vn.ideabank.search.SearchQuery;
import vn.ideabank.search.SearchResults;
import vn.ideabank.search.SearchService;
import vn.ideabank.search.SimilarIdea;

/**
 * The search page (box in the header, filters with counts, highlighted snippets), the similar-ideas
 * panel of the idea form (htmx, while typing) and of the idea page (reviewers: judge duplicates).
 */
@Controller
class SearchPageController {

	private final SearchService search;

	private final IdeaService ideas;

	private final CurrentCaller callers;

	SearchPageController(SearchService search, IdeaService ideas, CurrentCaller callers) {
		this.search = search;
		this.ideas = ideas;
		this.callers = callers;
	}

	/** One value of a facet: a link that applies it, with the number of hits it would keep. */
	record FacetValue(String labelKey, String label, long count, String url, boolean selected) {
	}

	record Facet(String titleKey, String param, List<FacetValue> values, String clearUrl) {
	}

	@GetMapping("/search")
	String page(@RequestParam(required = false) String q, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) IdeaStatus status,
			@RequestParam(required = false) IdeaKind kind, @RequestParam(required = false) SectorField field,
			@RequestParam(required = false) TargetGroup group, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) Boolean expand, Model model) {
		var pageable = PageSizes.of(page, size, org.springframework.data.domain.Sort.unsorted());
		SearchQuery query = new SearchQuery(q, unit, year, status, kind, field, group, expand == null || expand);
		SearchResults results = search.search(callers.get(), query, pageable.getPageNumber(), pageable.getPageSize());
		thesaurusNote(results, query.expand(), model);
		var hits = new PageImpl<SearchHit>(results.content(), PageRequest.of(results.page(), results.size()),
				results.totalElements());
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("results", Pager.of(hits));
		model.addAttribute("totalExact", results.totalExact());
		model.addAttribute("facetsUrl", ServletUriComponentsBuilder.fromCurrentRequest().replacePath("/search/facets")
			.replaceQueryParam("page").replaceQueryParam("size").build().toUriString().replaceFirst("^[a-z]+://[^/]+", ""));
		model.addAttribute("filtered", unit != null || year != null || status != null || kind != null || field != null
				|| group != null);
		return "search/search";
	}

	/**
	 * The search page's form posts (a query of up to {@value #MAX_POSTED_QUERY} characters does not fit every
	 * URL); only its first {@link SearchService#MAX_QUERY_CHARS} characters are searched, so the answer is a
	 * redirect to the ordinary, bookmarkable search with that part. Longer: the page says so, nothing is searched.
	 */
	@PostMapping("/search")
	org.springframework.web.servlet.ModelAndView post(@RequestParam(required = false) String q, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) IdeaStatus status,
			@RequestParam(required = false) IdeaKind kind, @RequestParam(required = false) SectorField field,
			@RequestParam(required = false) TargetGroup group, Model model,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		if (q != null && q.length() > MAX_POSTED_QUERY) {
			model.addAttribute("queryTooLong", true);
			return new org.springframework.web.servlet.ModelAndView(page("", unit, year, status, kind, field, group, null, null, null,
					model));
		}
		String searched = SearchService.clean(q);
		if (q != null && searched.length() < q.strip().length()) {
			redirect.addFlashAttribute("queryCut", SearchService.MAX_QUERY_CHARS);
		}
		var url = org.springframework.web.util.UriComponentsBuilder.fromPath("/search").queryParam("q", searched);
		Object[] filters = { "unit", unit, "year", year, "status", status, "kind", kind, "field", field, "group", group };
		for (int i = 0; i < filters.length; i += 2) {
			if (filters[i + 1] != null) {
				url.queryParam((String) filters[i], filters[i + 1]);
			}
		}
		// a view of its own: "redirect:" would expand "{...}" in the text as URI variables
		var redirectView = new org.springframework.web.servlet.view.RedirectView(url.build().encode().toUriString(), true);
		redirectView.setExpandUriTemplateVariables(false);
		redirectView.setExposeModelAttributes(false);
		return new org.springframework.web.servlet.ModelAndView(redirectView);
	}

	/**
	 * "Đã tìm cả: drone, máy bay không người lái" when the thesaurus widened the query, with a link to the same
	 * search of the typed words only; on that search, a link back.
	 */
	private static void thesaurusNote(SearchResults results, boolean expanded, Model model) {
		model.addAttribute("alsoSearched", results.alsoSearched());
		var here = ServletUriComponentsBuilder.fromCurrentRequest().replacePath("/search").replaceQueryParam("page");
		String url = expanded ? here.replaceQueryParam("expand", false).build().toUriString()
				: here.replaceQueryParam("expand").build().toUriString();
		model.addAttribute(expanded ? "typedOnlyUrl" : "expandUrl", url.replaceFirst("^[a-z]+://[^/]+", ""));
	}

	/** The longest query the search page and API accept (longer ones are answered by the app, never searched). */
	static final int MAX_POSTED_QUERY = 10_000;

	/** The filter box with its counts, loaded by the search page after the hits (htmx). */
	@GetMapping("/search/facets")
	String facets(@RequestParam(required = false) String q, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) IdeaStatus status,
			@RequestParam(required = false) IdeaKind kind, @RequestParam(required = false) SectorField field,
			@RequestParam(required = false) TargetGroup group, @RequestParam(required = false) Boolean expand, Model model) {
		SearchQuery query = new SearchQuery(q, unit, year, status, kind, field, group, expand == null || expand);
		model.addAttribute("facets", facets(search.facets(callers.get(), query), query));
		model.addAttribute("filtered", unit != null || year != null || status != null || kind != null || field != null
				|| group != null);
		return "search/search :: facets";
	}

	private List<Facet> facets(Map<String, Map<String, Long>> f, SearchQuery query) {
		Set<Long> unitIds = new HashSet<>();
		f.getOrDefault("unitId", Map.of()).keySet().forEach(k -> unitIds.add(Long.valueOf(k)));
		Map<Long, String> unitNames = search.unitNames(unitIds);
		List<Facet> out = new ArrayList<>();
		out.add(facet("idea.label.year", "year", f.get("year"), String.valueOf(query.year()), v -> null, v -> v));
		out.add(facet("idea.label.status", "status", f.get("status"), String.valueOf(query.status()),
				v -> IdeaStatus.valueOf(v).messageKey(), v -> null));
		out.add(facet("idea.label.kind", "kind", f.get("kind"), String.valueOf(query.kind()),
				v -> IdeaKind.valueOf(v).messageKey(), v -> null));
		out.add(facet("idea.label.sectorField", "field", f.get("sectorField"), String.valueOf(query.field()),
				v -> SectorField.valueOf(v).messageKey(), v -> null));
		out.add(facet("idea.label.targetGroup", "group", f.get("targetGroup"), String.valueOf(query.targetGroup()),
				v -> TargetGroup.valueOf(v).messageKey(), v -> null));
		out.add(facet("idea.label.unit", "unit", f.get("unitId"), String.valueOf(query.unitId()), v -> null,
				v -> unitNames.getOrDefault(Long.valueOf(v), v)));
		return out.stream().filter(x -> !x.values().isEmpty()).toList();
	}

	private static Facet facet(String titleKey, String param, Map<String, Long> counts, String selected,
			java.util.function.Function<String, String> key, java.util.function.Function<String, String> label) {
		List<FacetValue> values = new ArrayList<>();
		if (counts != null) {
			counts.forEach((v, n) -> values.add(new FacetValue(key.apply(v), label.apply(v), n, link(param, v), v.equals(selected))));
		}
		return new Facet(titleKey, param, values, link(param, null));
	}

	/** The current search with one filter set (or removed) and the page reset. */
	private static String link(String param, Object value) {
		var b = ServletUriComponentsBuilder.fromCurrentRequest().replacePath("/search").replaceQueryParam("page");
		if (value == null) {
			b.replaceQueryParam(param);
		}
		else {
			b.replaceQueryParam(param, value);
		}
		return b.build().toUriString().replaceFirst("^[a-z]+://[^/]+", "");
	}

	// --- similar ideas -----------------------------------------------------------------------

	/** The idea form's panel: earlier ideas like what is being typed (htmx, debounced in search.js). */
	@PostMapping("/search/similar")
	String similarWhileTyping(@RequestParam(required = false) String title, @RequestParam(required = false) String summary,
			@RequestParam(required = false) String problem, @RequestParam(required = false) String solution,
			@RequestParam(required = false) String novelty, @RequestParam(required = false) Long ideaId, Model model) {
		String description = String.join("\n", nonNull(summary), nonNull(problem), nonNull(solution), nonNull(novelty));
		// beyond what the idea form takes (title 300, each text 20,000): no panel, and no work spent on it
		boolean overLong = nonNull(title).length() > 300 || description.length() > 62_010;
		model.addAttribute("similar", overLong ? List.of() : search.similar(callers.get(), title, description, ideaId, 5));
		return "search/similar :: typing";
	}

	/** The idea page's panel for reviewers: its closest earlier ideas, each to be judged duplicate or distinct. */
	@GetMapping("/search/ideas/{id}/similar")
	String similarOfIdea(@PathVariable long id, Model model) {
		return ideaPanel(id, model);
	}

	@PostMapping("/search/ideas/{id}/judgements")
	String judge(@PathVariable long id, @RequestParam long otherId, @RequestParam SimilarIdea.Verdict verdict, Model model) {
		search.judge(callers.get(), id, otherId, verdict);
		model.addAttribute("judged", true);
		return ideaPanel(id, model);
	}

	private String ideaPanel(long id, Model model) {
		var caller = callers.get();
		IdeaView idea = ideas.get(caller, id);
		boolean canJudge = search.canJudge(caller, idea.unitId());
		String description = String.join("\n", nonNull(idea.summary()), nonNull(idea.problem()), nonNull(idea.solution()),
				nonNull(idea.novelty()));
		model.addAttribute("idea", idea);
		model.addAttribute("canJudge", canJudge);
		model.addAttribute("similar", canJudge ? search.similar(caller, idea.title(), description, id, 5) : List.of());
		return "search/similar :: review";
	}

	private static String nonNull(String s) {
		return s == null ? "" : s;
	}
}
