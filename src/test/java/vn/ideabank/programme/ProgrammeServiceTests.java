package vn.ideabank.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.org.UnitCommands.CreateUnit;
import vn.ideabank.org.UnitKind;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.programme.ProgrammeCommands.AddDeadline;
import vn.ideabank.programme.ProgrammeCommands.AddSupport;
import vn.ideabank.programme.ProgrammeCommands.ChangeIpStatus;
import vn.ideabank.programme.ProgrammeCommands.LogActivity;
import vn.ideabank.programme.ProgrammeCommands.SaveClub;
import vn.ideabank.programme.ProgrammeCommands.SaveIp;
import vn.ideabank.programme.ProgrammeCommands.SaveStartup;
import vn.ideabank.programme.ProgrammeEvents.IpDeadlineReminderDue;
import vn.ideabank.programme.ProgrammeService.Filter;
import vn.ideabank.programme.ProgrammeViews.ClubView;
import vn.ideabank.programme.ProgrammeViews.DeadlineView;
import vn.ideabank.programme.ProgrammeViews.IpDetails;
import vn.ideabank.programme.ProgrammeViews.IpView;
import vn.ideabank.programme.ProgrammeViews.StartupView;
import vn.ideabank.quota.YearPart;
import vn.ideabank.quota.Progress.ChildLine;
import vn.ideabank.quota.Progress.Line;
import vn.ideabank.quota.Progress.UnitProgress;
import vn.ideabank.quota.ProgressService;
import vn.ideabank.quota.TargetKind;
import vn.ideabank.quota.TargetService;
import vn.ideabank.quota.TargetViews.PlanView;

class ProgrammeServiceTests extends IntegrationTest {

	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();

	@Autowired
	StartupService startups;

	@Autowired
	ClubService clubs;

	@Autowired
	FundService funds;

	@Autowired
	IpRegistrationService registrations;

	@Autowired
	IpReminders reminders;

	@Autowired
	UnitService units;

	@Autowired
	TargetService targets;

	@Autowired
	ProgressService progress;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProgrammeShowcase showcase;

	private final int year = Year.now().getValue();

	private UnitView unit(Long parent, String code) {
		return units.create(caller("admin"), new CreateUnit(parent, code, "Đoàn thử " + code, "Đoàn cơ sở", UnitKind.OTHER, 10));
	}

	private UnitView root(String prefix) {
		return unit(units.findByCode("TS").orElseThrow().id(), prefix + RUN);
	}

	private StartupView startup(Caller c, UnitView unit, boolean agriculture) {
		return startups.createStartup(c, new SaveStartup(unit.id(), "Nấm sạch " + RUN, "Trồng nấm", agriculture,
				StartupStage.PROTOTYPE, "Nguyễn Văn An\nLê Thị Hoa", null, null, 3, false, List.of()));
	}

	private void support(Caller c, StartupView s, LocalDate on) {
		startups.addSupport(c, s.id(), new AddSupport(SupportKind.LOAN, new BigDecimal("50000000"), on, "Ngân hàng CSXH", null));
	}

	private ClubView club(Caller c, UnitView unit, LocalDate founded) {
		return clubs.createClub(c, new SaveClub(unit.id(), "CLB Em yêu khoa học " + RUN, ClubKind.SCIENCE_LOVERS,
				"Trường THCS Thọ Dân", founded, "12/QĐ-ĐTN", null, 20));
	}

	private IpView ip(Caller c, UnitView unit, String support, LocalDate supportedOn) {
		return registrations.createRegistration(c, new SaveIp(unit.id(), null, null, IpType.PATENT, "Máy tách hạt " + RUN,
				"Lê Văn Cường", null, null, IpStatus.PREPARING, support, supportedOn));
	}

	private static Line line(UnitProgress p, TargetKind kind) {
		return p.lines().stream().filter(l -> l.target().kind() == kind).findFirst().orElseThrow();
	}

