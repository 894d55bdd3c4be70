package vn.ideabank.contest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Grant;
import vn.ideabank.common.security.Role;
import vn.ideabank.contest.ContestCommands.Award;
import vn.ideabank.contest.ContestCommands.CreateContest;
import vn.ideabank.idea.ApplicationArea;
import vn.ideabank.idea.Benefit;
import vn.ideabank.idea.IdeaCommands.AuthorRef;
import vn.ideabank.idea.IdeaCommands.IdeaContent;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;
import vn.ideabank.org.UnitCommands.CreateUnit;
import vn.ideabank.org.UnitKind;
import vn.ideabank.org.UnitService;
import vn.ideabank.quota.TargetKind;
import vn.ideabank.quota.TargetRule;
import vn.ideabank.org.UnitView;

class ContestServiceTests extends IntegrationTest {

	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();

	private static int seq;

	@Autowired
	ContestService contests;

	@Autowired
	NominationService nominationService;

	@Autowired
	ContestCertificates certificates;

	@Autowired
	AwardDocuments awardDocuments;

	@Autowired
	CertificateRepository certificateRepository;

	@Autowired
	org.thymeleaf.ITemplateEngine templates;

	@Autowired
	UnitService units;

	@Autowired
	IdeaService ideas;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ContestTargets targets;

	@Autowired
	ContestTargets.Participation participation;

	Caller admin;

	UnitView organiser, unitA, unitB;

	Caller office, officerA, officerB;

	int year = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();

	LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

	@BeforeEach
	void units() {
		admin = caller("admin");
		String p = "CT" + RUN + (seq++);
		long ts = units.findByCode("TS").orElseThrow().id();
		organiser = units.create(admin, new CreateUnit(ts, p, "Ban tổ chức hội thi " + p, "Đoàn cơ sở", UnitKind.OTHER, 10));
		unitA = units.create(admin, new CreateUnit(organiser.id(), p + "A", "Chi đoàn Ánh Dương " + p, "Chi đoàn", UnitKind.OTHER, 10));
		unitB = units.create(admin, new CreateUnit(organiser.id(), p + "B", "Chi đoàn Bình Minh " + p, "Chi đoàn", UnitKind.OTHER, 10));
		office = at("huyendoan.trieuson", Role.OFFICE, organiser);
		officerA = at("doan.thodan", Role.UNIT_OFFICER, unitA);
		officerB = at("doan.thotan", Role.UNIT_OFFICER, unitB);
	}

	private Caller at(String username, Role role, UnitView unit) {
		Caller c = caller(username);
		return new Caller(c.accountId(), c.username(), c.displayName(), List.of(new Grant(role, unit.id(), unit.path())));
	}

	private long idea(UnitView unit, String title, IdeaStatus status, int ideaYear, SectorField field) {
		IdeaContent content = new IdeaContent(ideaYear, IdeaKind.IDEA, title, "Tóm tắt " + title, "Vấn đề", "Giải pháp",
				"Điểm mới", EnumSet.of(Benefit.SAVING), null, "Xã", "Cả năm", "Không", ApplicationArea.PRODUCTION, field,
				TargetGroup.RURAL_YOUTH, null, false);
		long id = ideas.create(admin, new SaveIdea(unit.id(), content, List.of(new AuthorRef(null, "Nguyễn Thị Hằng")))).id();
		jdbc.sql("update idea set status = :s where id = :id").param("s", status.name()).param("id", id).update();
		return id;
	}

	private long idea(UnitView unit, String title) {
		return idea(unit, title, IdeaStatus.ACCEPTED, year, SectorField.AGRICULTURE);
	}

	private ContestView open(int quota, Set<SectorField> fields, LocalDate opens, LocalDate closes) {
		ContestView c = contests.create(office, new CreateContest(organiser.id(), ContestKind.XET_CHON_KHCN,
				"Hội thi sáng tạo trẻ " + RUN, year, Set.of(), 16, 35, fields, opens, closes, quota));
		return contests.advance(office, c.id(), c.version());
	}

