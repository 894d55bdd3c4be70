package vn.ideabank.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Role;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.idea.SectorField;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.report.ReportCommands.WriteReport;

class ReportServiceTests extends IntegrationTest {

	@Autowired
	ReportService reports;

	@Autowired
	UnitService units;

	@Autowired
	IdeaService ideas;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReportPunctuality punctuality;

	ReportFixtures fx;

	Caller admin;

	/** The current quarter: started, not closed. */
	ReportingPeriod quarter = ReportingPeriod.containing(PeriodKind.QUY, LocalDate.now());

	@BeforeEach
	void setUp() {
		admin = caller("admin");
		fx = new ReportFixtures(units, ideas, jdbc, admin);
	}

	private record Tree(UnitView root, UnitView a, UnitView b, UnitView a1) {
	}

	private Tree tree(String tag) {
		String code = "RP" + tag + ReportFixtures.RUN;
		UnitView root = fx.unit(null, code, "Đoàn khối Thử nghiệm " + tag);
		UnitView a = fx.unit(root.id(), code + "-A", "Đoàn xã Ấp Đông " + tag);
		UnitView b = fx.unit(root.id(), code + "-B", "Đoàn xã Bến Ngự " + tag);
		UnitView a1 = fx.unit(a.id(), code + "-A1", "Chi đoàn thôn Ấp Một " + tag);
		return new Tree(root, a, b, a1);
	}

	@Test
	void aDraftIsPrefilledWithTheSubtreeFiguresOfThePeriodAndTheSubmittedOneKeepsItsSnapshot() {
		Tree t = tree("PF");
		LocalDate inQuarter = quarter.firstDay().plusDays(1);
		LocalDate beforeQuarter = quarter.firstDay().minusDays(2);
		fx.idea(t.a(), "Ý tưởng tưới rau", IdeaStatus.SUBMITTED, inQuarter, SectorField.AGRICULTURE);
		fx.idea(t.a1(), "Mô hình vườn sạch", IdeaStatus.APPLIED, inQuarter, SectorField.AGRICULTURE);
		fx.idea(t.a(), "Ý tưởng quý trước", IdeaStatus.ACCEPTED, beforeQuarter, SectorField.IT);
		fx.idea(t.b(), "Ý tưởng của xã khác", IdeaStatus.SUBMITTED, inQuarter, SectorField.IT);
		fx.idea(t.a(), "Bản nháp", IdeaStatus.DRAFT, inQuarter, SectorField.IT);

		Caller officerA = ReportFixtures.at(caller("doan.thodan"), Role.UNIT_OFFICER, t.a());
		ReportView draft = reports.open(officerA, t.a().id(), quarter);
		assertThat(draft.status()).isEqualTo(ReportStatus.DRAFT);
		assertThat(draft.figure(ReportStatistics.PROPOSED)).as("A and its branch, this quarter, not drafts").isEqualTo(2);
		assertThat(draft.figure(ReportStatistics.APPLIED)).isEqualTo(1);
		assertThat(draft.figure("idea.status.APPLIED")).isEqualTo(1);
		assertThat(draft.figure("idea.field.AGRICULTURE")).isEqualTo(2);
		assertThat(draft.figure("idea.field.IT")).isZero();

		ReportView written = reports.write(officerA, draft.id(), new WriteReport(draft.version(), "Tổ chức 3 buổi tập huấn",
				"Mô hình “Vườn rau sạch”", "Thiếu kinh phí", "Đề nghị hỗ trợ", "12-BC/ĐTN", "Bùi Thị Hạnh", "Triệu Sơn"));
		ReportView submitted = reports.submit(officerA, written.id(), written.version());
		assertThat(submitted.status()).isEqualTo(ReportStatus.SUBMITTED);
		assertThat(punctuality.value(t.a(), quarter.year())).as("submitted before its due date").hasValue(1.0);
		assertThat(submitted.figure(ReportStatistics.PROPOSED)).isEqualTo(2);

		fx.idea(t.a(), "Ý tưởng đến sau khi nộp", IdeaStatus.SUBMITTED, inQuarter, SectorField.IT);
		assertThat(reports.get(officerA, submitted.id()).figure(ReportStatistics.PROPOSED))
			.as("a submitted report does not change").isEqualTo(2);
		assertThat(reports.open(ReportFixtures.at(admin, Role.ADMIN, t.b()), t.b().id(), quarter).figure(ReportStatistics.PROPOSED))
			.as("a draft shows live figures").isEqualTo(1);
		assertThat(reports.history(officerA, submitted.id())).extracting(ReportHistoryView::to)
			.containsExactly(ReportStatus.DRAFT, ReportStatus.SUBMITTED);
		assertThatThrownBy(() -> reports.write(officerA, submitted.id(), new WriteReport(submitted.version(), "x", null, null,
				null, null, null, null))).isInstanceOf(BusinessException.class).hasMessage("report.error.notEditable");
	}

