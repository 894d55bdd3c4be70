package vn.ideabank.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.member.MemberService;
import vn.ideabank.member.MemberView;
import vn.ideabank.org.UnitCommands.CreateUnit;
import vn.ideabank.org.UnitKind;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.programme.ProgrammeCommands.GrantAward;
import vn.ideabank.programme.ProgrammeCommands.SaveFund;
import vn.ideabank.programme.ProgrammeService.Filter;
import vn.ideabank.programme.ProgrammeViews.AwardView;
import vn.ideabank.programme.ProgrammeViews.FundView;

/** Funds and scholarships (quỹ, học bổng): programmes, awards, their rules, scope and the recognition pages. */
class FundTests extends IntegrationTest {

	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();

	private static final String OFFICE = "huyendoan.trieuson";

	private final int year = Year.now().getValue();

	@Autowired
	StartupService startups;

	@Autowired
	ClubService clubs;

	@Autowired
	FundService funds;

	@Autowired
	IpRegistrationService registrations;

	@Autowired
	RecognitionService recognition;

	@Autowired
	UnitService units;

	@Autowired
	MemberService members;

	@Autowired
	JdbcClient jdbc;

	private UnitView unit(Long parent, String code) {
		return units.create(caller("admin"), new CreateUnit(parent, code + RUN, "Đoàn thử " + code + RUN, "Đoàn cơ sở",
				UnitKind.OTHER, 10));
	}

	private long awards(long fundId) {
		return jdbc.sql("select count(*) from programme_fund_award where fund_id = :f").param("f", fundId).query(Long.class)
			.single();
	}

	private GrantAward toUnit(long unitId, String amount, LocalDate on) {
		return new GrantAward(null, null, unitId, new BigDecimal(amount), on, "05-QĐ/" + RUN, null, null, null);
	}

	@Test
	void aFundAwardsMembersPersonsAndUnitsAndTheyShowOnTheirRecognitionPages() {
		Caller office = caller(OFFICE);
		long district = units.findByCode("TS").orElseThrow().id();
		UnitView school = unit(district, "PFA");
		MemberView an = members.findByAccount(caller("nguyen.van.an").accountId()).orElseThrow();
		FundView fund = funds.createFund(office, new SaveFund(district, "Quỹ hỗ trợ thanh niên khởi nghiệp " + RUN,
				FundKind.FUND, year, "Hỗ trợ vốn cho ý tưởng khởi nghiệp của đoàn viên"));
		FundView scholarship = funds.createFund(office, new SaveFund(district, "Học bổng sáng tạo " + RUN,
				FundKind.SCHOLARSHIP, year, null));

		AwardView toMember = funds.grantAward(office, scholarship.id(), new GrantAward(an.id(), null, null,
				new BigDecimal("2000000"), LocalDate.of(year, 1, 20), "12-QĐ/" + RUN, null, null, "Học sinh nghèo vượt khó"));
		assertThat(toMember.recipientName()).isEqualTo(an.fullName());
		assertThat(toMember.unitId()).isEqualTo(an.unitId());
		AwardView toSchool = funds.grantAward(office, fund.id(), toUnit(school.id(), "15000000", LocalDate.of(year, 1, 5)));
		assertThat(toSchool.toUnit()).isTrue();
		AwardView toPerson = funds.grantAward(office, fund.id(), new GrantAward(null, "Trần Văn Đức", null, BigDecimal.ZERO,
				LocalDate.of(year, 1, 6), "16-QĐ/" + RUN, null, null, null));
		assertThat(toPerson.recipientName()).isEqualTo("Trần Văn Đức");

		var details = funds.fund(office, fund.id());
		assertThat(details.fund().awardCount()).isEqualTo(2);
		assertThat(details.fund().awardTotal()).isEqualByComparingTo("15000000");
		assertThat(details.awards()).extracting(AwardView::id).containsExactly(toPerson.id(), toSchool.id());

		// recognition: what a member and a unit received, beside the commendations
		assertThat(recognition.awards(office, null, an.id(), PageRequest.of(0, 50)).getContent()).extracting(AwardView::id)
			.contains(toMember.id()).doesNotContain(toSchool.id(), toPerson.id());
		assertThat(recognition.awards(office, school.id(), null, PageRequest.of(0, 50)).getContent()).extracting(AwardView::id)
			.containsExactly(toSchool.id());
		assertThat(mvc.get().uri("/recognition?member={id}", an.id()).with(as(OFFICE))).hasStatusOk().bodyText()
			.contains("Học bổng sáng tạo " + RUN, "2.000.000", "12-QĐ/" + RUN);
		assertThat(mvc.get().uri("/recognition?unit={id}", school.id()).with(as(OFFICE))).hasStatusOk().bodyText()
			.contains("Quỹ hỗ trợ thanh niên khởi nghiệp " + RUN, "15.000.000").doesNotContain("12-QĐ/" + RUN);

		// a fund with more awards than its page lists: the newest ones, and how many there are in all
		jdbc.sql("""
				insert into programme_fund_award (fund_id, unit_id, unit_path, recipient_name, amount, awarded_on, decision_no)
				select fund_id, unit_id, unit_path, 'Người nhận ' || n, 1000, awarded_on, decision_no
				  from programme_fund_award, generate_series(1, :n) n where id = :id""")
			.param("n", FundService.FUND_PAGE_AWARDS).param("id", toPerson.id()).update();
		var many = funds.fund(office, fund.id());
		assertThat(many.fund().awardCount()).isEqualTo(FundService.FUND_PAGE_AWARDS + 2L);
		assertThat(many.awards()).hasSize(FundService.FUND_PAGE_AWARDS);
		assertThat(mvc.get().uri("/funds/{id}", fund.id()).with(as(OFFICE))).hasStatusOk().bodyText()
			.contains("Hiện " + FundService.FUND_PAGE_AWARDS + " lần trao gần nhất trong tổng số " + (FundService.FUND_PAGE_AWARDS + 2));
	}

