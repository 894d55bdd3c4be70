package vn.ideabank.initiative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

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
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.security.Caller;
import vn.ideabank.initiative.InitiativeCommands.ConfirmPriority;
import vn.ideabank.initiative.InitiativeCommands.Decide;
import vn.ideabank.initiative.InitiativeCommands.RecordMeeting;
import vn.ideabank.initiative.InitiativeCommands.SetRemuneration;
import vn.ideabank.initiative.InitiativeDocuments.Kind;
import vn.ideabank.initiative.InitiativeViews.Meeting;
import vn.ideabank.initiative.InitiativeViews.Reach;
import vn.ideabank.initiative.InitiativeViews.Status;
import vn.ideabank.org.UnitService;
import vn.ideabank.review.ReviewTestData;
import vn.ideabank.review.ReviewViews.Decision;

/**
 * The office's steps added to the procedure, through the API and the papers: who was present at the council's meeting
 * (printed in the minutes, distinct from the membership), the decision date's bounds, the per-office remuneration
 * switch in front of the remuneration lines, and the candidates for priority from the similar-ideas score.
 */
class InitiativeOfficeStepsTests extends IntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	InitiativeService applications;

	@Autowired
	InitiativeProcedure procedure;

	@Autowired
	InitiativeMeeting meetings;

	@Autowired
	InitiativeSettings settings;

	@Autowired
	InitiativeDocuments documents;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	InitiativeTestWorld.Voted voted(String title, LocalDate receivedOn) {
		return InitiativeTestWorld.voted(context, this::caller, ReviewTestData.unique(title), receivedOn, Decision.ACCEPT);
	}

	long meetingRows() {
		return jdbc.sql("select count(*) from initiative_meeting_member").query(Long.class).single();
	}

	@Test
	void theMinutesListWhoWasPresentNotTheWholeCouncilAndTheMeetingClosesWithTheDecision() throws Exception {
		Caller office = caller("huyendoan.trieuson");
		var v = voted("Máy sấy lúa mini ", LocalDate.now());
		long id = v.application().id();
		long binh = caller("tran.thi.binh").accountId(), cuong = caller("le.van.cuong").accountId();

		// by default the members who scored are present: binh scored, cuong did not
		Meeting byDefault = meetings.meeting(office, id);
		assertThat(byDefault.recorded()).isFalse();
		assertThat(byDefault.members()).extracting(InitiativeViews.Attendee::accountId).containsExactlyInAnyOrder(binh, cuong);
		assertThat(byDefault.members()).filteredOn(InitiativeViews.Attendee::present).extracting(InitiativeViews.Attendee::accountId)
			.containsExactly(binh);
		assertThat(minutesText(office, id)).contains("Có mặt (1): Trần Thị Bình.", "Vắng mặt (1): Lê Văn Cường.")
			.doesNotContain("Chủ tọa:");

		// refusals change nothing
		long version = v.application().version();
		long before = meetingRows();
		long outsider = caller("doan.thotan").accountId();
		assertThatThrownBy(() -> meetings.record(office, id, new RecordMeeting(List.of(), null, null, version)))
			.hasMessage("initiative.meeting.nobody");
		assertThatThrownBy(() -> meetings.record(office, id, new RecordMeeting(List.of(binh, outsider), null, null, version)))
			.hasMessage("initiative.meeting.notMember");
		assertThatThrownBy(() -> meetings.record(office, id, new RecordMeeting(List.of(binh), cuong, null, version)))
			.hasMessage("initiative.meeting.chairAbsent");
		assertThatThrownBy(() -> meetings.record(office, id, new RecordMeeting(List.of(binh, cuong), cuong, cuong, version)))
			.hasMessage("initiative.meeting.sameSecretary");
		assertThat(meetingRows()).isEqualTo(before);

		// through the API: both present, cuong chairs, binh takes the minutes
		assertThat(mvc.put().uri("/api/v1/initiatives/{id}/meeting", id).with(as("huyendoan.trieuson")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"present\": [%d, %d], \"chairId\": %d, \"secretaryId\": %d, \"version\": %d}".formatted(binh, cuong, cuong,
					binh, version)))
			.hasStatusOk().bodyJson().extractingPath("$.recorded").isEqualTo(true);
		// someone outside the office cannot read or change it
		assertThat(mvc.get().uri("/api/v1/initiatives/{id}/meeting", id).with(as("doan.thodan"))).hasStatus(HttpStatus.FORBIDDEN);
		String text = minutesText(office, id);
		assertThat(text).contains("Có mặt (2): Lê Văn Cường, Trần Thị Bình.", "Chủ tọa: Lê Văn Cường. Thư ký: Trần Thị Bình.")
			.doesNotContain("Vắng mặt");
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		documents.write(office, id, Kind.MINUTES, null, true, pdf);
		try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
			assertThat(doc.getNumberOfPages()).isEqualTo(1);
			assertThat(nfc(new PDFTextStripper().getText(doc)).replaceAll("\\s+", " "))
				.contains("Có mặt (2): Lê Văn Cường, Trần Thị Bình.", "Chủ tọa: Lê Văn Cường.");
		}

		// after the decision the minutes stand as they were
		var now = applications.get(office, id);
		procedure.decide(office, id, new Decide(true, Reach.BASE, "3/QĐ-HĐ", null, null, "Bí thư", now.version()));
		var decided = applications.get(office, id);
		assertThatThrownBy(() -> meetings.record(office, id, new RecordMeeting(List.of(binh), null, null, decided.version())))
			.hasMessage("initiative.meeting.closed");
	}

	@Test
	void theDecisionDateIsNeitherInTheFutureNorBeforeTheApplicationWasReceived() {
		Caller office = caller("huyendoan.trieuson");
		LocalDate received = LocalDate.now().minusDays(10);
		var v = voted("Bẫy chuột sinh học ", received);
		long id = v.application().id();
		String body = "{\"recognise\": true, \"reach\": \"BASE\", \"decisionNo\": \"9/QĐ\", \"decidedOn\": \"%s\", \"version\": %d}";
		assertThat(mvc.post().uri("/api/v1/initiatives/{id}/decision", id).with(as("huyendoan.trieuson")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(body.formatted(LocalDate.now().plusDays(1), v.application().version())))
			.hasStatus(HttpStatus.UNPROCESSABLE_ENTITY).bodyText().contains("Ngày quyết định không thể sau hôm nay.");
		String receivedText = "%02d/%02d/%d".formatted(received.getDayOfMonth(), received.getMonthValue(), received.getYear());
		assertThat(mvc.post().uri("/api/v1/initiatives/{id}/decision", id).with(as("huyendoan.trieuson")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(body.formatted(received.minusDays(1), v.application().version())))
			.hasStatus(HttpStatus.UNPROCESSABLE_ENTITY).bodyText()
			.contains("Ngày quyết định không thể trước ngày nhận đơn (" + receivedText + ").");
		assertThat(applications.get(office, id).status()).isEqualTo(Status.ACCEPTED);
		assertThat(mvc.post().uri("/api/v1/initiatives/{id}/decision", id).with(as("huyendoan.trieuson")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(body.formatted(received, v.application().version())))
			.hasStatusOk();
		assertThat(applications.get(office, id).decidedOn()).isEqualTo(received);
	}

	@Test
	void remunerationIsRefusedUntilTheOfficeTurnsItOnThenTheMinimumOwedFollowsDecree13() {
		Caller office = caller("huyendoan.trieuson");
		long ts = units.findByCode("TS").orElseThrow().id();
		long thodan = units.findByCode("TS-THODAN").orElseThrow().id();
		var v = voted("Lò ấp trứng tiết kiệm điện ", LocalDate.now());
		long id = v.application().id();
		procedure.decide(office, id, new Decide(true, Reach.DISTRICT, "21/QĐ", null, null, "Bí thư", v.application().version()));
		var ts0 = settings.of(office, ts);
		if (ts0.remuneration()) {
			settings.setRemuneration(office, new SetRemuneration(ts, false, ts0.version()));
		}

		// off: the API refuses with the reason, in Vietnamese, and nothing is recorded
		String year1 = "{\"yearNo\": 1, \"gain\": 100000000, \"transferPrice\": 40000000, \"paid\": 5000000}";
		assertThat(mvc.post().uri("/api/v1/initiatives/{id}/benefits", id).with(as("huyendoan.trieuson")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(year1)).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY).bodyText()
			.contains("Huyện đoàn Triệu Sơn chưa bật phần thù lao tác giả sáng kiến");
		assertThat(mvc.get().uri("/api/v1/initiatives/{id}/benefits", id).with(as("huyendoan.trieuson")))
			.hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(mvc.get().uri("/api/v1/initiatives/{id}/benefits.xlsx", id).with(as("huyendoan.trieuson")))
			.hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(jdbc.sql("select count(*) from initiative_benefit where application_id = :id").param("id", id)
			.query(Long.class).single()).isZero();
		assertThat(applications.remunerationOn(office, id)).isFalse();

		// a unit officer cannot turn it on, neither for the district nor for the own commune
		var tsNow = settings.of(office, ts);
		String turnOn = "{\"unitId\": %d, \"remuneration\": true, \"version\": %d}";
		assertThat(mvc.put().uri("/api/v1/initiatives/settings").with(as("doan.thodan")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(turnOn.formatted(ts, tsNow.version()))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.put().uri("/api/v1/initiatives/settings").with(as("doan.thodan")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(turnOn.formatted(thodan, 0)))
			.hasStatus(HttpStatus.FORBIDDEN).bodyText().contains("Chỉ văn phòng của đơn vị");
		// the office turns it on; a stale version is a conflict
		assertThat(mvc.put().uri("/api/v1/initiatives/settings").with(as("huyendoan.trieuson")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(turnOn.formatted(ts, tsNow.version() + 7))).hasStatus(HttpStatus.CONFLICT);
		assertThat(mvc.put().uri("/api/v1/initiatives/settings").with(as("huyendoan.trieuson")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(turnOn.formatted(ts, tsNow.version())))
			.hasStatusOk().bodyJson().extractingPath("$.remuneration").isEqualTo(true);
		assertThat(mvc.get().uri("/api/v1/initiatives/settings?unitId={u}", ts).with(as("doan.thodan")))
			.hasStatus(HttpStatus.NOT_FOUND);

		// on: 7 % of the gain (7,000,000) against 15 % of the transfer price (6,000,000): the larger is owed
		assertThat(mvc.post().uri("/api/v1/initiatives/{id}/benefits", id).with(as("huyendoan.trieuson")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(year1)).hasStatusOk().bodyText().contains("\"owed\":7000000");
		assertThat(mvc.post().uri("/api/v1/initiatives/{id}/benefits", id).with(as("huyendoan.trieuson")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"yearNo\": 2, \"gain\": -5}"))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors.gain").isNotNull();
		assertThat(applications.benefits(office, id)).singleElement().satisfies(b -> {
			assertThat(b.owed()).isEqualByComparingTo("7000000");
			assertThat(b.outstanding()).isEqualByComparingTo("2000000");
		});
		assertThat(mvc.get().uri("/api/v1/initiatives/{id}/benefits.xlsx", id).with(as("huyendoan.trieuson"))).hasStatusOk();
	}

	@Test
	void theCandidatesForPriorityAreTheEarlierFilingsTheSimilarIdeasScoreLinks() {
		Caller office = caller("huyendoan.trieuson");
		String title = ReviewTestData.unique("Máy tách hạt sen xtachhatsen ");
		var earlier = InitiativeTestWorld.voted(context, this::caller, title, LocalDate.now(), null);
		var later = InitiativeTestWorld.voted(context, this::caller, title, LocalDate.now(), null);
		long id = later.application().id();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
			.until(() -> procedure.priorityCandidates(office, id).stream().anyMatch(c -> c.id() == earlier.application().id()));
		var candidate = procedure.priorityCandidates(office, id).stream().filter(c -> c.id() == earlier.application().id())
			.findFirst().orElseThrow();
		assertThat(candidate.similarity()).isGreaterThanOrEqualTo(procedure.sameSolutionScore());
		assertThat(candidate.ideaCode()).isEqualTo(earlier.idea().code());
		// the earlier one never lists the later one: priority goes to the earlier filing
		assertThat(procedure.priorityCandidates(office, earlier.application().id()))
			.noneMatch(c -> c.id() == later.application().id());
		assertThat(mvc.get().uri("/api/v1/initiatives/{id}/priority-candidates", id).with(as("huyendoan.trieuson"))).hasStatusOk()
			.bodyText().contains(earlier.idea().code());
		assertThat(mvc.get().uri("/api/v1/initiatives/{id}/priority-candidates", id).with(as("doan.thodan")))
			.hasStatus(HttpStatus.FORBIDDEN);
		var flagged = procedure.confirmPriority(office, id, new ConfirmPriority(earlier.application().id(), later.application().version()));
		assertThat(flagged.earlierId()).isEqualTo(earlier.application().id());
	}

	String minutesText(Caller office, long id) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		documents.write(office, id, Kind.MINUTES, null, false, out);
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()));
				XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
			return nfc(extractor.getText());
		}
	}

	static String nfc(String s) {
		return Normalizer.normalize(s, Normalizer.Form.NFC);
	}
}
