package vn.ideabank.contest.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import vn.ideabank.IntegrationTest;
import vn.ideabank.account.AccountKind;
import vn.ideabank.account.AccountService;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Role;
import vn.ideabank.contest.AwardTier;
import vn.ideabank.contest.ContestCommands.Award;
import vn.ideabank.contest.ContestCommands.AwardDecision;
import vn.ideabank.contest.ContestView;
import vn.ideabank.contest.NominationView;
import vn.ideabank.contest.RoundTestData;
import vn.ideabank.org.UnitView;

/**
 * The award decision, the awards list and the certificates over the API: the organiser's office gets the papers
 * (opened again and read), an officer who sees the contest gets 403 and one who does not 404, both as Vietnamese
 * problem details and never a file; the certificates appear with publication.
 */
class ContestApiTests extends IntegrationTest {

	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();

	@Autowired
	ApplicationContext context;

	@Autowired
	AccountService accounts;

	@Test
	void theOrganiserGetsTheAwardPapersAndOthersAClearRefusal() throws Exception {
		RoundTestData data = new RoundTestData(context, this::caller);
		Caller office = caller("huyendoan.trieuson");
		long ts = data.units.findByCode("TS").orElseThrow().id();
		UnitView unit = data.unit(ts, "CA" + RUN, "Đoàn trường Hội thi API " + RUN, "Đoàn cơ sở");
		String officer = "ca" + RUN.toLowerCase() + ".officer";
		accounts.createBySystem(officer, "Cán bộ hội thi " + RUN, AccountKind.PERSON, unit.code(), Role.UNIT_OFFICER,
				"x-password-123");
		String title = "Máy tách hạt sen " + RUN;
		ContestView c = data.openContest(office, unit.id(), "Hội thi sáng tạo API " + RUN);
		NominationView entry = data.nominations.nominate(office, c.id(), data.acceptedIdea(unit.id(), title, "Phạm Thị Ánh"));
		data.judging(office, c.id());
		data.nominations.award(office, entry.id(), new Award(AwardTier.FIRST, null), entry.version());
		data.contests.decide(office, c.id(), new AwardDecision("Lê Văn Thành", "BÍ THƯ", "31-QĐ/ĐTN", LocalDate.of(2026, 3, 5)),
				data.contests.get(office, c.id()).version());
		String base = "/api/v1/contests/" + c.id();

		// before publication: the papers, no certificates yet
		assertThat(mvc.get().uri(base + "/certificates").with(as("huyendoan.trieuson"))).hasStatusOk().bodyJson()
			.isEqualTo("[]");
		MvcTestResult docx = mvc.get().uri(base + "/award-decision.docx").with(as("huyendoan.trieuson")).exchange();
		assertThat(docx).hasStatusOk().hasContentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertThat(docx.getResponse().getHeader("Content-Disposition")).contains("quyet-dinh-khen-thuong-" + c.id() + ".docx");
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.getResponse().getContentAsByteArray()));
				XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			assertThat(text.getText()).contains("QUYẾT ĐỊNH", "Số: 31-QĐ/ĐTN", "ngày 05 tháng 3 năm 2026", title, "Phạm Thị Ánh",
					"Giải Nhất", "Lê Văn Thành");
		}
		MvcTestResult pdf = mvc.get().uri(base + "/awards.pdf").with(as("huyendoan.trieuson")).exchange();
		assertThat(pdf).hasStatusOk().hasContentType("application/pdf");
		try (PDDocument list = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
			assertThat(new PDFTextStripper().getText(list).replaceAll("\\s+", " ")).contains(title, "Phạm Thị Ánh", "Giải Nhất",
					"31-QĐ/ĐTN");
		}

		// an officer of the organising unit sees the contest but is not its office: 403; another commune's: 404
		for (String paper : new String[] { "/award-decision.docx", "/awards.pdf" }) {
			refused(mvc.get().uri(base + paper).with(as(officer)).exchange(), HttpStatus.FORBIDDEN,
					"Bạn không có quyền truy cập nội dung này.");
			refused(mvc.get().uri(base + paper).with(as("doan.thotan")).exchange(), HttpStatus.NOT_FOUND,
					"Không tìm thấy hội thi.");
		}
		refused(mvc.get().uri(base + "/certificates").with(as("doan.thotan")).exchange(), HttpStatus.NOT_FOUND,
				"Không tìm thấy hội thi.");
		refused(mvc.get().uri("/api/v1/contests/0/awards.pdf").with(as("huyendoan.trieuson")).exchange(),
				HttpStatus.NOT_FOUND, "Không tìm thấy hội thi.");

		// publication issues the certificate: listed for everyone who sees the contest, with its public addresses
		data.contests.advance(office, c.id(), data.contests.get(office, c.id()).version());
		String code = data.contests.publicResults(c.id()).get(0).certificateCode();
		for (String reader : new String[] { "huyendoan.trieuson", officer }) {
			var json = assertThat(mvc.get().uri(base + "/certificates").with(as(reader))).hasStatusOk().bodyJson();
			json.extractingPath("$").asArray().hasSize(1);
			json.extractingPath("$[0].code").isEqualTo(code);
			json.extractingPath("$[0].recipient").isEqualTo("Phạm Thị Ánh");
			json.extractingPath("$[0].award").isEqualTo("Giải Nhất");
			json.extractingPath("$[0].issuer").isEqualTo(unit.name());
			json.extractingPath("$[0].decisionNumber").isEqualTo("31-QĐ/ĐTN");
			json.extractingPath("$[0].pdfUrl").asString().endsWith("/public/certificates/" + code + "/pdf");
		}
	}

	private static void refused(MvcTestResult result, HttpStatus status, String detail) {
		assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result.getResponse().getHeader("Content-Disposition")).isNull();
		assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo(detail);
	}
}