	private ContestView open(int quota) {
		return open(quota, Set.of(), today.minusDays(1), today.plusDays(5));
	}

	@Test
	void contestsCountAsHeldAndNominationsAsParticipationInTheCriterion() {
		contests.create(office, new CreateContest(organiser.id(), ContestKind.TIN_HOC_TRE, "Bản nháp " + RUN, year, Set.of(),
				null, null, Set.of(), today.minusDays(1), today.plusDays(5), 1)); // a draft is not held
		ContestView held = open(2);
		TargetRule rule = TargetRule.of(TargetKind.CONTESTS_HELD);
		assertThat(targets.countByChild(rule, organiser, year, 1, 12)).containsExactly(Map.entry(organiser.id(), 1L));
		assertThat(targets.countByMonth(rule, organiser, year)).containsExactly(Map.entry(today.minusDays(1).getMonthValue(), 1L));
		assertThat(targets.countByChild(rule, unitA, year, 1, 12)).isEmpty();

		nominationService.nominate(officerA, held.id(), idea(unitA, "Máy gieo hạt"));
		// A took part in the contest open to it; B, under the same organiser, did not
		assertThat(participation.value(unitA, year).getAsDouble()).isPositive();
		assertThat(participation.value(unitB, year)).hasValue(0.0);
		assertThat(participation.value(unitA, year + 1)).isEmpty();
	}

