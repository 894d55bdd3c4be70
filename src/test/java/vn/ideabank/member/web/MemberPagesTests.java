package vn.ideabank.member.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.xlsx.XlsxFiles;
import vn.ideabank.org.UnitService;

/** The roster pages through MockMvc, as the demo accounts meet them. */
class MemberPagesTests extends IntegrationTest {

	private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	private long count(String name) {
		return jdbc.sql("select count(*) from member where full_name = ?").param(name).query(Long.class).single();
	}

	@Test
	void theListShowsOnlyTheCallersSubtreeAndKeepsFiltersInTheUrl() {
		assertThat(mvc.get().uri("/members").with(as("doan.thodan"))).hasStatusOk().bodyText()
			.contains("Nguyễn Văn An", "Hoàng Đức Mạnh", "table-wrap", "Đoàn viên")
			.doesNotContain("Lê Văn Tùng");
		assertThat(mvc.get().uri("/members").queryParam("q", "hung").queryParam("targetGroup", "ENTREPRENEUR")
			.with(as("huyendoan.trieuson"))).hasStatusOk().bodyText()
			.contains("Trịnh Văn Hùng").doesNotContain("Hoàng Đức Mạnh")
			.contains("/members/export.xlsx?q=hung&amp;targetGroup=ENTREPRENEUR");
		assertThat(mvc.get().uri("/members").queryParam("unit", String.valueOf(units.findByCode("TS-THOTAN").orElseThrow().id()))
			.with(as("doan.thodan"))).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void theNavigationOffersMembersToOfficersOnly() {
		assertThat(mvc.get().uri("/").with(as("doan.thodan"))).bodyText().contains("href=\"/members\"");
		assertThat(mvc.get().uri("/").with(as("tran.thi.binh"))).bodyText().doesNotContain("href=\"/members\"");
	}

	@Test
	void aNewMemberIsSavedAndAnInvalidFormAnswers422() {
		long unit = units.findByCode("TS-THODAN-T2").orElseThrow().id();
		assertThat(mvc.get().uri("/members/new").with(as("doan.thodan"))).hasStatusOk().bodyText().contains("Họ và tên");
		String name = "Đặng Thị Mới " + RUN;
		assertThat(mvc.post().uri("/members").with(as("doan.thodan")).with(csrf()).param("unitId", String.valueOf(unit))
			.param("fullName", "").param("dateOfBirth", "2999-01-01").param("email", "sai@").param("targetGroup", "RURAL_YOUTH")
			.param("status", "UNION_MEMBER")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText()
			.contains("Không được để trống", "Ngày sinh không được ở tương lai", "Địa chỉ thư điện tử không hợp lệ");
		assertThat(mvc.post().uri("/members").with(as("doan.thodan")).with(csrf()).param("unitId", String.valueOf(unit))
			.param("fullName", name).param("dateOfBirth", "1899-12-31").param("targetGroup", "RURAL_YOUTH")
			.param("status", "UNION_MEMBER")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText()
			.contains("Ngày sinh phải từ 01/01/1900");
		assertThat(count(name)).isZero();
		assertThat(mvc.post().uri("/members").with(as("doan.thodan")).with(csrf()).param("unitId", String.valueOf(unit))
			.param("fullName", name).param("dateOfBirth", "2001-04-30").param("targetGroup", "YOUNG_WORKER")
			.param("status", "UNION_MEMBER")).hasStatus(HttpStatus.FOUND);
		assertThat(count(name)).isOne();
		long other = units.findByCode("TS-THOTAN-T2").orElseThrow().id();
		assertThat(mvc.post().uri("/members").with(as("doan.thodan")).with(csrf()).param("unitId", String.valueOf(other))
			.param("fullName", name + " khác").param("targetGroup", "YOUNG_WORKER").param("status", "UNION_MEMBER"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/members/new").with(as("nguyen.van.an"))).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void theImportPageReportsEachBadRowAndImportsNothingInAllOrNothingMode() {
		assertThat(mvc.get().uri("/members/import").with(as("doan.thodan"))).hasStatusOk().bodyText()
			.contains("Tải tệp mẫu", "enctype=\"multipart/form-data\"", "_csrf=");
		String good = "Cao Văn Tốt " + RUN;
		byte[] file = XlsxFiles.xlsx(List.of(
				new Object[] { "Họ và tên", "Ngày sinh", "Giới tính", "Đối tượng", "Trạng thái", "Mã đơn vị" },
				new Object[] { good, "01/01/2000", "Nam", "Học sinh", "Đoàn viên", "TS-THODAN-T1" },
				new Object[] { "Ngoài " + RUN, "01/01/2000", "Nam", "Học sinh", "Đoàn viên", "TS-THOTAN-T1" }));
		assertThat(mvc.post().uri("/members/import").multipart()
			.file(new MockMultipartFile("file", "doan-vien.xlsx", "application/octet-stream", file))
			.param("mode", "ALL_OR_NOTHING").with(as("doan.thodan")).with(csrf()))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText()
			.contains("Đơn vị “TS-THOTAN-T1” không thuộc phạm vi của bạn", "F (Mã đơn vị)", "<td>3</td>",
					"Không có dữ liệu nào được nhập");
		assertThat(count(good)).isZero();
		assertThat(mvc.post().uri("/members/import").multipart()
			.file(new MockMultipartFile("file", "doan-vien.xlsx", "application/octet-stream", file))
			.param("mode", "VALID_ONLY").with(as("doan.thodan")).with(csrf()))
			.hasStatusOk().bodyText().contains("Đã nhập: 1 mới, 0 cập nhật.");
		assertThat(count(good)).isOne();
		assertThat(mvc.post().uri("/members/import").multipart()
			.file(new MockMultipartFile("file", "virus.xlsx", "application/octet-stream", "MZ not a workbook".getBytes()))
			.with(as("doan.thodan")).with(csrf()))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("Tệp không phải bảng tính Excel .xlsx.");
	}

	@Test
	void theTemplateAndTheExportAreRealWorkbooks() throws Exception {
		var template = mvc.get().uri("/members/import/template.xlsx").with(as("doan.thodan")).exchange();
		assertThat(template).hasStatusOk().hasContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template.getResponse().getContentAsByteArray()))) {
			assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Họ và tên");
			assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isNotBlank();
			assertThat(wb.getSheet("Hướng dẫn")).isNotNull();
		}
		var export = mvc.get().uri("/members/export.xlsx").queryParam("q", "an").with(as("doan.thodan")).exchange();
		assertThat(export).hasStatusOk();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export.getResponse().getContentAsByteArray()))) {
			List<String> names = new java.util.ArrayList<>();
			wb.getSheetAt(0).forEach(r -> names.add(r.getCell(0).getStringCellValue()));
			assertThat(names).contains("Họ và tên", "Nguyễn Văn An").doesNotContain("Lê Văn Tùng");
		}
	}

	@Test
	void theApiListsCreatesAndRefusesAsProblemDetails() {
		long unit = units.findByCode("TS-THODAN-T1").orElseThrow().id();
		assertThat(mvc.get().uri("/api/v1/members").queryParam("q", "nguyen van an").with(as("doan.thodan")))
			.hasStatusOk().bodyJson().extractingPath("$.items[0].fullName").isEqualTo("Nguyễn Văn An");
		assertThat(mvc.post().uri("/api/v1/members").with(as("doan.thodan")).with(csrf())
			.contentType("application/json").content("{\"unitId\":" + unit + ",\"fullName\":\"\",\"targetGroup\":\"PUPIL\",\"status\":\"YOUTH\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors.fullName").isNotNull();
		assertThat(mvc.post().uri("/api/v1/members").with(as("doan.thodan")).with(csrf())
			.contentType("application/json").content("{\"unitId\":" + unit + ",\"fullName\":\"API " + RUN
					+ "\",\"targetGroup\":\"PUPIL\",\"status\":\"YOUTH\"}"))
			.hasStatus(HttpStatus.CREATED);
	}
}
