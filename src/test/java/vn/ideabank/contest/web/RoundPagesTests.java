package vn.ideabank.contest.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.security.Caller;
import vn.ideabank.contest.ContestView;
import vn.ideabank.contest.NominationView;
import vn.ideabank.contest.RoundTestData;
import vn.ideabank.contest.RoundViews.RoundView;
import vn.ideabank.org.UnitView;

/** The judge's score form (422 on a bad score, 409 on a stale form, 404 for others) and the rules document. */
class RoundPagesTests extends IntegrationTest {

	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toLowerCase();

	private static int seq;

	@Autowired
	ApplicationContext context;

	ContestView contest;

	NominationView entry;

	RoundView round;

	String judge;

	@BeforeEach
	void judgingContestWithAnOpenRound() {
		RoundTestData data = new RoundTestData(context, this::caller);
		String p = "RP" + RUN.toUpperCase() + (seq++);
		UnitView unit = data.unit(data.units.findByCode("TS").orElseThrow().id(), p, "Đoàn trường Hồng Đức " + p, "Đoàn cơ sở");
		judge = "giam-khao-" + p.toLowerCase();
		data.person(judge, "Giám khảo Vũ Thị Lan", unit);
		long ideaId = data.acceptedIdea(unit.id(), "Robot tưới cây " + p, "Đặng Quốc Huy");
		Caller office = caller("huyendoan.trieuson");
		contest = data.openContest(office, unit.id(), "Sáng tạo thanh thiếu niên " + p);
		entry = data.nominations.nominate(office, contest.id(), ideaId);
		contest = data.judging(office, contest.id());
		round = data.open(office, data.round(office, contest.id(), "Vòng sơ khảo", false, RoundTestData.TODAY, judge));
	}

	private String scoreUri() {
		return "/contests/rounds/" + round.id() + "/entries/" + entry.id();
	}

	@Test
	void aJudgeScoresFromTheFormAndBadOrStaleFormsAreRefused() {
		assertThat(mvc.get().uri("/contests/judging").with(as(judge))).hasStatusOk().bodyText()
			.contains("Vòng 1: Vòng sơ khảo", "Đã chấm 0 / 1 sản phẩm");
		assertThat(mvc.get().uri(scoreUri()).with(as(judge))).hasStatusOk().bodyText().contains(entry.ideaTitle(), "Tính mới");
		// someone who is not a judge of the round cannot even see the form
		assertThat(mvc.get().uri(scoreUri()).with(as("tran.thi.binh"))).hasStatus(HttpStatus.NOT_FOUND);

		assertThat(mvc.post().uri(scoreUri()).with(as(judge)).with(SecurityMockMvcRequestPostProcessors.csrf())
			.param("version", "0").param("v_NOVELTY", "12").param("v_BENEFIT", "6").param("v_SCOPE", "5")
			.param("v_FEASIBILITY", "10"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText()
			.contains("Điểm tiêu chí „Tính mới“ phải là số nguyên từ 0 đến 10.", "has-error");
		assertThat(mvc.post().uri(scoreUri()).with(as(judge)).with(SecurityMockMvcRequestPostProcessors.csrf())
			.param("version", "0").param("v_NOVELTY", "8").param("v_BENEFIT", "6").param("v_SCOPE", "5")
			.param("v_FEASIBILITY", "10").param("comment", "Ý tưởng thiết thực"))
			.hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri(scoreUri()).with(as(judge))).hasStatusOk().bodyText().contains("72,00");
		// the same form sent again (version 0) is stale now
		assertThat(mvc.post().uri(scoreUri()).with(as(judge)).with(SecurityMockMvcRequestPostProcessors.csrf())
			.param("version", "0").param("v_NOVELTY", "1").param("v_BENEFIT", "1").param("v_SCOPE", "1")
			.param("v_FEASIBILITY", "1"))
			.hasStatus(HttpStatus.CONFLICT);
		// the organiser's result table shows the judge's total and the aggregate
		assertThat(mvc.get().uri("/contests/rounds/" + round.id()).with(as("huyendoan.trieuson"))).hasStatusOk().bodyText()
			.contains("Giám khảo Vũ Thị Lan", "72,00", "Điểm tổng hợp");
		assertThat(mvc.get().uri("/contests/rounds/" + round.id()).with(as(judge))).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void theRulesDocumentIsCheckedByContentAndReadableByThoseWhoSeeTheContest() {
		String uri = "/contests/" + contest.id() + "/rules";
		byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
			.getBytes(StandardCharsets.US_ASCII);
		assertThat(mvc.post().uri(uri).multipart().file(new MockMultipartFile("file", "the-le.txt", "text/plain", "Thể lệ".getBytes(StandardCharsets.UTF_8)))
			.with(as("huyendoan.trieuson")).with(SecurityMockMvcRequestPostProcessors.csrf()))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("Thể lệ phải là tệp PDF hoặc DOCX");
		// named .pdf but not a PDF inside
		assertThat(mvc.post().uri(uri).multipart().file(new MockMultipartFile("file", "the-le.pdf", "application/pdf", "<html>".getBytes(StandardCharsets.UTF_8)))
			.with(as("huyendoan.trieuson")).with(SecurityMockMvcRequestPostProcessors.csrf()))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(mvc.get().uri(uri).with(as(judge))).hasStatus(HttpStatus.NOT_FOUND);
		// only the organiser uploads
		assertThat(mvc.post().uri(uri).multipart().file(new MockMultipartFile("file", "the-le.pdf", "application/pdf", pdf))
			.with(as(judge)).with(SecurityMockMvcRequestPostProcessors.csrf()))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri(uri).multipart().file(new MockMultipartFile("file", "Thể lệ hội thi.pdf", "application/pdf", pdf))
			.with(as("huyendoan.trieuson")).with(SecurityMockMvcRequestPostProcessors.csrf()))
			.hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/contests/" + contest.id()).with(as(judge))).hasStatusOk().bodyText()
			.contains("Tải thể lệ: Thể lệ hội thi.pdf");
		assertThat(mvc.get().uri(uri).with(as(judge))).hasStatusOk().hasContentType("application/pdf")
			.hasBodyTextEqualTo(new String(pdf, StandardCharsets.US_ASCII));
		// a unit officer of another commune does not see the contest
		assertThat(mvc.get().uri(uri).with(as("doan.thotan"))).hasStatus(HttpStatus.NOT_FOUND);
	}
}