	@Test
	void onlyAnOfficeCoveringTheUnitOrganisesAndDatesAreChecked() {
		assertThatThrownBy(() -> contests.create(officerA, new CreateContest(organiser.id(), ContestKind.TIN_HOC_TRE, "X",
				year, Set.of(), null, null, Set.of(), today, today, 1))).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> contests.create(office, new CreateContest(organiser.id(), ContestKind.TIN_HOC_TRE, "X",
				year, Set.of(), null, null, Set.of(), today, today.minusDays(1), 1)))
			.isInstanceOf(BusinessException.class).extracting("field").isEqualTo("nominationCloses");
	}

	@Test
	void aUnitNominatesUpToItsQuotaAndAnOverrideRaisesIt() {
		ContestView c = open(2);
		nominationService.nominate(officerA, c.id(), idea(unitA, "Máy sấy nông sản"));
		nominationService.nominate(officerA, c.id(), idea(unitA, "Bẫy côn trùng"));
		long third = idea(unitA, "Phân bón hữu cơ");
		assertThatThrownBy(() -> nominationService.nominate(officerA, c.id(), third))
			.isInstanceOf(BusinessException.class).hasMessage("contest.error.quotaUsed");
		// unit B's quota is its own
		nominationService.nominate(officerB, c.id(), idea(unitB, "Vườn rau sạch"));
		nominationService.setQuota(office, c.id(), unitA.id(), 3);
		assertThat(nominationService.nominate(officerA, c.id(), third).unitId()).isEqualTo(unitA.id());
		assertThat(nominationService.quotaUnits(office, c.id())).filteredOn(q -> q.unitId() == unitA.id())
			.singleElement().satisfies(q -> {
				assertThat(q.quota()).isEqualTo(3);
				assertThat(q.used()).isEqualTo(3);
			});
		// the organiser sees all four entries; unit B its own and those it may read: A's public ideas, not the one
		// whose authors opted out of public pages (EntryVisibility; ContestEntriesTests has the whole rule)
		jdbc.sql("update idea set public_opt_out = true where id = :id").param("id", third).update();
		assertThat(nominationService.nominations(office, c.id(), PageRequest.of(0, 20)).getTotalElements()).isEqualTo(4);
		assertThat(nominationService.nominations(officerA, c.id(), PageRequest.of(0, 20)).getTotalElements()).isEqualTo(4);
		assertThat(nominationService.nominations(officerB, c.id(), PageRequest.of(0, 20)).getContent())
			.extracting(NominationView::ideaId).hasSize(3).doesNotContain(third);
	}

	@Test
	void eligibilityIsCheckedWithClearReasons() {
		ContestView c = open(5, Set.of(SectorField.AGRICULTURE), today.minusDays(1), today.plusDays(5));
		assertThatThrownBy(() -> nominationService.nominate(officerA, c.id(), idea(unitA, "Nháp", IdeaStatus.DRAFT, year, SectorField.AGRICULTURE)))
			.hasMessage("contest.error.ideaStatus");
		assertThatThrownBy(() -> nominationService.nominate(officerA, c.id(), idea(unitA, "Năm trước", IdeaStatus.ACCEPTED, year - 1, SectorField.AGRICULTURE)))
			.hasMessage("contest.error.ideaYear");
		assertThatThrownBy(() -> nominationService.nominate(officerA, c.id(), idea(unitA, "Lĩnh vực khác", IdeaStatus.APPLIED, year, SectorField.IT)))
			.hasMessage("contest.error.ideaField");
		long ok = idea(unitA, "Đúng điều kiện");
		nominationService.nominate(officerA, c.id(), ok);
		assertThatThrownBy(() -> nominationService.nominate(officerA, c.id(), ok)).hasMessage("contest.error.already");
		// another unit's idea is not the officer's to nominate
		long ofB = idea(unitB, "Của chi đoàn B");
		assertThatThrownBy(() -> nominationService.nominate(officerA, c.id(), ofB)).isInstanceOf(ForbiddenException.class);
	}

	@Test
	void nominationsOutsideTheWindowOrBeforeOpeningAreRefused() {
		ContestView closed = open(5, Set.of(), today.minusDays(10), today.minusDays(1));
		long id = idea(unitA, "Quá hạn");
		assertThatThrownBy(() -> nominationService.nominate(officerA, closed.id(), id)).hasMessage("contest.error.notOpen");
		ContestView draft = contests.create(office, new CreateContest(organiser.id(), ContestKind.OTHER, "Nháp " + RUN, year,
				Set.of(), null, null, Set.of(), today.minusDays(1), today.plusDays(1), 5));
		assertThatThrownBy(() -> nominationService.nominate(officerA, draft.id(), id)).hasMessage("contest.error.notOpen");
	}

	@Test
	void publishingIssuesVerifiableCertificatesWithAVietnamesePdf() throws Exception {
		ContestView c = open(3);
		NominationView first = nominationService.nominate(officerA, c.id(), idea(unitA, "Máy gặt lúa mini"));
		NominationView none = nominationService.nominate(officerB, c.id(), idea(unitB, "Không đạt giải"));
		assertThatThrownBy(() -> nominationService.award(office, first.id(), new Award(AwardTier.FIRST, null), first.version()))
			.hasMessage("contest.error.notJudging");
		ContestView judging = contests.get(office, c.id());
		judging = contests.advance(office, c.id(), judging.version());
		assertThatThrownBy(() -> nominationService.award(officerA, first.id(), new Award(AwardTier.FIRST, null), first.version()))
			.isInstanceOf(ForbiddenException.class);
		nominationService.award(office, first.id(), new Award(AwardTier.FIRST, null), first.version());
		assertThatThrownBy(() -> contests.publicContest(c.id())).hasMessage("contest.error.notFound");
		assertThatThrownBy(() -> contests.decide(officerA, c.id(), new ContestCommands.AwardDecision("X", null, null, null),
				contests.get(office, c.id()).version())).isInstanceOf(ForbiddenException.class);
		contests.decide(office, c.id(), new ContestCommands.AwardDecision("Lê Văn Thành", "BÍ THƯ", "25-QĐ/HĐTS",
				java.time.LocalDate.of(2026, 3, 5)), contests.get(office, c.id()).version());
		// the award decision and the printable list, reopened
		ByteArrayOutputStream decision = new ByteArrayOutputStream();
		awardDocuments.decisionDocx(office, c.id(), decision);
		try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(decision.toByteArray()));
				var ex = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
			assertThat(ex.getText()).contains("QUYẾT ĐỊNH", "Số: 25-QĐ/HĐTS", "ngày 05 tháng 3 năm 2026", "Máy gặt lúa mini",
					"Giải Nhất", "DANH SÁCH TÁC GIẢ ĐẠT GIẢI", "Lê Văn Thành", "BÍ THƯ", organiser.name().toUpperCase(
							java.util.Locale.forLanguageTag("vi")));
		}
		ByteArrayOutputStream list = new ByteArrayOutputStream();
		awardDocuments.listPdf(office, c.id(), list);
		try (PDDocument pdf = Loader.loadPDF(list.toByteArray())) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("Nguyễn Thị Hằng", "Máy gặt lúa mini", "Giải Nhất");
		}
		contests.advance(office, c.id(), contests.get(office, c.id()).version());

		List<NominationView> results = contests.publicResults(c.id());
		assertThat(results).extracting(NominationView::id).containsExactly(first.id());
		String code = results.get(0).certificateCode();
		assertThat(code).hasSize(20);
		assertThat(certificates.verify(code)).get().satisfies(v -> {
			assertThat(v.awardLabel()).isEqualTo("Giải Nhất");
			assertThat(v.recipient()).isEqualTo("Nguyễn Thị Hằng");
		});
		assertThat(certificates.verify(code.toLowerCase())).isPresent();
		assertThat(certificates.verify("AAAAAAAAAAAAAAAAAAAA")).isEmpty();
		assertThat(nominationService.nominations(office, c.id(), PageRequest.of(0, 20)).getContent())
			.filteredOn(n -> n.id() == none.id()).singleElement().extracting(NominationView::certificateCode).isNull();

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		certificates.pdf(code, out);
		try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
			String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
			assertThat(text).contains("GIẤY CHỨNG NHẬN", "Nguyễn Thị Hằng", "Giải Nhất", "Máy gặt lúa mini", code,
					"/public/certificates/" + code, "Lê Văn Thành", "BÍ THƯ", "25-QĐ/HĐTS", "ngày 05 tháng 3 năm 2026");
			// the organiser issues it, not the winner's unit; one page
			assertThat(text).contains(organiser.name().toUpperCase(java.util.Locale.forLanguageTag("vi")));
			assertThat(pdf.getNumberOfPages()).isEqualTo(1);
			java.nio.file.Path dir = java.nio.file.Path.of("target", "report-documents");
			java.nio.file.Files.createDirectories(dir);
			javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(pdf).renderImageWithDPI(0, 70), "png",
					dir.resolve("certificate.png").toFile());
		}
		assertThat(certificates.verify(code).orElseThrow().issuerName()).isEqualTo(organiser.name());
		// with a configured base URL, the QR and printed address use it, never localhost
		vn.ideabank.common.web.PublicLinks configured = org.mockito.Mockito.mock(vn.ideabank.common.web.PublicLinks.class);
		org.mockito.Mockito.when(configured.absolute(org.mockito.ArgumentMatchers.anyString()))
			.thenAnswer(a -> "https://ideabank.thanhhoa.gov.vn" + a.getArgument(0));
		ByteArrayOutputStream elsewhere = new ByteArrayOutputStream();
		new ContestCertificates(certificateRepository, templates, configured).pdf(code, elsewhere);
		try (PDDocument pdf = Loader.loadPDF(elsewhere.toByteArray())) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("https://ideabank.thanhhoa.gov.vn/public/certificates/" + code)
				.doesNotContain("localhost");
		}
		// a published contest is read-only
		assertThatThrownBy(() -> nominationService.setQuota(office, c.id(), unitA.id(), 9)).hasMessage("contest.error.published");
		assertThat(contests.history(office, c.id())).extracting(ContestHistoryView::messageKey)
			.contains("contest.history.NOMINATED", "contest.history.AWARDED", "contest.history.STATUS_PUBLISHED");
	}
}
