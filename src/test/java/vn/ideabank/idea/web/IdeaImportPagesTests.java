package vn.ideabank.idea.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static vn.ideabank.idea.IdeaImportTestFiles.header;
import static vn.ideabank.idea.IdeaImportTestFiles.row;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.xlsx.XlsxFiles;
import vn.ideabank.idea.IdeaImportTestFiles;

/** The idea import page, its template and the API, through MockMvc as the demo accounts meet them. */
class IdeaImportPagesTests extends IntegrationTest {

	private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

	@Autowired
	JdbcClient jdbc;

	private long ideasTitled(String fragment) {
		return jdbc.sql("select count(*) from idea where title like ?").param("%" + fragment + "%").query(Long.class).single();
	}

	private static MockMultipartFile upload(byte[] bytes) {
		return new MockMultipartFile("file", "y-tuong.xlsx", "application/octet-stream", bytes);
	}

	@Test
	void aMemberMayNeitherOpenNorUseTheImport() {
		byte[] file = XlsxFiles.xlsx(List.of(header(), row("Của thành viên " + RUN)));
		assertThat(mvc.get().uri("/ideas/import").with(as("nguyen.van.an"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/ideas/import/template.xlsx").with(as("nguyen.van.an"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/ideas/import").multipart().file(upload(file)).with(as("nguyen.van.an")).with(csrf()))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/api/v1/ideas/import").multipart().file(upload(file)).with(as("nguyen.van.an")).with(csrf()))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(ideasTitled("Của thành viên " + RUN)).isZero();
	}

	@Test
	void thePageOffersTheTemplateAndReportsBadRowsWithRowAndColumn() {
		assertThat(mvc.get().uri("/ideas/import").with(as("doan.thodan"))).hasStatusOk().bodyText()
			.contains("Nhập ý tưởng từ Excel", "/ideas/import/template.xlsx", "enctype=\"multipart/form-data\"",
					"/ideas/import?_csrf=", "5 MB").containsPattern("5[.,]?000 dòng");
		String tag = "Trang " + RUN;
		byte[] file = XlsxFiles.xlsx(List.of(header(), row("Tốt " + tag), row("Thọ Tân " + tag, "Mã đơn vị", "TS-THOTAN")));
		assertThat(mvc.post().uri("/ideas/import").multipart().file(upload(file)).param("mode", "ALL_OR_NOTHING")
			.with(as("doan.thodan")).with(csrf()))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText()
			.contains("Không có dữ liệu nào được nhập", "<td>3</td>", "A (Mã đơn vị)",
					"Đơn vị “TS-THOTAN” không thuộc phạm vi của bạn.");
		assertThat(ideasTitled(tag)).isZero();
		assertThat(mvc.post().uri("/ideas/import").multipart().file(upload(file)).param("mode", "VALID_ONLY")
			.with(as("doan.thodan")).with(csrf()))
			.hasStatusOk().bodyText().contains("Đã nhập 1 ý tưởng.", "Tốt " + tag, "Đơn vị “TS-THOTAN”")
			.containsPattern("<a href=\"/ideas/\\d+\">TS-\\d{4}-\\d{6}</a>");
		assertThat(ideasTitled(tag)).isOne();
		assertThat(mvc.post().uri("/ideas/import").multipart()
			.file(upload("MZ not a workbook".getBytes())).with(as("doan.thodan")).with(csrf()))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("Tệp không phải bảng tính Excel .xlsx.", "Cả tệp");
	}

	@Test
	void theTemplateDownloadsAndImportsCleanlyOnceTheExampleRowIsFilledIn() throws Exception {
		var template = mvc.get().uri("/ideas/import/template.xlsx").with(as("doan.thodan")).exchange();
		assertThat(template).hasStatusOk()
			.hasContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		String title = "Mẫu điền sẵn " + RUN;
		byte[] filled;
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template.getResponse().getContentAsByteArray()));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.getSheetAt(0);
			Row head = sheet.getRow(0);
			for (int i = 0; i < IdeaImportTestFiles.HEADER.size(); i++) {
				assertThat(head.getCell(i).getStringCellValue()).isEqualTo(IdeaImportTestFiles.HEADER.get(i));
			}
			assertThat(wb.getSheet("Hướng dẫn")).isNotNull();
			Row example = sheet.getRow(1);
			assertThat(example.getCell(0).getStringCellValue()).startsWith("TS-THODAN");
			example.getCell(3).setCellValue(title);
			example.getCell(20).setCellValue("Có");
			wb.write(out);
			filled = out.toByteArray();
		}
		assertThat(mvc.post().uri("/ideas/import").multipart().file(upload(filled)).param("mode", "ALL_OR_NOTHING")
			.with(as("doan.thodan")).with(csrf()))
			.hasStatusOk().bodyText().contains("Đã nhập 1 ý tưởng.", title, "Đã gửi").doesNotContain("Có 1 lỗi");
		assertThat(jdbc.sql("select status from idea where title = ?").param(title).query(String.class).single())
			.isEqualTo("SUBMITTED");
	}

	@Test
	void theApiAnswersTheRowReportAsJson() {
		String tag = "API " + RUN;
		byte[] good = XlsxFiles.xlsx(List.of(header(), row("Tốt " + tag)));
		var ok = assertThat(mvc.post().uri("/api/v1/ideas/import").multipart().file(upload(good)).param("mode", "VALID_ONLY")
			.with(as("doan.thodan")).with(csrf()));
		ok.hasStatusOk();
		ok.bodyJson().extractingPath("$.created").isEqualTo(1);
		ok.bodyJson().extractingPath("$.applied").isEqualTo(true);
		ok.bodyJson().extractingPath("$.ideas[0].code").asString().matches("TS-\\d{4}-\\d{6}");
		byte[] bad = XlsxFiles.xlsx(List.of(header(), row("Xấu " + tag, "Loại", "Bài thơ")));
		var refused = assertThat(mvc.post().uri("/api/v1/ideas/import").multipart().file(upload(bad))
			.with(as("doan.thodan")).with(csrf()));
		refused.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		refused.bodyJson().extractingPath("$.applied").isEqualTo(false);
		refused.bodyJson().extractingPath("$.problems[0].row").isEqualTo(2);
		refused.bodyJson().extractingPath("$.problems[0].column").isEqualTo("C (Loại)");
		refused.bodyJson().extractingPath("$.problems[0].reason").isEqualTo("idea.import.badValue");
		refused.bodyJson().extractingPath("$.problems[0].message").asString().contains("Bài thơ");
		assertThat(ideasTitled("Xấu " + tag)).isZero();
		assertThat(ideasTitled("Tốt " + tag)).isOne();
	}

	@Test
	void theSameFileTwiceCreatesNothingTheSecondTimeAndSaysWhatIsAlreadyThere() {
		byte[] file = XlsxFiles.xlsx(List.of(header(), row("Lặp lại " + RUN)));
		var first = assertThat(mvc.post().uri("/api/v1/ideas/import").multipart().file(upload(file)).with(as("doan.thodan"))
			.with(csrf())).hasStatusOk().bodyJson();
		first.extractingPath("$.created").isEqualTo(1);
		String code = jdbc.sql("select code from idea where title = ?").param("Lặp lại " + RUN).query(String.class).single();
		var again = assertThat(mvc.post().uri("/api/v1/ideas/import").multipart().file(upload(file)).with(as("doan.thodan"))
			.with(csrf())).hasStatusOk().bodyJson();
		again.extractingPath("$.created").isEqualTo(0);
		again.extractingPath("$.skipped[0].existingCode").isEqualTo(code);
		again.extractingPath("$.problems[0].message").asString().startsWith("Đã có: " + code);
		assertThat(mvc.post().uri("/ideas/import").multipart().file(upload(file)).with(as("doan.thodan")).with(csrf()))
			.hasStatusOk().bodyText().contains("Đã nhập 0 ý tưởng mới; bỏ qua 1 dòng vì ý tưởng đã có.", "Đã có: " + code);
		assertThat(ideasTitled("Lặp lại " + RUN)).isOne();
	}
}
