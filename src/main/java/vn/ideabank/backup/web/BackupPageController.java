package vn.ideabank.backup.web;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import vn.ideabank.backup.BackupService;
import vn.ideabank.backup.BackupView;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.Messages;
import vn.ideabank.common.web.PageForms;

/** Backups for system-wide administrators (/admin/** is for ADMIN only; the service checks system-wide). */
@Controller
class BackupPageController {

	private final BackupService backups;

	private final CurrentCaller callers;

	private final Messages messages;

	BackupPageController(BackupService backups, CurrentCaller callers, Messages messages) {
		this.backups = backups;
		this.callers = callers;
		this.messages = messages;
	}

	@GetMapping("/admin/backup")
	String page(Model model) {
		return page(model, null, null);
	}

	@PostMapping("/admin/backup")
	String create(Model model) {
		return PageForms.attempt(() -> {
			BackupView created = backups.create(callers.get());
			return page(model, messages.get("backup.admin.created", created.name()), null);
		}, e -> page(model, null, messages.of(e)));
	}

	@GetMapping("/admin/backup/{name}")
	ResponseEntity<Resource> download(@PathVariable String name) {
		return download(backups, callers, name);
	}

	static ResponseEntity<Resource> download(BackupService backups, CurrentCaller callers, String name) {
		var file = backups.file(callers.get(), name);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(new FileSystemResource(file));
	}

	private String page(Model model, String notice, String error) {
		model.addAttribute("backups", backups.list(callers.get()));
		model.addAttribute("directory", backups.directory().toString());
		model.addAttribute("notice", notice);
		model.addAttribute("error", error);
		return "backup/admin";
	}
}
