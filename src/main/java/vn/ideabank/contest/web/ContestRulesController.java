package vn.ideabank.contest.web;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.contest.ContestRulesDocuments;

/** Downloading a contest's rules document, for everyone who sees the contest (the upload is on the contest page). */
@Controller
@RequestMapping("/contests/{id}/rules")
class ContestRulesController {

	private final ContestRulesDocuments documents;

	private final CurrentCaller callers;

	ContestRulesController(ContestRulesDocuments documents, CurrentCaller callers) {
		this.documents = documents;
		this.callers = callers;
	}

	@GetMapping
	ResponseEntity<InputStreamResource> download(@PathVariable long id) {
		ContestRulesDocuments.Download d = documents.open(callers.get(), id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(d.document().contentType()))
			.contentLength(d.document().size())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(d.document().fileName(), StandardCharsets.UTF_8).build().toString())
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.body(new InputStreamResource(d.content()));
	}
}
