package vn.ideabank.contest.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;

import vn.ideabank.IntegrationTest;
import vn.ideabank.account.AccountKind;
import vn.ideabank.account.AccountService;
import vn.ideabank.common.security.Caller;
import vn.ideabank.contest.ContestCommands.CreateContest;
import vn.ideabank.contest.ContestKind;
import vn.ideabank.contest.ContestRounds;
import vn.ideabank.contest.ContestService;
import vn.ideabank.contest.ContestView;
import vn.ideabank.contest.NominationView;
import vn.ideabank.contest.RoundCommands.SaveRound;
import vn.ideabank.contest.RoundViews.RoundView;
import vn.ideabank.common.security.Role;
import vn.ideabank.idea.ApplicationArea;
import vn.ideabank.idea.Benefit;
import vn.ideabank.idea.IdeaCommands.AuthorRef;
import vn.ideabank.idea.IdeaCommands.IdeaContent;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;
import vn.ideabank.org.UnitCommands.CreateUnit;
import vn.ideabank.org.UnitKind;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.review.RubricService;

/** The judge's score form (422 on a bad score, 409 on a stale form, 404 for others) and the rules document. */
class RoundPagesTests extends IntegrationTest {

	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toLowerCase();

	private static int seq;

	@Autowired
	ContestService contests;

	@Autowired
	ContestRounds rounds;

	@Autowired
	RubricService rubrics;

	@Autowired
	UnitService units;

	@Autowired
	IdeaService ideas;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

	ContestView contest;

	NominationView entry;

	RoundView round;

	String judge;

	@BeforeEach
	void judgingContestWithAnOpenRound() {
		Caller admin = caller("admin");
		String p = "RP" + RUN.toUpperCase() + (seq++);
		long ts = units.findByCode("TS").orElseThrow().id();
		UnitView unit = units.create(admin, new CreateUnit(ts, p, "Đoàn trường Hồng Đức " + p, "Đoàn cơ sở", UnitKind.OTHER, 5));
		judge = "giam-khao-" + p.toLowerCase();
		accounts.createBySystem(judge, "Giám khảo Vũ Thị Lan", AccountKind.PERSON, unit.code(), Role.MEMBER, "x-password-123");
		IdeaContent content = new IdeaContent(today.getYear(), IdeaKind.IDEA, "Robot tưới cây " + p, "Tóm tắt", "Vấn đề",
				"Giải pháp", "Điểm mới", EnumSet.of(Benefit.SAVING), null, "Xã", "Cả năm", "Không",
				ApplicationArea.PRODUCTION, SectorField.AGRICULTURE, TargetGroup.STUDENT, null, false);
		long ideaId = ideas.create(admin, new SaveIdea(unit.id(), content, List.of(new AuthorRef(null, "Đặng Quốc Huy")))).id();
		jdbc.sql("update idea set status = 'ACCEPTED' where id = :id").param("id", ideaId).update();
		Caller office = caller("huyendoan.trieuson");
		contest = contests.create(office, new CreateContest(unit.id(), ContestKind.SANG_TAO_TTNND, "Sáng tạo thanh thiếu niên " + p,
				today.getYear(), Set.of(), null, null, Set.of(), today.minusDays(1), today.plusDays(1), 3));
		contest = contests.advance(office, contest.id(), contest.version());
		entry = contests.nominate(office, contest.id(), ideaId);
		contest = contests.advance(office, contest.id(), contest.version());
		round = rounds.create(office, contest.id(), new SaveRound("Vòng sơ khảo", rubrics.defaultRubric().versionId(), today,
				today.plusDays(2), false, BigDecimal.valueOf(20)));
		rounds.addJudge(office, round.id(), judge);
		round = rounds.open(office, round.id(), rounds.round(office, round.id()).version());
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
