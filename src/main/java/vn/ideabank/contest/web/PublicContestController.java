package vn.ideabank.contest.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.ideabank.contest.ContestCertificates;
import vn.ideabank.contest.ContestService;

/** Published results and certificate verification, open to everyone; no contacts or private data. */
@Controller
class PublicContestController {

	private final ContestService contests;

	private final ContestCertificates certificates;

	PublicContestController(ContestService contests, ContestCertificates certificates) {
		this.contests = contests;
		this.certificates = certificates;
	}

	@GetMapping("/public/contests/{id}")
	String results(@PathVariable long id, Model model) {
		model.addAttribute("contest", contests.publicContest(id));
		model.addAttribute("results", contests.publicResults(id));
		return "contest/public-results";
	}

	/** Confirms a certificate, or says plainly that no certificate has this code (404). */
	@GetMapping("/public/certificates/{code}")
	String verify(@PathVariable String code, Model model, HttpServletResponse response) {
		var found = certificates.verify(code);
		if (found.isEmpty()) {
			response.setStatus(404);
		}
		model.addAttribute("certificate", found.orElse(null));
		model.addAttribute("issuer", found.map(ContestCertificates::issuer).orElse(null));
		model.addAttribute("code", code);
		return "contest/verify";
	}

	@GetMapping("/public/certificates/{code}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String code) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		certificates.pdf(code, out);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("giay-chung-nhan-" + code + ".pdf").build().toString())
			.contentType(MediaType.APPLICATION_PDF).body(out.toByteArray());
	}
}