	@Test
	void consolidationSumsTheSubtreeAndGroupsTheChildrensNarrativesByUnit() {
		Tree t = tree("CO");
		LocalDate inQuarter = quarter.firstDay().plusDays(1);
		fx.idea(t.a(), "Một", IdeaStatus.SUBMITTED, inQuarter, SectorField.AGRICULTURE);
		fx.idea(t.a1(), "Hai", IdeaStatus.APPLIED, inQuarter, SectorField.AGRICULTURE);
		fx.idea(t.b(), "Ba", IdeaStatus.ACCEPTED, inQuarter, SectorField.IT);
		fx.idea(t.root(), "Bốn", IdeaStatus.SUBMITTED, inQuarter, SectorField.IT);

		Caller officerA = ReportFixtures.at(caller("doan.thodan"), Role.UNIT_OFFICER, t.a());
		Caller officerB = ReportFixtures.at(caller("doan.thotan"), Role.UNIT_OFFICER, t.b());
		Caller office = ReportFixtures.at(caller("huyendoan.trieuson"), Role.OFFICE, t.root());
		ReportView a = reports.open(officerA, t.a().id(), quarter);
		a = reports.write(officerA, a.id(), new WriteReport(a.version(), "Xã Ấp Đông: tập huấn sáng tạo", "Mô hình ươm giống",
				null, null, null, null, null));
		long aProposed = reports.submit(officerA, a.id(), a.version()).figure(ReportStatistics.PROPOSED);
		ReportView b = reports.open(officerB, t.b().id(), quarter);
		b = reports.write(officerB, b.id(), new WriteReport(b.version(), "Xã Bến Ngự: cuộc thi ý tưởng", null,
				"Đoàn viên đi làm xa", null, null, null, null));
		long bProposed = reports.submit(officerB, b.id(), b.version()).figure(ReportStatistics.PROPOSED);

		assertThat(reports.children(office, t.root().id(), quarter)).extracting(ChildStatus::unitName, ChildStatus::submitted)
			.containsExactlyInAnyOrder(org.assertj.core.api.Assertions.tuple(t.a().name(), true),
					org.assertj.core.api.Assertions.tuple(t.b().name(), true));

		ReportView consolidated = reports.consolidate(office, t.root().id(), quarter);
		assertThat(consolidated.consolidated()).isTrue();
		assertThat(aProposed).isEqualTo(2);
		assertThat(bProposed).isEqualTo(1);
		assertThat(consolidated.figure(ReportStatistics.PROPOSED)).as("children's sums plus the unit's own idea")
			.isEqualTo(aProposed + bProposed + 1);
		assertThat(consolidated.figure(ReportStatistics.APPLIED)).isEqualTo(1);
		assertThat(consolidated.childParts()).extracting(ChildPart::unitName, ChildPart::results)
			.containsExactlyInAnyOrder(org.assertj.core.api.Assertions.tuple(t.a().name(), "Xã Ấp Đông: tập huấn sáng tạo"),
					org.assertj.core.api.Assertions.tuple(t.b().name(), "Xã Bến Ngự: cuộc thi ý tưởng"));
		ReportView up = reports.submit(office, consolidated.id(), consolidated.version());
		assertThat(up.status()).as("the consolidated report goes up in turn").isEqualTo(ReportStatus.SUBMITTED);
	}

