package vn.ideabank.idea.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.core.io.InputStreamResource;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.PageSizes;
import vn.ideabank.common.web.PagedResponse;
import vn.ideabank.idea.AttachmentView;
import vn.ideabank.idea.IdeaAttachments;
import vn.ideabank.idea.IdeaCommands.AddComment;
import vn.ideabank.idea.IdeaCommands.MarkPosted;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.idea.IdeaDetails;
import vn.ideabank.idea.IdeaFilter;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.idea.IdeaSummary;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.idea.PortalExport;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;

@RestController
@RequestMapping("/api/v1/ideas")
@Tag(name = "Ideas", description = "Ideas and initiatives within the caller's units, their lifecycle and conversation")
class IdeaApiController {

	private final IdeaService ideas;

	private final IdeaAttachments attachments;

	private final PortalExport portal;

	private final CurrentCaller callers;

	private final vn.ideabank.idea.IdeaListExport listExport;

	private final vn.ideabank.common.web.PublicLinks links;

	IdeaApiController(IdeaService ideas, IdeaAttachments attachments, PortalExport portal, CurrentCaller callers,
			vn.ideabank.idea.IdeaListExport listExport, vn.ideabank.common.web.PublicLinks links) {
		this.links = links;
		this.listExport = listExport;
		this.ideas = ideas;
		this.attachments = attachments;
		this.portal = portal;
		this.callers = callers;
	}

	@GetMapping
	@Operation(summary = "Ideas of the caller's units (and the caller's own), filtered and paginated")
	PagedResponse<IdeaSummary> list(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) IdeaStatus status, @RequestParam(required = false) IdeaKind kind,
			@RequestParam(required = false) SectorField field, @RequestParam(required = false) TargetGroup targetGroup,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(required = false) IdeaFilter.Duplicates duplicates,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		var filter = new IdeaFilter(unitId, year, status, kind, field, targetGroup, q, mine, duplicates);
		return PagedResponse.of(ideas.list(callers.get(), filter,
				PageSizes.of(page, size, Sort.by(Sort.Direction.DESC, "updatedAt").and(Sort.by("id")))));
	}

	@GetMapping("/export.xlsx")
	@Operation(summary = "The list as .xlsx (same filters as the list), streamed")
	void export(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) IdeaStatus status, @RequestParam(required = false) IdeaKind kind,
			@RequestParam(required = false) SectorField field, @RequestParam(required = false) TargetGroup targetGroup,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(required = false) IdeaFilter.Duplicates duplicates,
			jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		vn.ideabank.common.security.Caller caller = callers.get();
		IdeaFilter filter = new IdeaFilter(unitId, year, status, kind, field, targetGroup, q, mine, duplicates);
		// the list's scope check runs before the first byte (StreamedDownload): refused, a problem, not half a file
		vn.ideabank.common.web.StreamedDownload.send(response, "y-tuong.xlsx", vn.ideabank.common.web.StreamedDownload.XLSX,
				out -> listExport.write(caller, filter, out));
	}

	@GetMapping("/{id}")
	IdeaDetails get(@PathVariable long id) {
		return ideas.details(callers.get(), id);
	}

	@PostMapping
	@Operation(summary = "Enter an idea as a draft")
	ResponseEntity<IdeaView> create(@Valid @RequestBody SaveIdea command) {
		IdeaView created = ideas.create(callers.get(), command);
		return ResponseEntity.created(URI.create("/api/v1/ideas/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change an editable idea; send the version you read (409 if it changed since)")
	IdeaView update(@PathVariable long id, @RequestParam long version, @Valid @RequestBody SaveIdea command) {
		return ideas.update(callers.get(), id, command, version);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a draft (only drafts can be deleted)")
	ResponseEntity<Void> delete(@PathVariable long id, @RequestParam long version) {
		ideas.delete(callers.get(), id, version);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/steps")
	@Operation(summary = "Take a lifecycle step: SUBMIT, ENDORSE, START_REVIEW, ACCEPT, REQUEST_REVISION, REJECT, MARK_APPLIED, RECOGNISE, WITHDRAW")
	IdeaView step(@PathVariable long id, @Valid @RequestBody TakeStep command) {
		return ideas.step(callers.get(), id, command);
	}

	@PostMapping("/{id}/comments")
	@Operation(summary = "Write to the conversation, or an internal note (staff only)")
	IdeaView.Comment comment(@PathVariable long id, @Valid @RequestBody AddComment command) {
		return ideas.comment(callers.get(), id, command);
	}

	@PostMapping("/{id}/portal")
	@Operation(summary = "Record that the idea was posted to the national ideas bank, with its code and link there")
	IdeaView markPosted(@PathVariable long id, @RequestParam long version, @Valid @RequestBody MarkPosted command) {
		return ideas.markPosted(callers.get(), id, command, version);
	}

	@GetMapping("/{id}/attachments")
	List<AttachmentView> attachments(@PathVariable long id) {
		return attachments.list(callers.get(), id);
	}

	@PostMapping(value = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Attach an image, PDF or Office file (checked by content; size and count limited)")
	ResponseEntity<AttachmentView> attach(@PathVariable long id, @RequestParam("file") MultipartFile file) {
		AttachmentView saved = attachments.attach(callers.get(), id, file.getOriginalFilename(), file.getSize(),
				file::getInputStream);
		return ResponseEntity.created(URI.create("/api/v1/ideas/" + id + "/attachments/" + saved.id())).body(saved);
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	ResponseEntity<InputStreamResource> download(@PathVariable long id, @PathVariable long attachmentId) {
		return AttachmentResponses.of(attachments.open(callers.get(), id, attachmentId));
	}

	@DeleteMapping("/{id}/attachments/{attachmentId}")
	ResponseEntity<Void> removeAttachment(@PathVariable long id, @PathVariable long attachmentId) {
		attachments.remove(callers.get(), id, attachmentId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping(value = "/portal-export.csv", produces = "text/csv")
	@Operation(summary = "Selected public ideas as CSV for the national portal's bulk upload (docs/national-portal-export.md)")
	ResponseEntity<String> portalCsv(@RequestParam List<Long> ids) {
		var records = portal.records(ideas.forPortal(callers.get(), ids), baseUrl());
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ideabank-portal.csv\"")
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.body(portal.csv(records));
	}

	@GetMapping(value = "/portal-export.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Selected public ideas as JSON for the national portal (docs/national-portal-export.md)")
	List<PortalExport.PortalRecord> portalJson(@RequestParam List<Long> ids) {
		return portal.records(ideas.forPortal(callers.get(), ids), baseUrl());
	}

	private String baseUrl() {
		return links.base();
	}
}