	@Test
	void countsIntoTheTargetsThroughTheTargetFacade() {
		Caller office = caller("huyendoan.trieuson");
		UnitView root = root("PGC");
		UnitView c1 = unit(root.id(), root.code() + "-1");
		UnitView c2 = unit(root.id(), root.code() + "-2");
		PlanView plan = targets.createPlan(office, root.id(), year);

		// c1: an agricultural startup supported twice this year counts once; others do not count
		StartupView agri = startup(office, c1, true);
		support(office, agri, LocalDate.of(year, 2, 10));
		support(office, agri, LocalDate.of(year, 8, 10));
		startup(office, c1, true); // never supported
		support(office, startup(office, c1, false), LocalDate.of(year, 2, 10)); // not agricultural
		support(office, startup(office, c2, true), LocalDate.of(year - 1, 12, 31)); // supported last year only
		// c2: one club founded this year, one last year
		club(office, c2, LocalDate.of(year, 3, 1));
		club(office, c2, LocalDate.of(year - 1, 3, 1));
		// the root itself: one registration the union supported this year, one without support
		ip(office, root, "Hỗ trợ phí nộp đơn", LocalDate.of(year, 5, 5));
		ip(office, root, null, null);

		UnitProgress whole = progress.dashboard(office, root.id(), year, YearPart.YEAR, null, LocalDate.of(year, 12, 31));
		assertThat(line(whole, TargetKind.AGRI_STARTUPS_SUPPORTED).tracked()).isTrue();
		assertThat(line(whole, TargetKind.AGRI_STARTUPS_SUPPORTED).actual()).isEqualTo(1);
		assertThat(line(whole, TargetKind.CLUBS_FOUNDED).actual()).isEqualTo(1);
		assertThat(line(whole, TargetKind.IP_SUPPORTED).actual()).isEqualTo(1);

		// per period: supported in Q1 and Q3, none in Q4; the club in Q1; the IP support in Q2
		UnitProgress q1 = progress.dashboard(office, root.id(), year, YearPart.Q1, null, LocalDate.of(year, 12, 31));
		assertThat(line(q1, TargetKind.AGRI_STARTUPS_SUPPORTED).actual()).isEqualTo(1);
		assertThat(line(q1, TargetKind.CLUBS_FOUNDED).actual()).isEqualTo(1);
		assertThat(line(q1, TargetKind.IP_SUPPORTED).actual()).isZero();
		UnitProgress q4 = progress.dashboard(office, root.id(), year, YearPart.Q4, null, LocalDate.of(year, 12, 31));
		assertThat(line(q4, TargetKind.AGRI_STARTUPS_SUPPORTED).actual()).isZero();
		assertThat(line(q4, TargetKind.CLUBS_FOUNDED).actual()).isZero();

		// per child
		long agriTarget = line(whole, TargetKind.AGRI_STARTUPS_SUPPORTED).target().id();
		UnitProgress byChild = progress.dashboard(office, root.id(), year, YearPart.YEAR, agriTarget, LocalDate.of(year, 12, 31));
		assertThat(byChild.children()).extracting(ChildLine::unit).extracting(UnitView::id).contains(c1.id(), c2.id());
		assertThat(byChild.children().stream().filter(c -> c.unit().id() == c1.id()).findFirst().orElseThrow().line().actual())
			.isEqualTo(1);
		assertThat(byChild.children().stream().filter(c -> c.unit().id() == c2.id()).findFirst().orElseThrow().line().actual())
			.isZero();
		UnitProgress c2Progress = progress.dashboard(office, c2.id(), year, YearPart.YEAR, null, LocalDate.of(year, 12, 31));
		assertThat(line(c2Progress, TargetKind.CLUBS_FOUNDED).actual()).isEqualTo(1);
		assertThat(plan.targets()).extracting(t -> t.kind()).contains(TargetKind.CLUBS_FOUNDED);
	}

