package vn.ideabank.idea.web;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.PageForms;
import vn.ideabank.idea.IdeaAttachments;

/** Attaching, downloading and removing an idea's files from its page. */
@Controller
@RequestMapping("/ideas/{id}/attachments")
class IdeaAttachmentPageController {

	private final IdeaAttachments attachments;

	private final CurrentCaller callers;

	IdeaAttachmentPageController(IdeaAttachments attachments, CurrentCaller callers) {
		this.attachments = attachments;
		this.callers = callers;
	}

	@PostMapping
	String attach(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes redirect) {
		return PageForms.act(redirect, "/ideas/" + id + "#attachments", "ideas.notice.attached", () -> {
			if (file == null || file.isEmpty()) {
				throw new BusinessException("file", "upload.error.empty");
			}
			attachments.attach(callers.get(), id, file.getOriginalFilename(), file.getSize(), file::getInputStream);
		});
	}

	@GetMapping("/{attachmentId}")
	ResponseEntity<InputStreamResource> download(@PathVariable long id, @PathVariable long attachmentId) {
		return AttachmentResponses.of(attachments.open(callers.get(), id, attachmentId));
	}

	@PostMapping("/{attachmentId}/remove")
	String remove(@PathVariable long id, @PathVariable long attachmentId, RedirectAttributes redirect) {
		return PageForms.act(redirect, "/ideas/" + id + "#attachments", "ideas.notice.attachmentRemoved",
				() -> attachments.remove(callers.get(), id, attachmentId));
	}
}
