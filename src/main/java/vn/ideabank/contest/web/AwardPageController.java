package vn.ideabank.contest.web;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.PageForms;
import vn.ideabank.common.web.StreamedDownload;
import vn.ideabank.contest.AwardDocuments;
import vn.ideabank.contest.ContestCommands.AwardDecision;
import vn.ideabank.contest.ContestService;

/** The organiser's award decision: its signer and number (form on the contest page), the .docx and the printable list. */
@Controller
@RequestMapping("/contests/{id}")
class AwardPageController {

	private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	private final ContestService contests;

	private final AwardDocuments documents;

	private final CurrentCaller callers;

	AwardPageController(ContestService contests, AwardDocuments documents, CurrentCaller callers) {
		this.contests = contests;
		this.documents = documents;
		this.callers = callers;
	}

	@PostMapping("/decision")
	String decide(@PathVariable long id, @RequestParam(required = false) String signerName,
			@RequestParam(required = false) String signerTitle, @RequestParam(required = false) String decisionNumber,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decisionDate,
			@RequestParam(defaultValue = "0") long version, RedirectAttributes redirect) {
		return PageForms.act(redirect, "/contests/" + id, "contest.decision.saved", () -> contests.decide(callers.get(), id,
				new AwardDecision(signerName, signerTitle, decisionNumber, decisionDate), version));
	}

	@GetMapping("/award-decision.docx")
	void decisionDocx(@PathVariable long id, HttpServletResponse response) throws IOException {
		StreamedDownload.send(response, "quyet-dinh-khen-thuong-" + id + ".docx", DOCX,
				out -> documents.decisionDocx(callers.get(), id, out));
	}

	@GetMapping("/awards.pdf")
	void listPdf(@PathVariable long id, HttpServletResponse response) throws IOException {
		StreamedDownload.send(response, "danh-sach-khen-thuong-" + id + ".pdf", "application/pdf",
				out -> documents.listPdf(callers.get(), id, out));
	}
}
