package vn.ideabank.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Role;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.idea.SectorField;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.report.ReportCommands.WriteReport;

/** The documents are opened again and read: every Vietnamese letter must come back, NFC. */
class ReportDocumentsTests extends IntegrationTest {

	@Autowired
	ReportDocuments documents;

	@Autowired
	ReportService reports;

	@Autowired
	UnitService units;

	@Autowired
	IdeaService ideas;

	@Autowired
	JdbcClient jdbc;

	ReportFixtures fx;

	ReportingPeriod quarter = ReportingPeriod.containing(PeriodKind.QUY, LocalDate.now());

	UnitView parent;

	UnitView unit;

	Caller office;

	Caller officer;

	ReportView report;

	static final String RESULTS = "Tổ chức 3 buổi tập huấn “Ươm mầm sáng tạo” cho 120 đoàn viên; thành lập CLB Em yêu khoa học.";

	static final String MODELS = "Mô hình “Vườn rau sạch thông minh” tưới nhỏ giọt bằng cảm biến độ ẩm.";

	/** An unbroken word far wider than the page: it must wrap inside the right margin. */
	static final String LONG_WORD = "https://ideabank.thanhhoa.gov.vn/" + "rausachthongminh".repeat(12);

	@BeforeEach
	void setUp() {
		fx = new ReportFixtures(units, ideas, jdbc, caller("admin"));
		String code = ReportFixtures.uniqueCode("RD");
		parent = fx.unit(null, code, "Đoàn khối Cơ quan Thử nghiệm");
		unit = fx.unit(parent.id(), code + "-X", "Đoàn xã Thọ Ngọc Hữu Ích");
		fx.idea(unit, "Ý tưởng máy sấy nông sản", IdeaStatus.APPLIED, quarter.firstDay().plusDays(1), SectorField.AGRICULTURE);
		officer = ReportFixtures.at(caller("doan.thodan"), Role.UNIT_OFFICER, unit);
		office = ReportFixtures.at(caller("huyendoan.trieuson"), Role.OFFICE, parent);
		ReportView r = reports.open(officer, unit.id(), quarter);
		r = reports.write(officer, r.id(), new WriteReport(r.version(), RESULTS + "\n" + LONG_WORD, MODELS, "Kinh phí hoạt động còn hạn chế.",
				"Đề nghị Huyện đoàn hỗ trợ đăng ký sở hữu trí tuệ.", "15-BC/ĐTN", "Lê Thị Hường", "Triệu Sơn"));
		report = reports.submit(officer, r.id(), r.version());
	}

	private static List<String> expected() {
		return List.of("ĐOÀN TNCS HỒ CHÍ MINH", "BCH ĐOÀN XÃ THỌ NGỌC HỮU ÍCH", "Số: 15-BC/ĐTN", "BÁO CÁO",
				"Kết quả thực hiện phong trào", "Tuổi trẻ sáng tạo", "Đoàn xã Thọ Ngọc Hữu Ích", "Nơi nhận:",
				"- BTV Đoàn khối Cơ quan Thử nghiệm (B/c);", "- Lưu VP.", "TM. BAN THƯỜNG VỤ", "BÍ THƯ", "Lê Thị Hường",
				"I. SỐ LIỆU", "1. Tiến độ thực hiện chỉ tiêu năm", "Ý tưởng đề xuất", "Cuộc thi khoa học, công nghệ được tổ chức",
				"Câu lạc bộ được thành lập", "Dự án khởi nghiệp nông nghiệp được hỗ trợ", "Hỗ trợ đăng ký sở hữu trí tuệ",
				"2. Ý tưởng, sáng kiến đề xuất theo lĩnh vực", "Ươm mầm sáng tạo", "Vườn rau sạch thông minh", "Triệu Sơn, ngày");
	}

