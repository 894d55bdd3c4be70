package vn.ideabank.search.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.search.ThesaurusAdmin;

/** The thesaurus's administration for scripts: a system-wide administrator's API token. */
@RestController
@RequestMapping("/api/v1/admin/search/thesaurus")
@Tag(name = "Search", description = "Full-text search over the ideas the caller may open, and similar earlier ideas")
class ThesaurusApiController {

	private final ThesaurusAdmin thesaurus;

	private final CurrentCaller callers;

	ThesaurusApiController(ThesaurusAdmin thesaurus, CurrentCaller callers) {
		this.thesaurus = thesaurus;
		this.callers = callers;
	}

	/** The administrators' text (the thesaurus file's format) and the version a save must send back. */
	record ThesaurusText(String text, Long version) {
	}

	@GetMapping
	@Operation(summary = "The thesaurus in effect (groups, broader terms, dropped built-in groups) and the administrators' "
			+ "additions as text with their version (system-wide administrators)")
	ThesaurusAdmin.View get() {
		return thesaurus.view(callers.get());
	}

	@PutMapping
	@Operation(summary = "Replace the administrators' additions (checked line by line: 422 with the first problem; 409 when "
			+ "the version is not the saved one); every node uses them within seconds")
	ThesaurusAdmin.View put(@RequestBody ThesaurusText body) {
		thesaurus.save(callers.get(), body.text(), body.version() == null ? -1 : body.version());
		return thesaurus.view(callers.get());
	}
}