	@Test
	void badInputIsRefusedWithTheFieldAndNothingIsSaved() {
		Caller office = caller("huyendoan.trieuson");
		UnitView root = root("PGB");
		StartupView s = startup(office, root, true);
		assertThatThrownBy(() -> startups.addSupport(office, s.id(),
				new AddSupport(SupportKind.ADVICE, new BigDecimal("-1"), LocalDate.of(year, 1, 1), null, null)))
			.isInstanceOfSatisfying(BusinessException.class, e -> {
				assertThat(e.field()).isEqualTo("amount");
				assertThat(e.messageKey()).isEqualTo("programme.error.amount-negative");
			});
		assertThat(startups.startup(office, s.id()).supports()).isEmpty();

		assertThatThrownBy(() -> clubs.createClub(office, new SaveClub(null, "CLB không chủ quản", ClubKind.OTHER, null,
				LocalDate.of(year, 1, 1), null, null, null)))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.field()).isEqualTo("unitId"));
		assertThat(clubs.clubs(office, new Filter(root.id(), null), PageRequest.of(0, 10)).getTotalElements()).isZero();

		ClubView club = club(office, root, LocalDate.of(year, 3, 1));
		assertThatThrownBy(() -> clubs.logActivity(office, club.id(), new LogActivity(LocalDate.of(year, 2, 1), "Sinh hoạt", 10)))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.field()).isEqualTo("heldOn"));
		clubs.logActivity(office, club.id(), new LogActivity(LocalDate.of(year, 3, 15), "Sinh hoạt chuyên đề", 18));
		assertThat(clubs.club(office, club.id()).activities()).singleElement()
			.satisfies(a -> assertThat(a.attendance()).isEqualTo(18));

		assertThatThrownBy(() -> registrations.createRegistration(office, new SaveIp(root.id(), null, s.id(), IpType.TRADEMARK,
				"Nhãn hiệu Nấm Thọ Dân", "Hợp tác xã", "4-2024-123", LocalDate.of(2024, 6, 1), IpStatus.FILED, null, null)))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.field()).isEqualTo("applicationNo"));
		// the year in the number must be the filing year
		assertThatThrownBy(() -> registrations.createRegistration(office, new SaveIp(root.id(), null, s.id(), IpType.TRADEMARK,
				"Nhãn hiệu Nấm Thọ Dân", "Hợp tác xã", "4-2023-12345", LocalDate.of(2024, 6, 1), IpStatus.FILED, null, null)))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.field()).isEqualTo("applicationNo"));
		assertThatThrownBy(() -> ip(office, root, "Hỗ trợ", null))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.field()).isEqualTo("supportedOn"));
		assertThat(registrations.registrations(office, new Filter(root.id(), null), PageRequest.of(0, 10)).getTotalElements())
			.isZero();
		IpView ok = registrations.createRegistration(office, new SaveIp(root.id(), null, s.id(), IpType.TRADEMARK,
				"Nhãn hiệu Nấm Thọ Dân", "Hợp tác xã", "4-2024-12345", LocalDate.of(2024, 6, 1), IpStatus.FILED, null, null));
		assertThat(startups.startup(office, s.id()).registrations()).extracting(IpView::id).containsExactly(ok.id());
	}

	@Test
	void ipStatusFollowsTheTableWithHistoryAndOptimisticLocking() {
		Caller office = caller("huyendoan.trieuson");
		UnitView root = root("PGI");
		IpView ip = ip(office, root, null, null);
		assertThat(ip.status()).isEqualTo(IpStatus.PREPARING);
		assertThatThrownBy(() -> registrations.changeStatus(office, ip.id(), new ChangeIpStatus(IpStatus.GRANTED, null, null, null),
				ip.version()))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("programme.error.ip-transition"));
		assertThatThrownBy(() -> registrations.changeStatus(office, ip.id(), new ChangeIpStatus(IpStatus.FILED, null, null, null),
				ip.version()))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.field()).isEqualTo("applicationNo"));
		LocalDate filed = LocalDate.of(year, 1, 20);
		IpView filedIp = registrations.changeStatus(office, ip.id(),
				new ChangeIpStatus(IpStatus.FILED, "1-" + year + "-00077", filed, "Nộp tại Cục SHTT"), ip.version());
		assertThat(filedIp.applicationNo()).isEqualTo("1-" + year + "-00077");
		// a stale version conflicts
		assertThatThrownBy(() -> registrations.changeStatus(office, ip.id(), new ChangeIpStatus(IpStatus.WITHDRAWN, null, null, null),
				ip.version()))
			.isInstanceOf(ObjectOptimisticLockingFailureException.class);
		IpView exam = registrations.changeStatus(office, ip.id(), new ChangeIpStatus(IpStatus.FORMAL_EXAM, null, null, null),
				filedIp.version());
		IpView granted = registrations.changeStatus(office, ip.id(), new ChangeIpStatus(IpStatus.GRANTED, null, null, null),
				exam.version());
		assertThatThrownBy(() -> registrations.changeStatus(office, ip.id(), new ChangeIpStatus(IpStatus.WITHDRAWN, null, null, null),
				granted.version()))
			.isInstanceOf(BusinessException.class);
		IpDetails details = registrations.registration(office, ip.id());
		assertThat(details.history()).extracting(h -> h.to())
			.containsExactly(IpStatus.PREPARING, IpStatus.FILED, IpStatus.FORMAL_EXAM, IpStatus.GRANTED);
		assertThat(details.history().get(1).from()).isEqualTo(IpStatus.PREPARING);
		assertThat(details.history().get(1).note()).isEqualTo("Nộp tại Cục SHTT");
		assertThat(details.history().get(1).by()).isNotBlank();
	}

	@Test
	void permissionsFollowTheSubtree() {
		Caller office = caller("huyendoan.trieuson");
		Caller otherUnit = caller("doan.thodan");
		Caller reviewer = caller("tran.thi.binh");
		UnitView root = root("PGP");
		StartupView s = startup(office, root, true);
		assertThatThrownBy(() -> startup(otherUnit, root, true)).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> startups.startup(otherUnit, s.id())).isInstanceOf(ForbiddenException.class);
		assertThat(startups.startups(otherUnit, Filter.none(), PageRequest.of(0, 500)).getContent()).extracting(StartupView::id)
			.doesNotContain(s.id());
		assertThatThrownBy(() -> startups.startups(otherUnit, new Filter(root.id(), null), PageRequest.of(0, 10)))
			.isInstanceOf(ForbiddenException.class);
		// a reviewer of the district reads but does not edit
		assertThat(startups.startups(reviewer, new Filter(root.id(), RUN), PageRequest.of(0, 10)).getContent())
			.extracting(StartupView::id).containsExactly(s.id());
		assertThatThrownBy(() -> support(reviewer, s, LocalDate.of(year, 1, 1))).isInstanceOf(ForbiddenException.class);
	}

	@Test
	void deadlineRemindersAreRecordedOncePerOffsetAndPublished() {
		Caller office = caller("huyendoan.trieuson");
		UnitView root = root("PGR");
		IpView ip = ip(office, root, null, null);
		LocalDate today = LocalDate.now();
		LocalDate due = today.plusDays(10);
		DeadlineView d = registrations.addDeadline(office, ip.id(), new AddDeadline("Trả lời thông báo thẩm định", due));
		IpView finished = ip(office, root, null, null);
		DeadlineView onFinished = registrations.addDeadline(office, finished.id(), new AddDeadline("Nộp phí", due));
		registrations.changeStatus(office, finished.id(), new ChangeIpStatus(IpStatus.WITHDRAWN, null, null, null), finished.version());

		assertThat(ours(reminders.remind(today.minusDays(5)), d, onFinished)).isEmpty(); // 15 days away
		List<IpDeadlineReminderDue> first = ours(reminders.remind(today), d, onFinished); // 10 days away: the 14-day one
		assertThat(first).singleElement().satisfies(r -> {
			assertThat(r.dayOffset()).isEqualTo(14);
			assertThat(r.ipId()).isEqualTo(ip.id());
			assertThat(r.dueOn()).isEqualTo(due);
			assertThat(r.unitId()).isEqualTo(root.id());
		});
		assertThat(ours(reminders.remind(today), d, onFinished)).isEmpty(); // idempotent
		assertThat(ours(reminders.remind(due.minusDays(7)), d, onFinished)).extracting(IpDeadlineReminderDue::dayOffset)
			.containsExactly(7);
		assertThat(ours(reminders.remind(due.minusDays(3)), d, onFinished)).isEmpty();
		// a missed day is caught up with the nearest offset only
		assertThat(ours(reminders.remind(due), d, onFinished)).extracting(IpDeadlineReminderDue::dayOffset).containsExactly(0);
		assertThat(ours(reminders.remind(due.plusDays(1)), d, onFinished)).isEmpty();
		assertThat(registrations.registration(office, ip.id()).deadlines()).singleElement()
			.satisfies(x -> assertThat(x.reminded()).isTrue());
		assertThat(registrations.upcomingDeadlines(office, due, 1000)).extracting(DeadlineView::id).contains(d.id())
			.doesNotContain(onFinished.id());
		assertThat(registrations.upcomingDeadlines(caller("doan.thodan"), due, 1000)).extracting(DeadlineView::id)
			.doesNotContain(d.id());
		assertThat(jdbc.sql("select count(*) from programme_ip_reminder where deadline_id = :d").param("d", d.id())
			.query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void theShowcaseShowsOnlyPublicFields() {
		Caller office = caller("huyendoan.trieuson");
		UnitView root = root("PGS");
		StartupView hidden = startup(office, root, true);
		support(office, hidden, LocalDate.of(year, 1, 5));
		StartupView open = startups.createStartup(office, new SaveStartup(root.id(), "Mật ong " + RUN, "Nuôi ong", true,
				StartupStage.OPERATING, "Người A", "0912345678", null, null, true, List.of()));
		support(office, open, LocalDate.of(year, 1, 5));
		club(office, root, LocalDate.of(year, 1, 1));
		assertThat(showcase.startups(root.path(), 10)).hasSize(2).allSatisfy(p -> {
			if (p.id() == hidden.id()) {
				assertThat(p.supportTotal()).isNull();
			}
			else {
				assertThat(p.supportTotal()).isEqualByComparingTo("50000000");
			}
		});
		assertThat(showcase.clubs(root.path(), 10)).singleElement().satisfies(c -> assertThat(c.kind()).isEqualTo(ClubKind.SCIENCE_LOVERS));
	}

	private static List<IpDeadlineReminderDue> ours(List<IpDeadlineReminderDue> all, DeadlineView... mine) {
		List<Long> ids = java.util.Arrays.stream(mine).map(DeadlineView::id).toList();
		return all.stream().filter(r -> ids.contains(r.deadlineId())).toList();
	}
}
