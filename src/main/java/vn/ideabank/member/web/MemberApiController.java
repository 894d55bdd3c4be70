package vn.ideabank.member.web;

import java.net.URI;

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
import vn.ideabank.member.MemberFilter;
import vn.ideabank.member.MemberService;
import vn.ideabank.member.MemberStatus;
import vn.ideabank.member.MemberView;
import vn.ideabank.member.SaveMember;
import vn.ideabank.member.TargetGroup;

@RestController
@RequestMapping("/api/v1/members")
@Tag(name = "Members", description = "The roster of members, limited to the caller's subtrees")
class MemberApiController {

	private final MemberService members;

	private final CurrentCaller callers;

	MemberApiController(MemberService members, CurrentCaller callers) {
		this.members = members;
		this.callers = callers;
	}

	@GetMapping
	@Operation(summary = "Members the caller sees; name matches ignoring case and diacritics")
	PagedResponse<MemberView> list(@RequestParam(required = false) String q,
			@RequestParam(required = false) TargetGroup targetGroup, @RequestParam(required = false) MemberStatus status,
			@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return PagedResponse.of(members.list(callers.get(), new MemberFilter(q, targetGroup, status, unit),
				PageSizes.of(page, size, Sort.by("nameKey", "id"))));
	}

	@GetMapping("/{id}")
	MemberView get(@PathVariable long id) {
		return members.get(callers.get(), id);
	}

	@PostMapping
	@Operation(summary = "Add a member to a unit the caller manages")
	ResponseEntity<MemberView> create(@Valid @RequestBody SaveMember command) {
		MemberView created = members.create(callers.get(), command);
		return ResponseEntity.created(URI.create("/api/v1/members/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Edit a member; send the version you read (409 if it changed since)")
	MemberView edit(@PathVariable long id, @Valid @RequestBody SaveMember command) {
		return members.edit(callers.get(), id, command);
	}
}