	@Test
	void badAwardsAreRefusedWithTheFieldAndNothingIsSaved() {
		Caller office = caller(OFFICE);
		long district = units.findByCode("TS").orElseThrow().id();
		UnitView school = unit(district, "PFB");
		UnitView other = unit(district, "PFO"); // a sibling: outside the fund's subtree
		FundView fund = funds.createFund(office, new SaveFund(school.id(), "Quỹ ươm mầm " + RUN, FundKind.FUND, year, null));

		record Bad(String field, GrantAward award) {
		}
		for (Bad bad : new Bad[] {
				new Bad("amount", toUnit(school.id(), "-1", LocalDate.of(year, 3, 1))),
				new Bad("amount", toUnit(school.id(), "1000.5", LocalDate.of(year, 3, 1))),
				new Bad("memberId", new GrantAward(null, " ", null, BigDecimal.TEN, LocalDate.of(year, 3, 1), "1-QĐ", null, null, null)),
				new Bad("memberId", new GrantAward(null, "Lê Văn Tâm", school.id(), BigDecimal.TEN, LocalDate.of(year, 3, 1), "1-QĐ",
						null, null, null)),
				new Bad("awardedOn", toUnit(school.id(), "100", LocalDate.of(year - 1, 12, 31))),
				new Bad("awardedOn", toUnit(school.id(), "100", null)),
				new Bad("recipientUnitId", toUnit(other.id(), "100", LocalDate.of(year, 3, 1))),
				new Bad("decisionNo", new GrantAward(null, null, school.id(), BigDecimal.TEN, LocalDate.of(year, 3, 1), "", null,
						null, null)) }) {
			assertThatThrownBy(() -> funds.grantAward(office, fund.id(), bad.award())).as(bad.toString())
				.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.field()).isEqualTo(bad.field()));
		}
		assertThat(awards(fund.id())).isZero();
		assertThatThrownBy(() -> funds.createFund(office, new SaveFund(school.id(), "", FundKind.FUND, year, null)))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.field()).isEqualTo("name"));
		assertThatThrownBy(() -> funds.createFund(office, new SaveFund(school.id(), "Quỹ", FundKind.FUND, 1800, null)))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.field()).isEqualTo("year"));

		// the page says which field and what is wrong (422), in Vietnamese
		assertThat(mvc.post().uri("/funds/{id}/awards", fund.id()).with(as(OFFICE)).with(csrf())
			.param("recipientUnitId", String.valueOf(school.id())).param("amount", "-500000")
			.param("awardedOn", year + "-03-01").param("decisionNo", "2-QĐ"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("Số tiền trao không được là số âm");
		assertThat(mvc.post().uri("/funds/{id}/awards", fund.id()).with(as(OFFICE)).with(csrf()).param("amount", "500000")
			.param("awardedOn", year + "-03-01").param("decisionNo", "2-QĐ"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("Hãy chọn người nhận");
		assertThat(mvc.post().uri("/funds/{id}/awards", fund.id()).with(as(OFFICE)).with(csrf())
			.param("recipientUnitId", String.valueOf(school.id())).param("amount", "500000")
			.param("awardedOn", (year - 1) + "-03-01").param("decisionNo", "2-QĐ"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("Ngày trao phải trong năm " + year);
		assertThat(awards(fund.id())).isZero();

		// a valid one goes through the page; the year cannot then move away from it
		assertThat(mvc.post().uri("/funds/{id}/awards", fund.id()).with(as(OFFICE)).with(csrf())
			.param("recipientUnitId", String.valueOf(school.id())).param("amount", "500000")
			.param("awardedOn", year + "-03-01").param("decisionNo", "2-QĐ")).hasStatus(HttpStatus.FOUND);
		assertThat(awards(fund.id())).isEqualTo(1);
		assertThatThrownBy(() -> funds.editFund(office, fund.id(), new SaveFund(null, "Quỹ ươm mầm " + RUN, FundKind.FUND,
				year - 1, null), 0)).isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.field()).isEqualTo("year"));
	}

	@Test
	void fundsAreScopedByUnitInTheQueryAndEditedWithOptimisticLocking() throws Exception {
		Caller office = caller(OFFICE);
		UnitView thoDan = units.findByCode("TS-THODAN").orElseThrow();
		Caller thoDanOfficer = caller("doan.thodan");
		Caller thoTanOfficer = caller("doan.thotan");
		FundView fund = funds.createFund(thoDanOfficer, new SaveFund(thoDan.id(), "Học bổng Thọ Dân " + RUN,
				FundKind.SCHOLARSHIP, year, null));

		assertThat(funds.funds(office, new Filter(null, RUN), PageRequest.of(0, 50)).getContent()).extracting(FundView::id)
			.contains(fund.id());
		assertThat(funds.funds(thoTanOfficer, Filter.none(), PageRequest.of(0, 500)).getContent()).extracting(FundView::id)
			.doesNotContain(fund.id());
		assertThatThrownBy(() -> funds.fund(thoTanOfficer, fund.id())).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> funds.grantAward(thoTanOfficer, fund.id(), toUnit(thoDan.id(), "1", LocalDate.of(year, 2, 1))))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> funds.createFund(thoTanOfficer, new SaveFund(thoDan.id(), "Quỹ lạ", FundKind.FUND, year, null)))
			.isInstanceOf(ForbiddenException.class);
		assertThat(mvc.get().uri("/funds/{id}", fund.id()).with(as("doan.thotan"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/funds/{id}/edit", fund.id()).with(as("doan.thotan"))).hasStatus(HttpStatus.FORBIDDEN);

		FundView renamed = funds.editFund(office, fund.id(), new SaveFund(null, "Học bổng Thọ Dân vượt khó " + RUN,
				FundKind.SCHOLARSHIP, year, "Cho học sinh"), fund.version());
		assertThat(renamed.version()).isEqualTo(fund.version() + 1);
		assertThatThrownBy(() -> funds.editFund(office, fund.id(), new SaveFund(null, "Cũ", FundKind.FUND, year, null),
				fund.version())).isInstanceOf(ObjectOptimisticLockingFailureException.class);

		// the pages: list, detail, forms, and the export counts
		assertThat(mvc.get().uri("/programme").with(as(OFFICE))).bodyText().contains("href=\"/funds\"");
		assertThat(mvc.get().uri("/funds?q=" + RUN).with(as(OFFICE))).hasStatusOk().bodyText()
			.contains("Học bổng Thọ Dân vượt khó " + RUN, "Học bổng", "/funds/new");
		assertThat(mvc.get().uri("/funds").with(as("tran.thi.binh"))).hasStatusOk().bodyText().doesNotContain("/funds/new");
		assertThat(mvc.get().uri("/funds/new").with(as(OFFICE))).hasStatusOk();
		assertThat(mvc.get().uri("/funds/{id}", fund.id()).with(as(OFFICE))).hasStatusOk().bodyText()
			.contains("Cho học sinh", "/funds/" + fund.id() + "/edit");
		var export = mvc.get().uri("/funds/export.xlsx?q={q}", "Thọ Dân vượt khó " + RUN).with(as(OFFICE)).exchange();
		assertThat(export).hasStatusOk();
		try (var book = new XSSFWorkbook(new ByteArrayInputStream(export.getResponse().getContentAsByteArray()))) {
			var sheet = book.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Học bổng Thọ Dân vượt khó " + RUN);
		}
		var created = mvc.post().uri("/funds").with(as(OFFICE)).with(csrf()).param("unitId", String.valueOf(thoDan.id()))
			.param("name", "Quỹ khuyến học " + RUN).param("kind", "FUND").param("year", String.valueOf(year)).exchange();
		assertThat(created).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.post().uri("/funds").with(as(OFFICE)).with(csrf()).param("unitId", String.valueOf(thoDan.id()))
			.param("name", "").param("kind", "FUND").param("year", String.valueOf(year)))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		// a form opened before the rename above carries the old version: 409, and the name stays
		assertThat(mvc.post().uri("/funds/{id}/edit", fund.id()).with(as(OFFICE)).with(csrf()).param("unitId", String.valueOf(thoDan.id()))
			.param("name", "Quỹ xưa").param("kind", "FUND").param("year", String.valueOf(year))
			.param("version", String.valueOf(fund.version()))).hasStatus(HttpStatus.CONFLICT).bodyText()
			.contains("Quỹ xưa", "Dữ liệu vừa được người khác thay đổi");
		assertThat(funds.fund(office, fund.id()).fund().name()).isEqualTo("Học bổng Thọ Dân vượt khó " + RUN);

		// the API: the same scope, and a refused award is a problem detail naming the field
		assertThat(mvc.get().uri("/api/v1/funds?q={q}", "Thọ Dân vượt khó " + RUN).with(as(OFFICE))).hasStatusOk().bodyJson()
			.extractingPath("$.totalItems").isEqualTo(1);
		assertThat(mvc.get().uri("/api/v1/funds/{id}", fund.id()).with(as("doan.thotan"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/api/v1/funds/{id}/awards", fund.id()).with(as(OFFICE)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"recipientUnitId": %d, "amount": -1, "awardedOn": "%d-02-01", "decisionNo": "3-QĐ"}"""
				.formatted(thoDan.id(), year))).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("amount");
		assertThat(mvc.post().uri("/api/v1/funds/{id}/awards", fund.id()).with(as(OFFICE)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"recipientName": "Phạm Thị Lan", "amount": 3000000, "awardedOn": "%d-02-01", "decisionNo": "3-QĐ"}"""
				.formatted(year))).hasStatus(HttpStatus.CREATED);
		assertThat(awards(fund.id())).isEqualTo(1);
	}
}
