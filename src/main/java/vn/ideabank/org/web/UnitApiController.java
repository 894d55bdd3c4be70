package vn.ideabank.org.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.PageSizes;
import vn.ideabank.common.web.PagedResponse;
import vn.ideabank.org.UnitCommands.CreateUnit;
import vn.ideabank.org.UnitCommands.EditUnit;
import vn.ideabank.org.UnitCommands.MoveUnit;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

@RestController
@RequestMapping("/api/v1/units")
@Tag(name = "Units", description = "The organisation tree, limited to the caller's subtrees")
class UnitApiController {

	private final UnitService units;

	private final CurrentCaller callers;

	UnitApiController(UnitService units, CurrentCaller callers) {
		this.units = units;
		this.callers = callers;
	}

	@GetMapping
	@Operation(summary = "Active units the caller holds a role in, filtered by name or code")
	PagedResponse<UnitView> list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return PagedResponse.of(units.list(callers.get(), q, PageSizes.of(page, size, Sort.by("path"))));
	}

	@GetMapping("/{id}")
	UnitView get(@PathVariable long id) {
		return units.get(callers.get(), id);
	}

	@GetMapping("/{id}/children")
	List<UnitView> children(@PathVariable long id) {
		return units.children(callers.get(), id);
	}

	@PostMapping
	@Operation(summary = "Create a unit under a parent the caller manages")
	ResponseEntity<UnitView> create(@Valid @RequestBody CreateUnit command) {
		UnitView created = units.create(callers.get(), command);
		return ResponseEntity.created(URI.create("/api/v1/units/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Rename or edit a unit; send the version you read (409 if it changed since)")
	UnitView edit(@PathVariable long id, @Valid @RequestBody EditUnit command) {
		return units.edit(callers.get(), id, command);
	}

	@PostMapping("/{id}/move")
	@Operation(summary = "Move a unit and its subtree under another unit (never under itself)")
	UnitView move(@PathVariable long id, @Valid @RequestBody MoveUnit command) {
		return units.move(callers.get(), id, command);
	}
}
