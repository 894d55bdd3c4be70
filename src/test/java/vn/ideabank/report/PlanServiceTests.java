package vn.ideabank.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Role;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.report.PlanCommands.CreatePlanRequest;
import vn.ideabank.report.PlanCommands.Upload;

class PlanServiceTests extends IntegrationTest {

	@Autowired
	PlanService plans;

	@Autowired
	ReportReminders reminders;

	@Autowired
	UnitService units;

	@Autowired
	ReportPunctuality punctuality;

	@Autowired
	IdeaService ideas;

	@Autowired
	JdbcClient jdbc;

	@Value("${ideabank.files.dir}")
	String filesDir;

	ReportFixtures fx;

	@BeforeEach
	void setUp() {
		fx = new ReportFixtures(units, ideas, jdbc, caller("admin"));
	}

	static byte[] docx(String text) throws IOException {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			doc.createParagraph().createRun().setText(text);
			doc.write(out);
			return out.toByteArray();
		}
	}

	static Upload upload(String name, byte[] bytes) {
		return new Upload(name, bytes.length, () -> new ByteArrayInputStream(bytes));
	}

	private record Tree(UnitView root, UnitView a, UnitView b, UnitView c) {
	}

	private Tree tree(String tag) {
		String code = "PL" + tag + ReportFixtures.RUN;
		UnitView root = fx.unit(null, code, "Đoàn khối Kế hoạch " + tag);
		return new Tree(root, fx.unit(root.id(), code + "-A", "Đoàn xã Ấp Đông " + tag),
				fx.unit(root.id(), code + "-B", "Đoàn xã Bến Ngự " + tag), fx.unit(root.id(), code + "-C", "Đoàn xã Cẩm Lũy " + tag));
	}

	private long fileCount() throws IOException {
		Path dir = Path.of(filesDir);
		if (!Files.exists(dir)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).count();
		}
	}

	@Test
	void unitsUploadOnTimeOrLateAndTheOfficeSeesWhoIsMissing() throws IOException {
		Tree t = tree("ST");
		Caller office = ReportFixtures.at(caller("huyendoan.trieuson"), Role.OFFICE, t.root());
		LocalDate deadline = LocalDate.now().plusDays(10);
		PlanRequestView request = plans.create(office, new CreatePlanRequest(t.root().id(), "Kế hoạch thực hiện “Tuổi trẻ sáng tạo”",
				deadline.getYear(), deadline, "Gửi về Văn phòng chậm nhất ngày hạn nộp", List.of()),
				upload("Hướng dẫn.docx", docx("Hướng dẫn xây dựng kế hoạch")));
		assertThat(request.counts().addressed()).as("every direct child").isEqualTo(3);

		Caller officerA = ReportFixtures.at(caller("doan.thodan"), Role.UNIT_OFFICER, t.a());
		Caller officerB = ReportFixtures.at(caller("doan.thotan"), Role.UNIT_OFFICER, t.b());
		plans.submit(officerA, request.id(), t.a().id(), upload("Kế hoạch xã Ấp Đông.docx", docx("Kế hoạch")));
		plans.submit(officerA, request.id(), t.a().id(), upload("Kế hoạch xã Ấp Đông (sửa).docx", docx("Kế hoạch sửa")));
		// time passes: A's uploads were three days ago, the deadline was yesterday
		jdbc.sql("update report_plan_target set first_submitted_at = first_submitted_at - interval '3 days' where request_id = :id")
			.param("id", request.id()).update();
		jdbc.sql("update report_plan_request set deadline = :d where id = :id").param("d", LocalDate.now().minusDays(1))
			.param("id", request.id()).update();
		PlanSubmissionView late = plans.submit(officerB, request.id(), t.b().id(), upload("Kế hoạch Bến Ngự.pdf", minimalPdf()));
		assertThat(late.late()).isTrue();

		PlanService.PlanRequestDetails details = plans.get(office, request.id());
		assertThat(details.targets()).extracting(PlanRecipientView::unitName, PlanRecipientView::status)
			.containsExactlyInAnyOrder(tuple(t.a().name(), PlanStatus.ON_TIME), tuple(t.b().name(), PlanStatus.LATE),
					tuple(t.c().name(), PlanStatus.MISSING));
		assertThat(details.request().counts()).isEqualTo(new PlanRequestView.Counts(3, 1, 1, 1));
		assertThat(plans.submissions(office, request.id(), t.a().id())).as("resubmission keeps the history")
			.extracting(PlanSubmissionView::fileName)
			.containsExactly("Kế hoạch xã Ấp Đông (sửa).docx", "Kế hoạch xã Ấp Đông.docx");

		// the creativity criterion's punctuality input (target module SPI)
		int year = request.year();
		assertThat(punctuality.value(units.find(t.a().id()).orElseThrow(), year)).hasValue(1.0);
		assertThat(punctuality.value(units.find(t.b().id()).orElseThrow(), year)).hasValue(0.0);
		assertThat(punctuality.value(units.find(t.c().id()).orElseThrow(), year)).as("missing after the deadline").hasValue(0.0);
		assertThat(punctuality.value(units.find(t.root().id()).orElseThrow(), year)).as("nothing asked of it").isEmpty();

		// a unit officer sees only its own row, and nothing of a request that does not address it
		assertThat(plans.get(officerA, request.id()).targets()).extracting(PlanRecipientView::unitId).containsExactly(t.a().id());
		assertThatThrownBy(() -> plans.submit(officerB, request.id(), t.a().id(), upload("x.docx", docx("x"))))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> plans.submissions(officerB, request.id(), t.a().id())).isInstanceOf(ForbiddenException.class);
		Caller stranger = ReportFixtures.at(caller("doan.thotan"), Role.UNIT_OFFICER,
				units.findByCode("TS-THOTAN").orElseThrow());
		assertThatThrownBy(() -> plans.get(stranger, request.id())).isInstanceOf(ForbiddenException.class);
		assertThat(plans.list(stranger, org.springframework.data.domain.PageRequest.of(0, 100)).getContent())
			.extracting(PlanRequestView::id).doesNotContain(request.id());
		assertThat(plans.pending(officerA, 50)).extracting(PlanRecipientView::requestId).doesNotContain(request.id());
		Caller officerC = ReportFixtures.at(caller("doan.thotan"), Role.UNIT_OFFICER, t.c());
		assertThat(plans.pending(officerC, 50)).filteredOn(p -> p.requestId() == request.id())
			.singleElement().satisfies(p -> assertThat(p.overdue(LocalDate.now())).isTrue());
	}

	@Test
	void badUploadsAndBadRequestsLeaveNoRowAndNoFile() throws IOException {
		Tree t = tree("BD");
		Caller office = ReportFixtures.at(caller("huyendoan.trieuson"), Role.OFFICE, t.root());
		Caller officerA = ReportFixtures.at(caller("doan.thodan"), Role.UNIT_OFFICER, t.a());
		LocalDate deadline = LocalDate.now().plusDays(5);
		long requests = jdbc.sql("select count(*) from report_plan_request").query(Long.class).single();
		assertThatThrownBy(() -> plans.create(office, new CreatePlanRequest(t.root().id(), "Kế hoạch", deadline.getYear(),
				LocalDate.now().minusDays(1), null, List.of()), null)).isInstanceOf(BusinessException.class)
			.hasMessage("report.error.deadlinePast");
		assertThatThrownBy(() -> plans.create(office, new CreatePlanRequest(t.root().id(), "Kế hoạch", deadline.getYear(), deadline, null,
				List.of(units.findByCode("TS-THODAN").orElseThrow().id())), null)).isInstanceOf(BusinessException.class)
			.hasMessage("report.error.notAChild");
		assertThatThrownBy(() -> plans.create(office, new CreatePlanRequest(t.root().id(), "Kế hoạch", deadline.getYear() - 1,
				deadline, null, List.of()), null)).as("a deadline after the plan's year").isInstanceOf(BusinessException.class)
			.hasMessage("report.error.deadlineAfterYear");
		long filesBefore = fileCount();
		assertThatThrownBy(() -> plans.create(office, new CreatePlanRequest(t.root().id(), "Kế hoạch", deadline.getYear(), deadline, null,
				List.of()), upload("huong-dan.docx", "không phải docx".getBytes()))).isInstanceOf(BusinessException.class)
			.hasMessage("upload.error.mismatch");
		assertThat(jdbc.sql("select count(*) from report_plan_request").query(Long.class).single()).isEqualTo(requests);
		assertThatThrownBy(() -> plans.create(officerA, new CreatePlanRequest(t.a().id(), "Kế hoạch", deadline.getYear(), deadline, null,
				List.of()), null)).as("a unit officer does not ask for plans").isInstanceOf(ForbiddenException.class);

		PlanRequestView request = plans.create(office, new CreatePlanRequest(t.root().id(), "Kế hoạch", deadline.getYear(), deadline,
				null, List.of(t.a().id())), null);
		assertThat(request.counts().addressed()).as("only the chosen unit").isEqualTo(1);
		byte[] png = new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0 };
		assertThatThrownBy(() -> plans.submit(officerA, request.id(), t.a().id(), upload("anh.png", png)))
			.isInstanceOf(BusinessException.class).hasMessage("report.error.notADocument");
		assertThatThrownBy(() -> plans.submit(officerA, request.id(), t.a().id(), upload("ke-hoach.pdf", "MZ…".getBytes())))
			.isInstanceOf(BusinessException.class).hasMessage("upload.error.mismatch");
		assertThatThrownBy(() -> plans.submit(officerA, request.id(), t.b().id(), upload("ke-hoach.docx", docx("x"))))
			.isInstanceOf(vn.ideabank.common.error.NotFoundException.class);
		assertThat(plans.get(office, request.id()).targets()).singleElement()
			.satisfies(tv -> assertThat(tv.status()).isEqualTo(PlanStatus.MISSING));
		assertThat(plans.submissions(office, request.id(), t.a().id())).isEmpty();
		assertThat(fileCount()).as("no file left behind").isEqualTo(filesBefore);
	}

	@Test
	void theReminderJobRecordsOneReminderPerUnitKindAndOffsetBeforeAndAfterTheDeadline() throws IOException {
		Tree t = tree("RM");
		Caller office = ReportFixtures.at(caller("huyendoan.trieuson"), Role.OFFICE, t.root());
		LocalDate deadline = LocalDate.now().plusDays(20);
		PlanRequestView request = plans.create(office, new CreatePlanRequest(t.root().id(), "Kế hoạch có nhắc", deadline.getYear(),
				deadline, null, List.of()), null);
		Caller officerA = ReportFixtures.at(caller("doan.thodan"), Role.UNIT_OFFICER, t.a());
		plans.submit(officerA, request.id(), t.a().id(), upload("ke-hoach.docx", docx("Kế hoạch")));
		ZoneId zone = ZoneId.systemDefault();

		assertThat(mine(reminders.remind(clockAt(deadline.minusDays(5), zone)), request)).as("too early").isEmpty();
		List<ReportReminderDue> threeBefore = mine(reminders.remind(clockAt(deadline.minusDays(3), zone)), request);
		assertThat(threeBefore).extracting(ReportReminderDue::unitId, ReportReminderDue::kind, ReportReminderDue::dayOffset)
			.containsExactlyInAnyOrder(tuple(t.b().id(), "BEFORE", 3), tuple(t.c().id(), "BEFORE", 3));
		assertThat(mine(reminders.remind(clockAt(deadline.minusDays(3), zone)), request)).as("idempotent").isEmpty();
		assertThat(mine(reminders.remind(clockAt(deadline.minusDays(1), zone)), request)).extracting(ReportReminderDue::dayOffset)
			.containsOnly(1).hasSize(2);
		assertThat(mine(reminders.remind(clockAt(deadline, zone)), request)).as("on the day: nothing new").isEmpty();
		assertThat(mine(reminders.remind(clockAt(deadline.plusDays(1), zone)), request))
			.extracting(ReportReminderDue::kind, ReportReminderDue::dayOffset).containsOnly(tuple("AFTER", 1)).hasSize(2);
		Caller officerB = ReportFixtures.at(caller("doan.thotan"), Role.UNIT_OFFICER, t.b());
		plans.submit(officerB, request.id(), t.b().id(), upload("ke-hoach.docx", docx("Kế hoạch")));
		assertThat(mine(reminders.remind(clockAt(deadline.plusDays(7), zone)), request)).as("only the unit still missing")
			.extracting(ReportReminderDue::unitId, ReportReminderDue::kind, ReportReminderDue::dayOffset)
			.containsExactly(tuple(t.c().id(), "AFTER", 7));

		PlanService.PlanRequestDetails details = plans.get(office, request.id());
		assertThat(details.reminders()).as("the office's reminder log").hasSize(7);
		assertThat(details.targets()).filteredOn(tv -> tv.unitId() == t.c().id()).singleElement()
			.satisfies(tv -> assertThat(tv.reminders()).isEqualTo(4));
	}

	private static Clock clockAt(LocalDate day, ZoneId zone) {
		return Clock.fixed(day.atTime(7, 0).atZone(zone).toInstant(), zone);
	}

	private static List<ReportReminderDue> mine(List<ReportReminderDue> all, PlanRequestView request) {
		return all.stream().filter(r -> r.subjectId() == request.id()).toList();
	}

	/** The smallest file Tika takes for a PDF. */
	static byte[] minimalPdf() {
		return "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes();
	}
}
