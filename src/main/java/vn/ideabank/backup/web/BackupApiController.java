package vn.ideabank.backup.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.ideabank.backup.BackupService;
import vn.ideabank.backup.BackupView;
import vn.ideabank.common.security.CurrentCaller;

/** The same backups for scripts (cron): a system-wide administrator's API token. */
@RestController
@RequestMapping("/api/v1/admin/backups")
@Tag(name = "Backups", description = "Consistent backups of the database and the stored files (system-wide administrators)")
class BackupApiController {

	private final BackupService backups;

	private final CurrentCaller callers;

	BackupApiController(BackupService backups, CurrentCaller callers) {
		this.backups = backups;
		this.callers = callers;
	}

	@PostMapping
	@Operation(summary = "Take a backup now (answers when it is complete); 422 while another one runs")
	ResponseEntity<BackupView> create() {
		BackupView created = backups.create(callers.get());
		return ResponseEntity.created(URI.create("/api/v1/admin/backups/" + created.name())).body(created);
	}

	@GetMapping
	@Operation(summary = "The backups kept in the backup directory, newest first")
	List<BackupView> list() {
		return backups.list(callers.get());
	}

	@GetMapping("/{name}")
	@Operation(summary = "Download a backup (.zip)")
	ResponseEntity<Resource> download(@PathVariable String name) {
		return BackupPageController.download(backups, callers, name);
	}
}
