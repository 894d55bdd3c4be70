package vn.ideabank.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;

import vn.ideabank.IntegrationTest;
import vn.ideabank.org.UnitService;
import vn.ideabank.report.ReportingPeriod;
import vn.ideabank.report.PeriodKind;

class ReportPagesTests extends IntegrationTest {

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	private long unit(String code) {
		return units.findByCode(code).orElseThrow().id();
	}

	private static byte[] docx(String text) throws Exception {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			doc.createParagraph().createRun().setText(text);
			doc.write(out);
			return out.toByteArray();
		}
	}

	@Test
	void theReportsPageIsInTheNavigationAndShowsTheToDoList() {
		assertThat(mvc.get().uri("/").with(as("doan.thodan"))).bodyText().contains("href=\"/reports\"");
		assertThat(mvc.get().uri("/").with(as("tran.thi.binh"))).bodyText().doesNotContain("href=\"/reports\"");
		assertThat(mvc.get().uri("/reports").with(as("doan.thodan"))).hasStatusOk().bodyText()
			.contains("Việc cần làm", "Viết báo cáo định kỳ", "Đoàn xã Thọ Dân");
		assertThat(mvc.get().uri("/reports").with(as("huyendoan.trieuson"))).hasStatusOk().bodyText()
			.contains("Yêu cầu nộp kế hoạch", "href=\"/reports/plans/new\"");
		assertThat(mvc.get().uri("/reports/plans/new").with(as("doan.thodan"))).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void aPlanRequestWithAPastDeadlineIsRefusedAndABadUploadAnswers422() throws Exception {
		long ts = unit("TS");
		long thodan = unit("TS-THODAN");
		long before = jdbc.sql("select count(*) from report_plan_request").query(Long.class).single();
		assertThat(mvc.post().uri("/reports/plans").multipart().with(as("huyendoan.trieuson")).with(csrf())
			.param("unitId", String.valueOf(ts)).param("title", "Kế hoạch năm").param("year", String.valueOf(LocalDate.now().getYear()))
			.param("deadline", LocalDate.now().minusDays(2).toString()).param("unitIds", String.valueOf(thodan)))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("Hạn nộp không được ở trong quá khứ.");
		assertThat(jdbc.sql("select count(*) from report_plan_request").query(Long.class).single()).isEqualTo(before);

		var created = mvc.post().uri("/reports/plans").multipart().with(as("huyendoan.trieuson")).with(csrf())
			.param("unitId", String.valueOf(ts)).param("title", "Kế hoạch thực hiện Kết luận số 2")
			.param("year", String.valueOf(LocalDate.now().plusDays(7).getYear())).param("deadline", LocalDate.now().plusDays(7).toString())
			.param("unitIds", String.valueOf(thodan)).exchange();
		assertThat(created).hasStatus(HttpStatus.FOUND);
		String location = created.getResponse().getRedirectedUrl();
		assertThat(mvc.get().uri(location).with(as("doan.thodan"))).hasStatusOk().bodyText()
			.contains("Kế hoạch thực hiện Kết luận số 2", "Chưa nộp", "enctype=\"multipart/form-data\"");
		assertThat(mvc.get().uri(location).with(as("doan.thotan"))).hasStatus(HttpStatus.FORBIDDEN);

		assertThat(mvc.post().uri(location + "/units/" + thodan).multipart()
			.file(new MockMultipartFile("file", "ke-hoach.txt", "text/plain", "không phải văn bản".getBytes()))
			.with(as("doan.thodan")).with(csrf()))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("không phải văn bản", "Chưa nộp");
		assertThat(mvc.post().uri(location + "/units/" + thodan).multipart()
			.file(new MockMultipartFile("file", "Kế hoạch Thọ Dân.docx", "application/octet-stream", docx("Kế hoạch")))
			.with(as("doan.thodan")).with(csrf())).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri(location).with(as("huyendoan.trieuson"))).hasStatusOk().bodyText().contains("Đúng hạn");
		assertThat(mvc.get().uri("/api/v1/reports/plans/" + location.substring(location.lastIndexOf('/') + 1))
			.with(as("doan.thotan"))).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void aUnitOfficerWritesAndSubmitsAMonthlyReportAndDownloadsIt() throws Exception {
		ReportingPeriod month = ReportingPeriod.containing(PeriodKind.THANG, LocalDate.now());
		var opened = mvc.post().uri("/reports/periodic/open").with(as("doan.thodan")).with(csrf())
			.param("unit", String.valueOf(unit("TS-THODAN"))).param("kind", "THANG")
			.param("year", String.valueOf(month.year())).param("number", String.valueOf(month.number())).exchange();
		assertThat(opened).hasStatus(HttpStatus.FOUND);
		String url = opened.getResponse().getRedirectedUrl();
		long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
		long version = jdbc.sql("select version from report_periodic where id = :id").param("id", id).query(Long.class).single();
		assertThat(mvc.post().uri(url).with(as("doan.thodan")).with(csrf()).param("version", String.valueOf(version))
			.param("results", "x".repeat(20001))).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(mvc.post().uri(url).with(as("doan.thodan")).with(csrf()).param("version", String.valueOf(version))
			.param("results", "Ra mắt CLB Sáng tạo trẻ xã Thọ Dân")).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.post().uri(url).with(as("doan.thodan")).with(csrf()).param("version", String.valueOf(version))
			.param("results", "bản cũ")).as("stale version").hasStatus(HttpStatus.CONFLICT);
		assertThat(mvc.get().uri(url).with(as("doan.thotan"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/reports/periodic/" + id).with(as("doan.thotan"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/reports/periodic/" + id).with(as("doan.thodan"))).hasStatusOk().bodyText()
			.contains("Ra mắt CLB Sáng tạo trẻ xã Thọ Dân", "\"status\":\"DRAFT\"");
		var asked = mvc.post().uri(url + "/submit").with(as("doan.thodan")).with(csrf())
			.param("version", String.valueOf(version + 1)).param("results", "Ra mắt CLB Sáng tạo trẻ xã Thọ Dân")
			.param("proposals", "Đề nghị tập huấn, gõ ngay trước khi nộp");
		assertThat(asked).as("asks first, says what will be locked, carries the typed text").hasStatusOk().bodyText()
			.contains("bị khoá", "Đề nghị tập huấn, gõ ngay trước khi nộp", "name=\"confirmed\"");
		assertThat(jdbc.sql("select status from report_periodic where id = :id").param("id", id).query(String.class).single())
			.as("nothing changes before the confirmation").isEqualTo("DRAFT");
		assertThat(mvc.post().uri(url + "/submit").with(as("doan.thodan")).with(csrf())
			.param("version", String.valueOf(version + 1)).param("results", "Ra mắt CLB Sáng tạo trẻ xã Thọ Dân")
			.param("proposals", "Đề nghị tập huấn, gõ ngay trước khi nộp").param("confirmed", "true"))
			.hasStatus(HttpStatus.FOUND);
		assertThat(jdbc.sql("select proposals from report_periodic where id = :id").param("id", id).query(String.class).single())
			.as("what was on the screen is what was submitted, without 'Lưu bản nháp' first")
			.isEqualTo("Đề nghị tập huấn, gõ ngay trước khi nộp");
		assertThat(mvc.get().uri(url).with(as("huyendoan.trieuson"))).hasStatusOk().bodyText()
			.contains("Đã nộp", "Trả lại để chỉnh sửa");
		var docx = mvc.get().uri(url + "/document.docx").with(as("huyendoan.trieuson")).exchange();
		assertThat(docx).hasStatusOk().hasContentType(Downloads.DOCX);
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.getResponse().getContentAsByteArray()));
				XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			assertThat(text.getText()).contains("BCH ĐOÀN XÃ THỌ DÂN", "Ra mắt CLB Sáng tạo trẻ xã Thọ Dân", "Nơi nhận:");
		}
		assertThat(mvc.get().uri(url + "/document.pdf").with(as("doan.thodan"))).hasStatusOk().hasContentType(Downloads.PDF);
		assertThat(mvc.get().uri("/reports/periodic/children").queryParam("unit", String.valueOf(unit("TS")))
			.queryParam("kind", "THANG").queryParam("year", String.valueOf(month.year()))
			.queryParam("number", String.valueOf(month.number())).with(as("huyendoan.trieuson"))).hasStatusOk().bodyText()
			.contains("Đoàn xã Thọ Dân", "Đã nộp", "Chưa nộp", "Báo cáo tổng hợp");
		assertThat(mvc.get().uri("/reports/periodic").with(as("doan.thotan"))).hasStatusOk().bodyText()
			.doesNotContain("/reports/periodic/" + id + "\"");
	}
}
