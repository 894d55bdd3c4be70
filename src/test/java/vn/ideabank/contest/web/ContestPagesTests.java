package vn.ideabank.contest.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.security.Caller;
import vn.ideabank.contest.AwardTier;
import vn.ideabank.contest.ContestCommands.Award;
import vn.ideabank.contest.ContestCommands.CreateContest;
import vn.ideabank.contest.ContestKind;
import vn.ideabank.contest.ContestService;
import vn.ideabank.contest.NominationService;
import vn.ideabank.contest.ContestView;
import vn.ideabank.contest.NominationView;
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

class ContestPagesTests extends IntegrationTest {

	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();

	@Autowired
	ContestService contests;

	@Autowired
	NominationService nominationService;

	@Autowired
	UnitService units;

	@Autowired
	IdeaService ideas;

	@Autowired
	JdbcClient jdbc;

	LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

	@Test
	void badContestFormIsRefusedWithTheFieldMarked() {
		long ts = units.findByCode("TS").orElseThrow().id();
		assertThat(mvc.post().uri("/contests").with(as("huyendoan.trieuson")).with(SecurityMockMvcRequestPostProcessors.csrf())
			.param("unitId", Long.toString(ts)).param("kind", "TIN_HOC_TRE").param("name", "")
			.param("year", "2026").param("defaultQuota", "2").param("nominationOpens", "2026-05-10")
			.param("nominationCloses", "2026-05-01"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("has-error");
		assertThat(mvc.get().uri("/contests/new").with(as("doan.thodan"))).hasStatus(HttpStatus.FORBIDDEN);
	}

	/** A name past its column and an age out of range are refused on their fields, before the database sees them. */
	@Test
	void aTooLongNameAndANegativeAgeAreRefusedOnTheirFieldsInVietnamese() {
		long ts = units.findByCode("TS").orElseThrow().id();
		assertThat(mvc.post().uri("/contests").with(as("huyendoan.trieuson")).with(SecurityMockMvcRequestPostProcessors.csrf())
			.param("unitId", Long.toString(ts)).param("kind", "TIN_HOC_TRE").param("name", "Hội thi ".repeat(50))
			.param("year", "2026").param("defaultQuota", "2").param("minAge", "-1").param("maxAge", "121")
			.param("nominationOpens", "2026-05-01").param("nominationCloses", "2026-05-10"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText()
			.contains("Tối đa 300 ký tự.", "Giá trị nhỏ nhất là 0.", "Giá trị lớn nhất là 120.");
	}

	@Test
	void officeCreatesAndOpensAContestFromThePages() {
		long ts = units.findByCode("TS").orElseThrow().id();
		var created = mvc.post().uri("/contests").with(as("huyendoan.trieuson")).with(SecurityMockMvcRequestPostProcessors.csrf())
			.param("unitId", Long.toString(ts)).param("kind", "Y_TUONG_KHOI_NGHIEP").param("name", "Ý tưởng khởi nghiệp " + RUN)
			.param("year", Integer.toString(today.getYear())).param("defaultQuota", "2")
			.param("nominationOpens", today.minusDays(1).toString()).param("nominationCloses", today.plusDays(3).toString())
			.exchange();
		assertThat(created).hasStatus(HttpStatus.FOUND);
		String location = created.getResponse().getRedirectedUrl();
		assertThat(mvc.get().uri(location).with(as("huyendoan.trieuson"))).hasStatusOk().bodyText()
			.contains("Ý tưởng khởi nghiệp " + RUN, "Mở nhận đề cử");
		assertThat(mvc.get().uri("/contests").with(as("nguyen.van.an"))).hasStatusOk().bodyText().contains(RUN);
	}

	@Test
	void publicPagesShowResultsAndConfirmOnlyRealCertificates() {
		Caller admin = caller("admin");
		long ts = units.findByCode("TS").orElseThrow().id();
		UnitView unit = units.create(admin, new CreateUnit(ts, "CP" + RUN, "Chi đoàn Sao Mai " + RUN, "Chi đoàn", UnitKind.OTHER, 5));
		IdeaContent content = new IdeaContent(today.getYear(), IdeaKind.IDEA, "Ứng dụng nhắc lịch tiêm " + RUN, "Tóm tắt",
				"Vấn đề", "Giải pháp", "Điểm mới", EnumSet.of(Benefit.SAVING), null, "Xã", "Cả năm", "Không",
				ApplicationArea.PRODUCTION, SectorField.HEALTH, TargetGroup.RURAL_YOUTH, null, false);
		long ideaId = ideas.create(admin, new SaveIdea(unit.id(), content, List.of(new AuthorRef(null, "Phạm Đức Long")))).id();
		jdbc.sql("update idea set status = 'ACCEPTED' where id = :id").param("id", ideaId).update();
		ContestView c = contests.create(admin, new CreateContest(unit.id(), ContestKind.OTHER, "Hội thi công khai " + RUN,
				today.getYear(), Set.of(), null, null, Set.of(), today.minusDays(1), today.plusDays(1), 1));
		c = contests.advance(admin, c.id(), c.version());
		NominationView n = nominationService.nominate(admin, c.id(), ideaId);
		c = contests.advance(admin, c.id(), c.version());
		nominationService.award(admin, n.id(), new Award(AwardTier.CUSTOM, "Giải Ý tưởng triển vọng"), n.version());
		contests.advance(admin, c.id(), c.version());
		String code = nominationService.nominations(admin, c.id(), PageRequest.of(0, 5)).getContent().get(0).certificateCode();

		assertThat(mvc.get().uri("/public/contests/" + c.id())).hasStatusOk().bodyText()
			.contains("Giải Ý tưởng triển vọng", "Phạm Đức Long", "Ứng dụng nhắc lịch tiêm " + RUN);
		assertThat(mvc.get().uri("/public/certificates/" + code)).hasStatusOk().bodyText()
			.contains("Giấy chứng nhận hợp lệ, do Chi đoàn Sao Mai " + RUN + " cấp", "Phạm Đức Long").doesNotContain("Ideabank cấp");
		assertThat(mvc.get().uri("/public/certificates/KHONGCOMANAY234567XY")).hasStatus(HttpStatus.NOT_FOUND).bodyText()
			.contains("Không tìm thấy giấy chứng nhận");
		assertThat(mvc.get().uri("/public/certificates/" + code + "/pdf")).hasStatusOk().hasContentType("application/pdf");
	}
}
