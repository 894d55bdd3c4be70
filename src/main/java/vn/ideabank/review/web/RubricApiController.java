package vn.ideabank.review.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.review.RubricCommands.SaveRubric;
import vn.ideabank.review.RubricService;
import vn.ideabank.review.RubricView;

@RestController
@RequestMapping("/api/v1/rubrics")
@Tag(name = "Rubrics", description = "Scoring rubrics: the caller's units' own and those of the units above them")
class RubricApiController {

	private final RubricService rubrics;

	private final CurrentCaller callers;

	RubricApiController(RubricService rubrics, CurrentCaller callers) {
		this.rubrics = rubrics;
		this.callers = callers;
	}

	/** A new rubric: the unit it belongs to, its name and criteria (weights are percentages summing to 100). */
	record CreateRubric(Long unitId, String name, List<vn.ideabank.review.RubricCommands.CriterionInput> criteria) {
	}

	/** A rubric's next version or a correction: the rubric's version read (409 if it changed since). */
	record ReviseRubric(String name, List<vn.ideabank.review.RubricCommands.CriterionInput> criteria, long version) {
	}

	@GetMapping
	@Operation(summary = "The newest version of every rubric the caller sees")
	List<RubricView.Summary> list() {
		return rubrics.list(callers.get());
	}

	@GetMapping("/{id}")
	@Operation(summary = "A rubric with all its versions, each marked used when a score was given with it")
	RubricView.Details get(@PathVariable long id) {
		return rubrics.get(callers.get(), id);
	}

	@PostMapping
	@Operation(summary = "Write a rubric at a unit whose office the caller holds")
	ResponseEntity<RubricView> create(@RequestBody CreateRubric body) {
		RubricView created = rubrics.create(callers.get(), body.unitId() == null ? 0 : body.unitId(),
				new SaveRubric(body.name(), body.criteria()));
		return ResponseEntity.created(URI.create("/api/v1/rubrics/" + created.rubricId())).body(created);
	}

	@PostMapping("/{id}/versions")
	@Operation(summary = "Save the rubric's next version; earlier versions and their scores stay as they were")
	ResponseEntity<RubricView> newVersion(@PathVariable long id, @RequestBody ReviseRubric body) {
		RubricView saved = rubrics.newVersion(callers.get(), id, new SaveRubric(body.name(), body.criteria()),
				body.version());
		return ResponseEntity.created(URI.create("/api/v1/rubrics/" + id)).body(saved);
	}

	@PutMapping("/{id}/versions/{versionId}")
	@Operation(summary = "Correct a version that no score uses yet (422 once a score uses it)")
	RubricView correct(@PathVariable long id, @PathVariable long versionId, @RequestBody ReviseRubric body) {
		RubricView v = rubrics.version(versionId);
		if (v.rubricId() != id) {
			throw new vn.ideabank.common.error.NotFoundException("review.rubric.notFound");
		}
		return rubrics.correct(callers.get(), versionId, new SaveRubric(body.name(), body.criteria()), body.version());
	}
}
