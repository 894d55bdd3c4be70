package vn.ideabank.initiative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.initiative.InitiativeCommands.Decide;
import vn.ideabank.initiative.InitiativeCommands.Register;
import vn.ideabank.initiative.InitiativeCommands.Return;
import vn.ideabank.initiative.InitiativeCommands.SendToCouncil;
import vn.ideabank.initiative.InitiativeDocuments.Kind;
import vn.ideabank.initiative.InitiativeViews.ApplicationView;
import vn.ideabank.initiative.InitiativeViews.Part;
import vn.ideabank.initiative.InitiativeViews.Reach;
import vn.ideabank.initiative.InitiativeViews.Status;
import vn.ideabank.org.UnitService;
import vn.ideabank.review.ReviewScoring;
import vn.ideabank.review.ReviewService;
import vn.ideabank.review.ReviewTestData;
import vn.ideabank.review.ReviewViews.CouncilView;
import vn.ideabank.review.ReviewViews.Decision;
import vn.ideabank.review.RubricService;

/** Application → receipt → council vote → decision → a certificate for each of two co-authors, and the refusals. */
class InitiativeFlowTests extends IntegrationTest {

	@Autowired
	InitiativeService applications;

	@Autowired
	InitiativeProcedure procedure;

	@Autowired
	InitiativeDocuments documents;

	@Autowired
	IdeaService ideas;

	@Autowired
	ReviewService reviews;

	@Autowired
	ReviewScoring scoring;

	@Autowired
	RubricService rubrics;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	Caller office, an, thodan, binh, cuong;

	long ts, t1;

	@BeforeEach
	void callers() {
		office = caller("huyendoan.trieuson");
		an = caller("nguyen.van.an");
		thodan = caller("doan.thodan");
		binh = caller("tran.thi.binh");
		cuong = caller("le.van.cuong");
		ts = units.findByCode("TS").orElseThrow().id();
		t1 = units.findByCode("TS-THODAN-T1").orElseThrow().id();
	}

	long rows() {
		return jdbc.sql("select (select count(*) from initiative_application) + (select count(*) from initiative_author)")
			.query(Long.class).single();
	}

	@Test
	void anInitiativeGoesFromApplicationToTwoCertificates() throws Exception {
		IdeaView idea = InitiativeTestWorld.endorsedIdea(ideas, an, thodan, t1, ReviewTestData.unique("Tưới nhỏ giọt thông minh "));
		String secret = ReviewTestData.unique("MẬT-");

		// bad input changes nothing
		long before = rows();
		assertThatThrownBy(() -> applications.file(an, InitiativeTestWorld.application(idea.id(), secret, new BigDecimal("60"),
				new BigDecimal("30")))).isInstanceOf(BusinessException.class).hasMessage("initiative.authors.sum");
		assertThatThrownBy(() -> applications.file(binh, InitiativeTestWorld.application(idea.id(), secret, new BigDecimal("60"),
				new BigDecimal("40")))).isInstanceOf(BusinessException.class).hasMessage("initiative.file.notEditable");
		assertThat(rows()).isEqualTo(before);

		ApplicationView a = applications.file(an, InitiativeTestWorld.application(idea.id(), secret, new BigDecimal("60"),
				new BigDecimal("40")));
		assertThat(a.status()).isEqualTo(Status.FILED);
		assertThat(a.newContent()).contains(secret);

		// intake: a due date in the past is refused, then the register number and the 3-month clock
		long v = a.version();
		assertThatThrownBy(() -> procedure.register(office, a.id(), new Register(null, LocalDate.now().minusDays(1), v)))
			.isInstanceOf(BusinessException.class).hasMessage("initiative.dueOn.past");
		ApplicationView registered = procedure.register(office, a.id(), new Register(null, null, v));
		assertThat(registered.registerNo()).isPositive();
		assertThat(registered.registerYear()).isEqualTo(LocalDate.now().getYear());
		assertThat(registered.dueOn()).isEqualTo(LocalDate.now().plusMonths(3));

		// no decision before the council voted
		assertThatThrownBy(() -> procedure.decide(office, a.id(), new Decide(true, Reach.DISTRICT, "15/QĐ-ĐTN",
				null, null, "Lê Văn Bí Thư", registered.version()))).isInstanceOf(BusinessException.class)
			.hasMessage("initiative.decide.noVote");

		CouncilView council = InitiativeTestWorld.council(reviews, rubrics, office, ts);
		ApplicationView sent = procedure.sendToCouncil(office, a.id(), new SendToCouncil(council.id(), registered.version()));

		// confidential parts: the council and the authors read them, an officer of the unit does not
		assertThat(applications.get(binh, a.id()).newContent()).contains(secret);
		assertThat(applications.get(an, a.id()).newContent()).contains(secret);
		ApplicationView forOfficer = applications.get(thodan, a.id());
		assertThat(forOfficer.newContent()).isNull();
		assertThat(forOfficer.withheld()).containsExactly(Part.NEW_CONTENT);
		assertThat(forOfficer.knownSolution()).isNotNull();
		assertThatThrownBy(() -> applications.confidential(thodan, a.id())).isInstanceOf(ForbiddenException.class)
			.hasMessage("initiative.confidential.forbidden");

		InitiativeTestWorld.scoreAndVote(reviews, scoring, office, binh, council.id(), idea.id(), Decision.ACCEPT);
		ApplicationView decided = procedure.decide(office, a.id(), new Decide(true, Reach.DISTRICT, "15/QĐ-ĐTN", null,
				null, "Lê Văn Bí Thư", sent.version()));
		assertThat(decided.status()).isEqualTo(Status.RECOGNISED);
		assertThat(decided.reach()).isEqualTo(Reach.DISTRICT);

		// every paper opens again, one page each, Vietnamese letters intact
		assertPaper(a.id(), Kind.RECEIPT, null, "GIẤY BIÊN NHẬN", registered.registerNumber(), "Nguyễn Văn An");
		assertPaper(a.id(), Kind.MINUTES, null, "BIÊN BẢN HỌP HỘI ĐỒNG SÁNG KIẾN", "Trần Thị Bình", "đề nghị công nhận");
		assertPaper(a.id(), Kind.DECISION, null, "QUYẾT ĐỊNH", "Nghị định số 13/2012/NĐ-CP", "Cấp huyện");
		assertPaper(a.id(), Kind.CERTIFICATE, 1, "GIẤY CHỨNG NHẬN SÁNG KIẾN", "Chứng nhận: Nguyễn Văn An", "Lê Thị Hường");
		assertPaper(a.id(), Kind.CERTIFICATE, 2, "GIẤY CHỨNG NHẬN SÁNG KIẾN", "Chứng nhận: Lê Thị Hường", "Nguyễn Văn An");
	}

