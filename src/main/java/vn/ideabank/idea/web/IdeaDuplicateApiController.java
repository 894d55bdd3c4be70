package vn.ideabank.idea.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.idea.IdeaDuplicates;
import vn.ideabank.idea.IdeaView;

/** Marking an idea a duplicate of an older one, and taking the mark back. */
@RestController
@RequestMapping("/api/v1/ideas/{id}/duplicate")
@Tag(name = "Ideas", description = "Ideas and initiatives within the caller's units, their lifecycle and conversation")
class IdeaDuplicateApiController {

	/** The original, by code ("TS-2026-000012") or id, and the version of the idea as read. */
	record MarkDuplicate(String original, long version) {
	}

	private final IdeaDuplicates duplicates;

	private final CurrentCaller callers;

	IdeaDuplicateApiController(IdeaDuplicates duplicates, CurrentCaller callers) {
		this.duplicates = duplicates;
		this.callers = callers;
	}

	@PostMapping
	@Operation(summary = "Mark the idea a duplicate of an older idea (it leaves every count); 422 on the field 'original'")
	IdeaView mark(@PathVariable long id, @RequestBody MarkDuplicate command) {
		return duplicates.mark(callers.get(), id, command.original(), command.version());
	}

	@DeleteMapping
	@Operation(summary = "Take the duplicate mark back (the idea counts again)")
	IdeaView unmark(@PathVariable long id, @RequestParam long version) {
		return duplicates.unmark(callers.get(), id, version);
	}
}
