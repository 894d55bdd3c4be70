package vn.ideabank.contest.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.PublicLinks;
import vn.ideabank.common.web.StreamedDownload;
import vn.ideabank.contest.AwardDocuments;
import vn.ideabank.contest.CertificateView;
import vn.ideabank.contest.ContestCertificates;
import vn.ideabank.contest.ContestService;

/**
 * A contest's papers over the API, with the rules of the pages that print them: the award decision and the awards
 * list for the organiser's office (403 for others who see the contest, 404 for those who do not), and the
 * certificates of a published contest for everyone who sees it.
 */
@RestController
@RequestMapping("/api/v1/contests")
@Tag(name = "Contests", description = "The award decision, the awards list and the certificates of a contest")
class ContestApiController {

	private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	private final ContestService contests;

	private final AwardDocuments documents;

	private final PublicLinks links;

	private final CurrentCaller callers;

	ContestApiController(ContestService contests, AwardDocuments documents, PublicLinks links, CurrentCaller callers) {
		this.contests = contests;
		this.documents = documents;
		this.links = links;
		this.callers = callers;
	}

	/** A certificate as issued, with the public addresses that check it and print it. */
	record CertificateLink(String code, String recipient, String award, String ideaTitle, String unitName, String issuer,
			String signerName, String signerTitle, String decisionNumber, LocalDate decisionDate, Instant issuedAt,
			String checkUrl, String pdfUrl) {
	}

	@GetMapping("/{id}/award-decision.docx")
	@Operation(summary = "The award decision (Quyết định khen thưởng, Nghị định 30/2020 layout) with the awards list, as .docx: the organiser's office only")
	void decisionDocx(@PathVariable long id, HttpServletResponse response) throws IOException {
		var caller = callers.get();
		// the whole paper first: a refusal is a problem response, never half a file
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		documents.decisionDocx(caller, id, bytes);
		StreamedDownload.send(response, "quyet-dinh-khen-thuong-" + id + ".docx", DOCX, bytes::writeTo);
	}

	@GetMapping("/{id}/awards.pdf")
	@Operation(summary = "The awards list alone to print (A4 PDF, page numbers): the organiser's office only")
	void awardsPdf(@PathVariable long id, HttpServletResponse response) throws IOException {
		var caller = callers.get();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		documents.listPdf(caller, id, bytes);
		StreamedDownload.send(response, "danh-sach-khen-thuong-" + id + ".pdf", "application/pdf", bytes::writeTo);
	}

	@GetMapping("/{id}/certificates")
	@Operation(summary = "The certificates of a published contest the caller sees, in the order of its results (empty before publication)")
	List<CertificateLink> certificates(@PathVariable long id) {
		return contests.certificates(callers.get(), id).stream().map(this::link).toList();
	}

	private CertificateLink link(CertificateView c) {
		return new CertificateLink(c.code(), c.recipient(), c.awardLabel(), c.ideaTitle(), c.unitName(),
				ContestCertificates.issuer(c), c.signerName(), c.signerTitle(), c.decisionNumber(), c.decisionDate(),
				c.issuedAt(), links.absolute("/public/certificates/" + c.code()),
				links.absolute("/public/certificates/" + c.code() + "/pdf"));
	}
}
