package vn.ideabank.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStep;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.idea.SectorField;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.review.ReviewCommands.CreateCouncil;
import vn.ideabank.review.ReviewViews.AssignmentView;
import vn.ideabank.review.ReviewViews.CouncilView;

class ReviewPagesTests extends IntegrationTest {

	@Autowired
	ReviewService reviews;

	@Autowired
	ReviewScoring scoring;

	@Autowired
	RubricService rubrics;

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	AssignmentView assignedToBinh(CouncilView[] councilOut) {
		Caller office = caller("huyendoan.trieuson");
		Caller an = caller("nguyen.van.an");
		long t1 = units.findByCode("TS-THODAN-T1").orElseThrow().id();
		IdeaView idea = ReviewTestData.draft(ideas, an, t1, ReviewTestData.unique("Ý tưởng trang "), SectorField.IT);
		idea = ReviewTestData.underReview(ideas, idea, an, caller("doan.thodan"), office);
		long ts = units.findByCode("TS").orElseThrow().id();
		CouncilView council = reviews.createCouncil(office, new CreateCouncil(ts, ReviewTestData.unique("Hội đồng "),
				Year.now().getValue(), rubrics.defaultRubric().versionId(), false, false, BigDecimal.TEN, 1));
		councilOut[0] = council;
		reviews.addMember(office, council.id(), "tran.thi.binh");
		reviews.addIdea(office, council.id(), idea.id());
		reviews.autoAssign(office, council.id());
		long ideaId = idea.id();
		return scoring.myAssignments(caller("tran.thi.binh"), 0, 1000).stream()
			.filter(a -> a.item().ideaId() == ideaId).findFirst().orElseThrow();
	}

	@Test
	void aScoreOutsideTheScaleIsRefusedWith422AndTheFormKeepsWhatWasTyped() {
		AssignmentView a = assignedToBinh(new CouncilView[1]);
		var result = mvc.post().uri("/reviews/assignments/" + a.id()).param("version", "0").param("v_NOVELTY", "12")
			.param("v_BENEFIT", "5").param("v_SCOPE", "5").param("v_FEASIBILITY", "5").with(as("tran.thi.binh")).with(csrf());
		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(result).bodyText().contains("Điểm tiêu chí &quot;Tính mới&quot; phải từ 0 đến 10").contains("value=\"12\"");
		assertThat(scoring.scoreSheet(caller("tran.thi.binh"), a.id()).score().total()).isNull();
	}

	@Test
	void othersCannotOpenAReviewersScoreSheetNorAnotherOfficesCouncil() {
		CouncilView[] council = new CouncilView[1];
		AssignmentView a = assignedToBinh(council);
		assertThat(mvc.get().uri("/reviews/assignments/" + a.id()).with(as("tran.thi.binh"))).hasStatusOk()
			.bodyText().contains(a.item().title());
		assertThat(mvc.get().uri("/reviews/assignments/" + a.id()).with(as("le.van.cuong"))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/reviews/councils/" + council[0].id()).with(as("huyendoan.trieuson"))).hasStatusOk()
			.bodyText().contains(a.item().title()).contains("Trần Thị Bình");
		assertThat(mvc.get().uri("/reviews/councils/" + council[0].id()).with(as("doan.thodan"))).hasStatus4xxClientError();
		assertThat(mvc.get().uri("/reviews").with(as("tran.thi.binh"))).hasStatusOk().bodyText().contains(a.item().title());
	}

	@Test
	void anOfficeFormsACouncilFromThePageAndBadInputIsAFieldError() {
		long ts = units.findByCode("TS").orElseThrow().id();
		assertThat(mvc.get().uri("/reviews/councils").with(as("huyendoan.trieuson"))).hasStatusOk();
		var bad = mvc.post().uri("/reviews/councils").param("unitId", "" + ts).param("name", "Hội đồng X")
			.param("year", "" + Year.now().getValue()).param("rubricVersionId", "" + rubrics.defaultRubric().versionId())
			.param("threshold", "150").param("perIdea", "2").with(as("huyendoan.trieuson")).with(csrf());
		assertThat(bad).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(bad).bodyText().contains("Ngưỡng chênh lệch phải từ 0 đến 100 điểm.");
		String name = ReviewTestData.unique("Hội đồng trang ");
		var ok = mvc.post().uri("/reviews/councils").param("unitId", "" + ts).param("name", name)
			.param("year", "" + Year.now().getValue()).param("rubricVersionId", "" + rubrics.defaultRubric().versionId())
			.param("threshold", "20").param("perIdea", "2").param("blind", "true").with(as("huyendoan.trieuson")).with(csrf());
		assertThat(ok).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/reviews/councils").with(as("huyendoan.trieuson"))).bodyText().contains(name);
		assertThat(mvc.get().uri("/reviews/councils").with(as("tran.thi.binh"))).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void appliedModelsOfTheYearShowTheirEvidenceInScopeAndExportToExcel() throws Exception {
		Caller office = caller("huyendoan.trieuson");
		UnitView own = ReviewTestData.unit(units, caller("admin"), units.findByCode("TS").orElseThrow().id());
		IdeaView idea = ReviewTestData.draft(ideas, office, own.id(), ReviewTestData.unique("Mô hình ứng dụng "), SectorField.IT);
		idea = ReviewTestData.underReview(ideas, idea, office, office, office);
		idea = ideas.step(office, idea.id(), TakeStep.of(IdeaStep.ACCEPT, idea.version(), "Đạt"));
		idea = ideas.step(office, idea.id(), new TakeStep(IdeaStep.MARK_APPLIED, idea.version(), null, "Thôn Đông Xuyên xmohinh",
				LocalDate.now().minusDays(10), "Tiết kiệm 30% nước tưới"));
		String year = "" + Year.now().getValue();
		assertThat(mvc.get().uri("/reviews/applied").param("year", year).param("size", "100").with(as("huyendoan.trieuson")))
			.hasStatusOk().bodyText().contains(idea.title()).contains("Thôn Đông Xuyên xmohinh").contains("Tiết kiệm 30% nước tưới");
		// another commune's officer does not see it
		assertThat(mvc.get().uri("/reviews/applied").param("year", year).with(as("doan.thotan"))).hasStatusOk()
			.bodyText().doesNotContain(idea.title());
		var xlsx = mvc.get().uri("/reviews/applied.xlsx").param("year", year).with(as("huyendoan.trieuson")).exchange();
		assertThat(xlsx).hasStatusOk();
		try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
			var sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Nơi áp dụng");
			boolean found = false;
			for (var row : sheet) {
				found |= row.getCell(1) != null && idea.title().equals(row.getCell(1).getStringCellValue())
						&& "Thôn Đông Xuyên xmohinh".equals(row.getCell(3).getStringCellValue());
			}
			assertThat(found).isTrue();
		}
	}
}