	@Test
	void aReturnedApplicationStopsTheClockAndARefusalCarriesItsReasons() {
		IdeaView idea = InitiativeTestWorld.endorsedIdea(ideas, an, thodan, t1, ReviewTestData.unique("Máy sấy nông sản "));
		ApplicationView a = applications.file(an, InitiativeTestWorld.application(idea.id(), "x", new BigDecimal("50"),
				new BigDecimal("50")));
		ApplicationView registered = procedure.register(office, a.id(), new Register(null, null, a.version()));
		ApplicationView returned = procedure.returnForCompletion(office, a.id(), new Return("Bổ sung số liệu áp dụng thử", registered.version()));
		assertThat(returned.status()).isEqualTo(Status.RETURNED);
		assertThat(returned.returnedOn()).isEqualTo(LocalDate.now());
		ApplicationView completed = applications.complete(an, a.id(), InitiativeTestWorld.application(idea.id(), "y",
				new BigDecimal("70"), new BigDecimal("30")), returned.version());
		assertThat(completed.status()).isEqualTo(Status.FILED);
		ApplicationView again = procedure.register(office, a.id(), new Register(null, null, completed.version()));
		assertThat(again.registerNumber()).isEqualTo(registered.registerNumber());
		assertThat(again.dueOn()).isEqualTo(LocalDate.now().plusMonths(3));

		CouncilView council = InitiativeTestWorld.council(reviews, rubrics, office, ts);
		ApplicationView sent = procedure.sendToCouncil(office, a.id(), new SendToCouncil(council.id(), again.version()));
		InitiativeTestWorld.scoreAndVote(reviews, scoring, office, binh, council.id(), idea.id(), Decision.REJECT);
		assertThatThrownBy(() -> procedure.decide(office, a.id(), new Decide(true, Reach.BASE, "1/QĐ", null, null, null,
				sent.version()))).hasMessage("initiative.decide.councilAgainst");
		ApplicationView refused = procedure.decide(office, a.id(), new Decide(false, null, "2/TB", null,
				"Giải pháp đã được áp dụng rộng rãi trước đó", "Lê Văn Bí Thư", sent.version()));
		assertThat(refused.status()).isEqualTo(Status.REFUSED);
		assertThatThrownBy(() -> documents.write(office, a.id(), Kind.CERTIFICATE, 1, false, new ByteArrayOutputStream()))
			.hasMessage("initiative.doc.notDecided");
		String text = docxText(a.id(), Kind.DECISION, null);
		assertThat(text).contains("không công nhận sáng kiến").contains("Giải pháp đã được áp dụng rộng rãi trước đó");
	}

	String docxText(long id, Kind kind, Integer author) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		documents.write(office, id, kind, author, false, out);
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()));
				XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
			return Normalizer.normalize(extractor.getText(), Normalizer.Form.NFC);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	void assertPaper(long id, Kind kind, Integer author, String... expected) throws Exception {
		assertThat(docxText(id, kind, author)).contains(expected);
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		documents.write(office, id, kind, author, true, pdf);
		try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
			assertThat(doc.getNumberOfPages()).as(kind + " pages").isEqualTo(1);
			String text = Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFC);
			for (String e : expected) {
				assertThat(text.replaceAll("\\s+", " ")).as(kind + " pdf").contains(e);
			}
			// kept with a picture of its page, to be looked at (target/initiative-papers)
			Path dir = Path.of("target/initiative-papers");
			Files.createDirectories(dir);
			String name = kind.name().toLowerCase() + (author == null ? "" : "-" + author);
			Files.write(dir.resolve(name + ".pdf"), pdf.toByteArray());
			javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 70), "png",
					dir.resolve(name + ".png").toFile());
		}
	}
}