	@Test
	void aClosedPeriodRefusesNewReportsAndSubmissions() {
		Tree t = tree("CL");
		Caller officerA = ReportFixtures.at(caller("doan.thodan"), Role.UNIT_OFFICER, t.a());
		Caller officerB = ReportFixtures.at(caller("doan.thotan"), Role.UNIT_OFFICER, t.b());
		Caller office = ReportFixtures.at(caller("huyendoan.trieuson"), Role.OFFICE, t.root());
		ReportingPeriod old = new ReportingPeriod(PeriodKind.THANG, LocalDate.now().getYear() - 2, 1);
		assertThatThrownBy(() -> reports.open(officerA, t.a().id(), old)).isInstanceOf(BusinessException.class)
			.hasMessage("report.error.periodClosed");
		assertThat(reports.find(officerA, t.a().id(), old)).as("nothing half-saved").isEmpty();

		ReportView b = reports.open(officerB, t.b().id(), quarter);
		reports.closePeriod(office, t.root().id(), quarter);
		assertThatThrownBy(() -> reports.submit(officerB, b.id(), b.version())).isInstanceOf(BusinessException.class)
			.hasMessage("report.error.periodClosedByParent");
		assertThat(reports.get(officerB, b.id()).status()).isEqualTo(ReportStatus.DRAFT);
		assertThatThrownBy(() -> reports.open(officerA, t.a().id(), quarter)).isInstanceOf(BusinessException.class)
			.hasMessage("report.error.periodClosedByParent");
		ReportView own = reports.open(office, t.root().id(), quarter);
		assertThat(reports.submit(office, own.id(), own.version()).status())
			.as("the closing unit's own report still goes up").isEqualTo(ReportStatus.SUBMITTED);
		assertThatThrownBy(() -> reports.closePeriod(officerA, t.a().id(), quarter)).isInstanceOf(ForbiddenException.class);
	}

	@Test
	void anotherUnitsOfficerCanNeitherReadNorSubmitAndOnlyTheParentReturns() {
		Tree t = tree("PM");
		Caller officerA = ReportFixtures.at(caller("doan.thodan"), Role.UNIT_OFFICER, t.a());
		Caller officerB = ReportFixtures.at(caller("doan.thotan"), Role.UNIT_OFFICER, t.b());
		Caller office = ReportFixtures.at(caller("huyendoan.trieuson"), Role.OFFICE, t.root());
		ReportView a = reports.open(officerA, t.a().id(), quarter);
		assertThatThrownBy(() -> reports.get(officerB, a.id())).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> reports.submit(officerB, a.id(), a.version())).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> reports.open(officerB, t.a().id(), quarter)).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> reports.children(officerB, t.root().id(), quarter)).isInstanceOf(ForbiddenException.class);
		assertThat(reports.list(officerB, new ReportService.ReportFilter(null, null, null, null),
				org.springframework.data.domain.PageRequest.of(0, 100)).getContent()).extracting(ReportView::id)
			.doesNotContain(a.id());

		ReportView submitted = reports.submit(officerA, a.id(), a.version());
		assertThatThrownBy(() -> reports.submit(officerA, a.id(), a.version())).isInstanceOf(ObjectOptimisticLockingFailureException.class);
		assertThatThrownBy(() -> reports.returnForRevision(officerA, a.id(), submitted.version(), "tự trả"))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> reports.returnForRevision(office, a.id(), submitted.version(), " "))
			.isInstanceOf(BusinessException.class).hasMessage("report.error.commentRequired");
		ReportView returned = reports.returnForRevision(office, a.id(), submitted.version(), "Bổ sung số liệu mô hình");
		assertThat(returned.status()).isEqualTo(ReportStatus.RETURNED);
		assertThat(returned.returnComment()).isEqualTo("Bổ sung số liệu mô hình");
		assertThat(reports.submit(officerA, a.id(), returned.version()).status()).isEqualTo(ReportStatus.SUBMITTED);
		assertThat(reports.history(office, a.id())).extracting(ReportHistoryView::to).containsExactly(ReportStatus.DRAFT,
				ReportStatus.SUBMITTED, ReportStatus.RETURNED, ReportStatus.SUBMITTED);
	}

	@Test
	void periodsHaveTheirBoundaries() {
		assertThat(new ReportingPeriod(PeriodKind.QUY, 2026, 3).firstDay()).isEqualTo(LocalDate.of(2026, 7, 1));
		assertThat(new ReportingPeriod(PeriodKind.QUY, 2026, 3).lastDay()).isEqualTo(LocalDate.of(2026, 9, 30));
		assertThat(new ReportingPeriod(PeriodKind.SAU_THANG, 2026, 2).lastDay()).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(new ReportingPeriod(PeriodKind.THANG, 2028, 2).lastDay()).isEqualTo(LocalDate.of(2028, 2, 29));
		assertThat(new ReportingPeriod(PeriodKind.NAM, 2026, 1).previous()).isEqualTo(new ReportingPeriod(PeriodKind.NAM, 2025, 1));
		assertThat(ReportingPeriod.containing(PeriodKind.QUY, LocalDate.of(2026, 11, 26))).isEqualTo(new ReportingPeriod(PeriodKind.QUY, 2026, 4));
		assertThatThrownBy(() -> new ReportingPeriod(PeriodKind.QUY, 2026, 5)).isInstanceOf(BusinessException.class)
			.hasMessage("report.error.periodNumber");
	}
}