	@Test
	void theDocxHasTheAdministrativeLayoutAndEveryDiacritic() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		documents.docx(officer, report.id(), out);
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()));
				XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
			String text = extractor.getText();
			assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue();
			assertThat(text).contains(expected()).contains(RESULTS, MODELS);
			// no dump of workflow states: section I is tables
			assertThat(text).doesNotContain("Theo trạng thái").doesNotContain("Quý " + quarter.number())
				.contains("quý " + new String[] { "I", "II", "III", "IV" }[quarter.number() - 1] + " năm " + quarter.year());
			assertThat(doc.getTables()).hasSizeGreaterThanOrEqualTo(5);
			XWPFTable progress = doc.getTables().get(1);
			assertThat(progress.getRow(0).getCell(1).getText()).isEqualTo("Chỉ tiêu");
			assertThat(progress.getRows()).hasSizeGreaterThanOrEqualTo(7);
			// the page number is a PAGE field in the header of every page but the first
			assertThat(doc.getHeaderList()).anySatisfy(h -> assertThat(h._getHdrFtr().xmlText()).contains("PAGE"));
			assertThat(doc.getDocument().getBody().getSectPr().isSetTitlePg()).isTrue();
			XWPFTable head = doc.getTables().get(0);
			assertThat(head.getRow(0).getCell(0).getText()).contains("ĐOÀN TNCS HỒ CHÍ MINH", "BCH ĐOÀN XÃ THỌ NGỌC HỮU ÍCH");
			assertThat(head.getRow(0).getCell(1).getText()).contains("ngày", "tháng", "năm");
			XWPFTable foot = doc.getTables().get(doc.getTables().size() - 1);
			assertThat(foot.getRow(0).getCell(0).getText()).startsWith("Nơi nhận:");
			assertThat(foot.getRow(0).getCell(1).getText()).contains("TM. BAN THƯỜNG VỤ", "Lê Thị Hường");
			var margins = doc.getDocument().getBody().getSectPr().getPgMar();
			assertThat(((java.math.BigInteger) margins.getLeft()).intValue() / 57).as("left margin in mm").isBetween(30, 35);
			assertThat(((java.math.BigInteger) margins.getTop()).intValue() / 57).as("top margin in mm").isBetween(20, 25);
		}
	}

	@Test
	void thePdfEmbedsAFontCoveringVietnameseAndItsTextComesBackIntact() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		documents.pdf(officer, report.id(), out);
		try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).as("extracted text is NFC").isTrue();
			String flat = text.replaceAll("\\s+", " ");
			for (String s : expected()) {
				assertThat(flat).contains(s);
			}
			List<String> fonts = new ArrayList<>();
			for (PDPage page : pdf.getPages()) {
				for (var name : page.getResources().getFontNames()) {
					PDFont font = page.getResources().getFont(name);
					assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
					fonts.add(font.getName());
				}
			}
			assertThat(fonts).anyMatch(f -> f.contains("LiberationSerif"));
			assertThat(flat).doesNotContain("Theo trạng thái");
			// page numbers from the second page on; the long word wrapped inside the right margin (A4 less 15 mm)
			assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
			PDFTextStripper second = new PDFTextStripper();
			second.setStartPage(2);
			second.setEndPage(2);
			assertThat(second.getText(pdf).strip()).startsWith("2");
			assertThat(rightmostGlyph(pdf)).as("no text past the right margin").isLessThan(595.3f - 15 * 72 / 25.4f + 1);
			// for a person to look at: the first page as an image, beside the browser tests' screenshots
			java.nio.file.Path dir = java.nio.file.Path.of("target", "report-documents");
			java.nio.file.Files.createDirectories(dir);
			java.nio.file.Files.write(dir.resolve("report.pdf"), out.toByteArray());
			javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(pdf).renderImageWithDPI(0, 60), "png",
					dir.resolve("report-page1.png").toFile());
		}
	}

	/** The right edge of the rightmost glyph on any page, in points. */
	private static float rightmostGlyph(PDDocument pdf) throws java.io.IOException {
		float[] max = { 0 };
		PDFTextStripper stripper = new PDFTextStripper() {
			@Override
			protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) {
				for (var p : positions) {
					max[0] = Math.max(max[0], p.getXDirAdj() + p.getWidthDirAdj());
				}
			}
		};
		stripper.getText(pdf);
		return max[0];
	}

	@Test
	void datesAndQuartersAreWrittenAsNghiDinh30WritesThem() {
		assertThat(vn.ideabank.common.docs.OfficialDates.day(LocalDate.of(2026, 3, 5))).isEqualTo("ngày 05 tháng 3 năm 2026");
		assertThat(vn.ideabank.common.docs.OfficialDates.day(LocalDate.of(2026, 2, 15))).isEqualTo("ngày 15 tháng 02 năm 2026");
		assertThat(documents.periodName(new ReportingPeriod(PeriodKind.QUY, 2026, 4))).isEqualTo("quý IV năm 2026");
		assertThat(documents.periodName(new ReportingPeriod(PeriodKind.SAU_THANG, 2026, 1))).isEqualTo("6 tháng đầu năm 2026");
	}

	@Test
	void theChildrenListAndTheReportListOpenInExcelWithTheirVietnameseText() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		documents.childrenXlsx(office, parent.id(), quarter, out);
		DataFormatter f = new DataFormatter();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			var sheet = book.getSheetAt(0);
			assertThat(f.formatCellValue(sheet.getRow(0).getCell(1))).isEqualTo("Đơn vị");
			assertThat(f.formatCellValue(sheet.getRow(1).getCell(1))).isEqualTo("Đoàn xã Thọ Ngọc Hữu Ích");
			assertThat(f.formatCellValue(sheet.getRow(1).getCell(2))).isEqualTo("Đã nộp");
		}
		out.reset();
		documents.listXlsx(office, new ReportService.ReportFilter(null, null, null, unit.id()), out);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			var row = book.getSheetAt(0).getRow(1);
			assertThat(f.formatCellValue(row.getCell(0))).isEqualTo("Đoàn xã Thọ Ngọc Hữu Ích");
			assertThat(f.formatCellValue(row.getCell(1))).startsWith("Quý " + quarter.number() + " năm " + quarter.year());
			assertThat(f.formatCellValue(row.getCell(4))).isEqualTo("1");
			assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(1);
		}
	}

	@Test
	void theIssuingBodyIsWrittenTheWayUnionDocumentsWriteIt() {
		assertThat(ReportDocuments.issuingBody("Huyện đoàn Triệu Sơn")).isEqualTo("BCH ĐOÀN HUYỆN TRIỆU SƠN");
		assertThat(ReportDocuments.issuingBody("Đoàn xã Thọ Dân")).isEqualTo("BCH ĐOÀN XÃ THỌ DÂN");
		assertThat(ReportDocuments.issuingBody("Chi đoàn thôn 1")).isEqualTo("BCH CHI ĐOÀN THÔN 1");
	}
}
