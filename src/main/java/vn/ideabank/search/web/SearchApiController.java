package vn.ideabank.search.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.PageSizes;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;
import vn.ideabank.search.SearchQuery;
import vn.ideabank.search.SearchResults;
import vn.ideabank.search.SearchService;
import vn.ideabank.search.SimilarIdea;

@RestController
@Tag(name = "Search", description = "Full-text search over the ideas the caller may open, and similar earlier ideas")
class SearchApiController {

	private final SearchService search;

	private final CurrentCaller callers;

	SearchApiController(SearchService search, CurrentCaller callers) {
		this.search = search;
		this.callers = callers;
	}

	@GetMapping("/api/v1/search/ideas")
	@Operation(summary = "Ideas matching the text (diacritics optional, one-letter typos forgiven, other ways of saying "
			+ "a phrase the thesaurus knows found too unless expand=false: listed in alsoSearched), with highlights; "
			+ "the total is exact when totalExact, otherwise a lower bound")
	SearchResults search(@RequestParam(required = false) String q, @RequestParam(required = false) Long unitId,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) IdeaStatus status,
			@RequestParam(required = false) IdeaKind kind, @RequestParam(required = false) SectorField field,
			@RequestParam(required = false) TargetGroup targetGroup, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) Boolean expand) {
		var pageable = PageSizes.of(page, size, org.springframework.data.domain.Sort.unsorted());
		return search.search(callers.get(), new SearchQuery(q, unitId, year, status, kind, field, targetGroup, expand == null || expand),
				pageable.getPageNumber(), pageable.getPageSize());
	}

	/** A search whose text does not fit a URL: the same parameters as a JSON body, the text up to 10,000 characters. */
	record SearchRequest(@Size(max = 10_000) String q, Long unitId, Integer year, IdeaStatus status, IdeaKind kind,
			SectorField field, TargetGroup targetGroup, Integer page, Integer size, Boolean expand) {
	}

	@PostMapping("/api/v1/search/ideas")
	@Operation(summary = "The same search with its parameters in a JSON body, for a text of up to 10,000 characters "
			+ "(only the first 500 are searched)")
	SearchResults searchPosted(@jakarta.validation.Valid @RequestBody SearchRequest body) {
		return search(body.q(), body.unitId(), body.year(), body.status(), body.kind(), body.field(), body.targetGroup(),
				body.page(), body.size(), body.expand());
	}

	@GetMapping("/api/v1/search/facets")
	@Operation(summary = "For the same text and filters: how many matching ideas have each year, status, kind, field, "
			+ "target group and unit (at most 30 values each)")
	Map<String, Map<String, Long>> facets(@RequestParam(required = false) String q, @RequestParam(required = false) Long unitId,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) IdeaStatus status,
			@RequestParam(required = false) IdeaKind kind, @RequestParam(required = false) SectorField field,
			@RequestParam(required = false) TargetGroup targetGroup, @RequestParam(required = false) Boolean expand) {
		return search.facets(callers.get(), new SearchQuery(q, unitId, year, status, kind, field, targetGroup, expand == null || expand));
	}

	/** The limits of an idea's title and of its summary, problem, solution and novelty together (IdeaContent). */
	record SimilarRequest(@Size(max = 300) String title, @Size(max = 62_010) String description) {
	}

	@PostMapping("/api/v1/ideas/similar")
	@Operation(summary = "Up to five earlier ideas that look like the given title and description, with a similarity in 0..1")
	List<SimilarIdea> similar(@jakarta.validation.Valid @RequestBody SimilarRequest body) {
		return search.similar(callers.get(), body.title(), body.description(), null, 5);
	}
}
