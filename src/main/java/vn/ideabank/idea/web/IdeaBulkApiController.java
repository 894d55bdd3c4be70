package vn.ideabank.idea.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.Messages;
import vn.ideabank.idea.IdeaBulkSteps;
import vn.ideabank.idea.IdeaBulkSteps.Outcome;
import vn.ideabank.idea.IdeaBulkSteps.Selection;
import vn.ideabank.idea.IdeaFilter;
import vn.ideabank.idea.IdeaReferences;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.idea.IdeaStep;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;

/** Bulk steps through the API: one lifecycle step (or another module's action) on many ideas. */
@RestController
@RequestMapping("/api/v1/ideas/steps")
@Tag(name = "Ideas", description = "Ideas and initiatives within the caller's units, their lifecycle and conversation")
class IdeaBulkApiController {

	/** The parameters of {@code GET /api/v1/ideas}, as an object. */
	record Filter(Long unitId, Integer year, IdeaStatus status, IdeaKind kind, SectorField field, TargetGroup targetGroup,
			String q, Boolean mine, IdeaFilter.Duplicates duplicates) {

		IdeaFilter toFilter() {
			return new IdeaFilter(unitId, year, status, kind, field, targetGroup, q, Boolean.TRUE.equals(mine), duplicates);
		}
	}

	/**
	 * A lifecycle {@code step} (with {@code reason} where it needs one), or an {@code action} of another
	 * module with its target ({@code "ASSIGN_COUNCIL"} and {@code councilId}); on {@code ids} (numbers, or the
	 * codes shown on the ideas: {@code ["TS-2026-000001", 12]}) or on every idea matching {@code filter}.
	 */
	record BulkRequest(IdeaStep step, String reason, String action, Long councilId, Long targetId, List<String> ids,
			Filter filter) {
	}

	/** An idea left unchanged: why in a word ({@code code}), the single step's message, and the idea's code and title when readable. */
	record Refused(long id, String code, String reason, String ideaCode, String title) {
	}

	record BulkResponse(List<Long> done, List<Refused> refused) {
	}

	private final IdeaBulkSteps bulk;

	private final IdeaReferences references;

	private final CurrentCaller callers;

	private final Messages messages;

	IdeaBulkApiController(IdeaBulkSteps bulk, IdeaReferences references, CurrentCaller callers, Messages messages) {
		this.bulk = bulk;
		this.references = references;
		this.callers = callers;
		this.messages = messages;
	}

	@PostMapping
	@Operation(summary = "One lifecycle step (or ASSIGN_COUNCIL) on up to 5,000 ideas, by ids or by the list's filter; "
			+ "each idea done or refused with the single step's reason")
	BulkResponse apply(@RequestBody BulkRequest request) {
		Caller caller = callers.get();
		Selection selection = new Selection(ids(caller, request.ids()), request.filter() == null ? null : request.filter().toFilter());
		Outcome outcome;
		if (request.action() != null) {
			if (request.step() != null) {
				throw new BusinessException("action", "idea.bulk.error.stepOrAction");
			}
			Long target = request.councilId() != null ? request.councilId() : request.targetId();
			if (target == null) {
				throw new BusinessException("councilId", "idea.bulk.error.noTarget");
			}
			outcome = bulk.act(caller, selection, request.action(), target);
		}
		else {
			outcome = bulk.step(caller, selection, request.step(), request.reason());
		}
		return new BulkResponse(outcome.done(), outcome.refused().stream()
			.map(r -> new Refused(r.id(), r.code(), messages.get(r.messageKey(), r.args().toArray()), r.ideaCode(), r.title()))
			.toList());
	}

	/**
	 * Numbers pass as they are (the bulk step refuses, and lists, those the caller may not touch); a code names
	 * an idea the caller reads, or the whole request is refused on "ids" (an unknown code is a typing error).
	 */
	private List<Long> ids(Caller caller, List<String> refs) {
		if (refs == null) {
			return null;
		}
		return refs.stream().filter(r -> r != null && !r.isBlank())
			.map(r -> r.strip().matches("[0-9]{1,18}") ? Long.valueOf(r.strip()) : references.resolve(caller, r, "ids"))
			.toList();
	}
}
