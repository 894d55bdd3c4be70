package vn.ideabank.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
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
import vn.ideabank.quota.TargetKind;

/**
 * What a unit sent stays what it sent: once a report is submitted its progress table (targets of the year and what was
 * done) is stored, and the page, the .docx, the .pdf, the list's .xlsx and the API show it unchanged after the records
 * change; a draft (and a report returned for revision) counts the new records.
 */
class ReportProgressSnapshotTests extends IntegrationTest {

	@Autowired
	ReportService reports;

	@Autowired
	ReportDocuments documents;

	@Autowired
	UnitService units;

	@Autowired
	IdeaService ideas;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSubmittedReportKeepsTheProgressItSentWhileADraftCountsTheNewRecords() throws Exception {
		ReportFixtures fx = new ReportFixtures(units, ideas, jdbc, caller("admin"));
		String code = ReportFixtures.uniqueCode("RP");
		UnitView parent = fx.unit(null, code, "Đoàn khối Chốt số liệu " + code);
		UnitView unit = fx.unit(parent.id(), code + "-X", "Đoàn xã Chốt Số Liệu " + code);
		Caller officer = ReportFixtures.at(caller("doan.thodan"), Role.UNIT_OFFICER, unit);
		Caller office = ReportFixtures.at(caller("huyendoan.trieuson"), Role.OFFICE, parent);
		LocalDate today = reports.today();
		ReportingPeriod quarter = ReportingPeriod.containing(PeriodKind.QUY, today);
		fx.idea(unit, "Ý tưởng gửi trong quý " + code, IdeaStatus.APPLIED, today, SectorField.AGRICULTURE);

		ReportView r = reports.open(officer, unit.id(), quarter);
		assertThat(reports.progress(officer, r.id()).frozen()).as("a draft counts live").isFalse();
		r = reports.submit(officer, r.id(), r.version());
		ProgressTable sent = reports.progress(officer, r.id());
		assertThat(sent.frozen()).isTrue();
		assertThat(ideasProposed(sent)).isEqualTo(1);
		String docxSent = progressOfDocx(r.id());
		String pdfSent = progressOfPdf(r.id());
		String pageSent = progressOfPage(r.id());
		assertThat(docxSent).contains("Ý tưởng đề xuất", "Cuộc thi khoa học, công nghệ được tổ chức", "Câu lạc bộ được thành lập");
		assertThat(pageSent).contains("Tiến độ đã chốt khi nộp báo cáo", "Ý tưởng đề xuất");

		// the records change after the submission: another idea of the period
		fx.idea(unit, "Mô hình thêm sau khi gửi báo cáo " + code, IdeaStatus.APPLIED, today, SectorField.AGRICULTURE);

		ProgressTable read = reports.progress(office, r.id());
		assertThat(read.frozen()).isTrue();
		assertThat(read.rows()).as("the parent reads what was sent").isEqualTo(sent.rows());
		assertThat(progressOfDocx(r.id())).isEqualTo(docxSent);
		assertThat(progressOfPdf(r.id())).isEqualTo(pdfSent);
		assertThat(progressOfPage(r.id())).isEqualTo(pageSent);
		var json = assertThat(mvc.get().uri("/api/v1/reports/periodic/{id}/progress", r.id()).with(as("admin"))).hasStatusOk()
			.bodyJson();
		json.extractingPath("$.frozen").isEqualTo(true);
		json.extractingPath("$.rows[?(@.kind == 'IDEAS_PROPOSED')].actual").asArray().containsExactly(1);
		assertThat(proposedInTheListXlsx(unit, quarter)).isEqualTo("1");

		// a draft of the same unit counts the new idea …
		ReportView month = reports.open(officer, unit.id(), ReportingPeriod.containing(PeriodKind.THANG, today));
		ProgressTable live = reports.progress(officer, month.id());
		assertThat(live.frozen()).isFalse();
		assertThat(ideasProposed(live)).isEqualTo(2);
		// … and so does the quarter's report once returned for revision, until it is submitted again
		r = reports.returnForRevision(office, r.id(), r.version(), "Bổ sung số liệu");
		assertThat(reports.progress(officer, r.id()).frozen()).isFalse();
		assertThat(ideasProposed(reports.progress(officer, r.id()))).isEqualTo(2);
		assertThat(progressOfDocx(r.id())).isNotEqualTo(docxSent);
		r = reports.submit(officer, r.id(), r.version());
		assertThat(ideasProposed(reports.progress(office, r.id()))).isEqualTo(2);
	}

	private static long ideasProposed(ProgressTable table) {
		return table.rows().stream().filter(row -> row.kind() == TargetKind.IDEAS_PROPOSED).findFirst().orElseThrow().actual();
	}

	/** Table 1 of the .docx the parent's office downloads, cell by cell. */
	private String progressOfDocx(long id) throws Exception {
		var body = mvc.get().uri("/reports/periodic/{id}/document.docx", id).with(as("admin")).exchange().getResponse();
		assertThat(body.getStatus()).isEqualTo(200);
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(body.getContentAsByteArray()))) {
			return doc.getTables().get(1).getRows().stream()
				.map(row -> row.getTableCells().stream().map(c -> c.getText()).collect(Collectors.joining(" | ")))
				.collect(Collectors.joining("\n"));
		}
	}

	/** The text of the .pdf from table 1's caption to table 2's. */
	private String progressOfPdf(long id) throws Exception {
		var body = mvc.get().uri("/reports/periodic/{id}/document.pdf", id).with(as("admin")).exchange().getResponse();
		assertThat(body.getStatus()).isEqualTo(200);
		try (PDDocument pdf = Loader.loadPDF(body.getContentAsByteArray())) {
			String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
			int from = text.indexOf("1. Tiến độ thực hiện chỉ tiêu năm");
			int to = text.indexOf("2. Ý tưởng, sáng kiến đề xuất theo lĩnh vực");
			assertThat(from).isNotNegative();
			assertThat(to).isGreaterThan(from);
			return text.substring(from, to);
		}
	}

	/** The report page's progress section. */
	private String progressOfPage(long id) throws Exception {
		String html = mvc.get().uri("/reports/periodic/{id}", id).with(as("admin")).exchange().getResponse()
			.getContentAsString();
		int from = html.indexOf("id=\"progress\"");
		assertThat(from).isNotNegative();
		return html.substring(from, html.indexOf("</section>", from));
	}

	/** The "proposed" column of the report list's .xlsx for the unit and the quarter. */
	private String proposedInTheListXlsx(UnitView unit, ReportingPeriod quarter) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		documents.listXlsx(caller("admin"), new ReportService.ReportFilter(PeriodKind.QUY, quarter.year(), null, unit.id()), out);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			return new DataFormatter().formatCellValue(book.getSheetAt(0).getRow(1).getCell(4));
		}
	}
}
