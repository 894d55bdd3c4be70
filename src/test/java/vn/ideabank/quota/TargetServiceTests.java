package vn.ideabank.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.IdeaCommands.AuthorRef;
import vn.ideabank.idea.IdeaCommands.IdeaContent;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;
import vn.ideabank.org.UnitCommands.CreateUnit;
import vn.ideabank.org.UnitKind;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.quota.Progress.ChildLine;
import vn.ideabank.quota.Progress.CriterionScore;
import vn.ideabank.quota.Progress.Line;
import vn.ideabank.quota.Progress.UnitProgress;
import vn.ideabank.quota.TargetCommands.Allocate;
import vn.ideabank.quota.TargetCommands.PlanSettings;
import vn.ideabank.quota.TargetCommands.SaveTarget;
import vn.ideabank.quota.TargetViews.PlanView;
import vn.ideabank.quota.TargetViews.Split;
import vn.ideabank.quota.TargetViews.TargetView;

class TargetServiceTests extends IntegrationTest {

	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();

	@Autowired
	TargetService targets;

	@Autowired
	ProgressService progress;

	@Autowired
	UnitService units;

	@Autowired
	IdeaService ideas;

	@Autowired
	JdbcClient jdbc;

	private UnitView unit(Long parent, String code, int members) {
		return units.create(caller("admin"), new CreateUnit(parent, code, "Đoàn thử " + code, "Đoàn cơ sở", UnitKind.OTHER, members));
	}

	private static TargetView target(PlanView plan, TargetKind kind) {
		return plan.targets().stream().filter(t -> t.kind() == kind).findFirst().orElseThrow();
	}

	private void idea(UnitView unit, IdeaStatus status, String submittedAt, IdeaKind kind, TargetGroup group) {
		IdeaContent content = new IdeaContent(Year.now().getValue(), kind, "Ý tưởng thử " + RUN, "Tóm tắt", "Vấn đề", "Giải pháp",
				"Điểm mới", Set.of(), null, "Nơi áp dụng", "Thời gian", "Điều kiện", null, SectorField.AGRICULTURE, group, null,
				false);
		long id = ideas.create(caller("admin"), new SaveIdea(unit.id(), content, List.of(new AuthorRef(null, "Trần Văn Bình"))))
			.id();
		jdbc.sql("update idea set status = :s, submitted_at = cast(:at as timestamptz) where id = :id").param("s", status.name())
			.param("at", submittedAt).param("id", id).update();
	}

	@Test
	void theOfficeSetsAPlanAndAllocatesByMemberCountsWithAnExactSumAndEveryChangeRecorded() {
		Caller office = caller("huyendoan.trieuson");
		UnitView root = unit(units.findByCode("TS").orElseThrow().id(), "TGA" + RUN, 40);
		UnitView c1 = unit(root.id(), "TGA" + RUN + "-1", 10);
		UnitView c2 = unit(root.id(), "TGA" + RUN + "-2", 30);
		UnitView c3 = unit(root.id(), "TGA" + RUN + "-3", 0);
		int year = Year.now().getValue();
		PlanView plan = targets.createPlan(office, root.id(), year);
		TargetView ideasTarget = target(plan, TargetKind.IDEAS_PROPOSED);
		assertThat(ideasTarget.amount()).isEqualTo(1610);
		assertThat(target(plan, TargetKind.MODELS_APPLIED).amount()).isEqualTo(10);
		assertThatThrownBy(() -> targets.createPlan(office, root.id(), year)).isInstanceOf(BusinessException.class);

		Split split = targets.allocateByMembers(office, ideasTarget.id(), root.id(), "Theo số đoàn viên", ideasTarget.version());
		assertThat(split.parts()).extracting(p -> p.amount()).containsExactly(402L, 1208L, 0L);
		assertThat(split.allocated()).isEqualTo(1610);
		assertThat(split.gap()).isZero();
		assertThat(targets.history(office, ideasTarget.id())).anySatisfy(c -> {
			assertThat(c.unitId()).isEqualTo(c1.id());
			assertThat(c.oldAmount()).isNull();
			assertThat(c.newAmount()).isEqualTo(402);
			assertThat(c.actorName()).isNotBlank();
			assertThat(c.reason()).isEqualTo("Theo số đoàn viên");
		});

		// a stale version is a conflict
		assertThatThrownBy(() -> targets.allocate(office, ideasTarget.id(), root.id(),
				new Allocate(Map.of(c3.id(), 5L), null, ideasTarget.version()))).isInstanceOf(ObjectOptimisticLockingFailureException.class);
		long version = targets.split(office, ideasTarget.id(), root.id()).target().version();
		// without "refuse", a mismatch is saved and shown as a gap
		Split over = targets.allocate(office, ideasTarget.id(), root.id(), new Allocate(Map.of(c3.id(), 5L), "Giữa năm", version));
		assertThat(over.gap()).isEqualTo(-5);
		// with "refuse", it is refused and nothing is saved
		PlanView strict = targets.updateSettings(office, plan.id(), new PlanSettings(true, 40, 30, 15, 15, new BigDecimal("0.1")), plan.version());
		assertThat(strict.refuseMismatch()).isTrue();
		long v2 = over.target().version();
		assertThatThrownBy(() -> targets.allocate(office, ideasTarget.id(), root.id(), new Allocate(Map.of(c1.id(), 500L, c3.id(), 0L), null, v2)))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("target.error.over"));
		assertThatThrownBy(() -> targets.allocate(office, ideasTarget.id(), root.id(), new Allocate(Map.of(c1.id(), -1L), null, v2)))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("target.error.amountRange"));
		assertThat(targets.split(office, ideasTarget.id(), root.id()).parts()).extracting(p -> p.amount()).containsExactly(402L, 1208L, 5L);
		Split fixed = targets.allocate(office, ideasTarget.id(), root.id(), new Allocate(Map.of(c3.id(), 0L), "Sửa lại", v2));
		assertThat(fixed.gap()).isZero();
		assertThat(targets.history(office, ideasTarget.id())).hasSizeGreaterThanOrEqualTo(6);
		// absurd numbers are refused for targets too
		assertThatThrownBy(() -> targets.saveTarget(office, plan.id(), ideasTarget.id(),
				new SaveTarget(TargetKind.IDEAS_PROPOSED, null, null, 100_000_000L, null, null), fixed.target().version()))
			.isInstanceOf(BusinessException.class);

		// an officer elsewhere neither sees nor allocates
		Caller other = caller("doan.thotan");
		assertThatThrownBy(() -> targets.split(other, ideasTarget.id(), root.id())).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> targets.createPlan(other, root.id(), year - 1)).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> progress.dashboard(other, root.id(), year, YearPart.YEAR, null, LocalDate.now()))
			.isInstanceOf(ForbiddenException.class);
	}

	@Test
	void aUnitOfficerSplitsItsOwnShareAmongItsBranchesButNotAnotherUnits() {
		Caller office = caller("huyendoan.trieuson");
		UnitView ts = units.findByCode("TS").orElseThrow();
		UnitView thoDan = units.findByCode("TS-THODAN").orElseThrow();
		UnitView thoTan = units.findByCode("TS-THOTAN").orElseThrow();
		int year = 2001 + (int) (System.nanoTime() % 50); // a year no other test plans
		PlanView plan = targets.planOf(office, ts.id(), year).orElseGet(() -> targets.createPlan(office, ts.id(), year));
		TargetView t = target(plan, TargetKind.MODELS_APPLIED);
		Caller officer = caller("doan.thodan");
		assertThatThrownBy(() -> targets.allocate(officer, t.id(), ts.id(), new Allocate(Map.of(thoDan.id(), 10L), null, t.version())))
			.isInstanceOf(ForbiddenException.class);
		assertThat(targets.split(officer, t.id(), thoDan.id()).share()).isNull();
		Split district = targets.allocate(office, t.id(), ts.id(), new Allocate(Map.of(thoDan.id(), 3L, thoTan.id(), 2L), null, t.version()));
		assertThat(district.allocated()).isEqualTo(5);
		Split own = targets.split(officer, t.id(), thoDan.id());
		assertThat(own.share()).isEqualTo(3);
		assertThat(own.canEdit()).isTrue();
		Split done = targets.allocateByMembers(officer, t.id(), thoDan.id(), null, own.target().version());
		assertThat(done.allocated()).isEqualTo(3);
		assertThatThrownBy(() -> targets.allocate(caller("doan.thotan"), t.id(), thoDan.id(),
				new Allocate(Map.of(), null, done.target().version()))).isInstanceOf(ForbiddenException.class);
	}

	@Test
	void progressIsCountedFromIdeasAndUnitsBehindScheduleComeFirst() {
		Caller office = caller("huyendoan.trieuson");
		UnitView root = unit(units.findByCode("TS").orElseThrow().id(), "TGP" + RUN, 100);
		UnitView ahead = unit(root.id(), "TGP" + RUN + "-A", 50);
		UnitView behind = unit(root.id(), "TGP" + RUN + "-B", 50);
		int year = Year.now().getValue();
		PlanView plan = targets.createPlan(office, root.id(), year);
		TargetView ideasTarget = target(plan, TargetKind.IDEAS_PROPOSED);
		targets.saveTarget(office, plan.id(), ideasTarget.id(), new SaveTarget(TargetKind.IDEAS_PROPOSED, null, null, 4L, null,
				"Chỉ tiêu thử"), ideasTarget.version());
		TargetView four = targets.split(office, ideasTarget.id(), root.id()).target();
		targets.allocate(office, four.id(), root.id(), new Allocate(Map.of(ahead.id(), 2L, behind.id(), 2L), null, four.version()));
		String jan = year + "-01-10T09:00:00+07:00";
		String jul = year + "-07-10T09:00:00+07:00";
		idea(ahead, IdeaStatus.SUBMITTED, jan, IdeaKind.IDEA, TargetGroup.RURAL_YOUTH);
		idea(ahead, IdeaStatus.APPLIED, jul, IdeaKind.MODEL, TargetGroup.PUPIL);
		idea(ahead, IdeaStatus.DRAFT, null, IdeaKind.IDEA, TargetGroup.PUPIL);
		idea(behind, IdeaStatus.WITHDRAWN, jan, IdeaKind.IDEA, TargetGroup.PUPIL);
		idea(behind, IdeaStatus.REJECTED, jul, IdeaKind.IDEA, TargetGroup.PUPIL);
		// a custom target: models for pupils (two dimensions: answered from the idea table)
		targets.saveTarget(office, plan.id(), null, new SaveTarget(TargetKind.CUSTOM, "Mô hình của học sinh", "mô hình", 1L,
				new TargetRule(TargetKind.CUSTOM, null, EnumSet.of(IdeaKind.MODEL), null, EnumSet.of(TargetGroup.PUPIL)), null), 0);

		UnitProgress end = progress.dashboard(office, root.id(), year, YearPart.YEAR, null, LocalDate.of(year, 12, 31));
		Line proposed = end.lines().stream().filter(l -> l.target().kind() == TargetKind.IDEAS_PROPOSED).findFirst().orElseThrow();
		assertThat(proposed.actual()).isEqualTo(3);
		assertThat(proposed.expected()).isEqualTo(4);
		assertThat(proposed.behind()).isTrue();
		assertThat(proposed.percent()).isEqualTo(75);
		Line applied = end.lines().stream().filter(l -> l.target().kind() == TargetKind.MODELS_APPLIED).findFirst().orElseThrow();
		assertThat(applied.actual()).isEqualTo(1);
		// counted by the programme module: tracked, and none in this fresh subtree
		Line startups = end.lines().stream().filter(l -> l.target().kind() == TargetKind.AGRI_STARTUPS_SUPPORTED).findFirst().orElseThrow();
		assertThat(startups.tracked()).isTrue();
		assertThat(startups.actual()).isZero();
		// counted by the contest module: tracked, and none organised in this fresh subtree
		Line contests = end.lines().stream().filter(l -> l.target().kind() == TargetKind.CONTESTS_HELD).findFirst().orElseThrow();
		assertThat(contests.tracked()).isTrue();
		assertThat(contests.actual()).isZero();
		Line custom = end.lines().stream().filter(l -> l.target().kind() == TargetKind.CUSTOM).findFirst().orElseThrow();
		assertThat(custom.actual()).isEqualTo(1);
		// children: "behind" (1 of 2) before "ahead" (2 of 2)
		assertThat(end.children()).extracting(ChildLine::unit).extracting(UnitView::id).containsExactly(behind.id(), ahead.id());
		assertThat(end.children().get(0).line().actual()).isEqualTo(1);
		assertThat(end.children().get(0).line().behind()).isTrue();
		assertThat(end.children().get(1).line().behind()).isFalse();
		assertThat(end.proposedByMonth().get(1)).isEqualTo(1);
		assertThat(end.proposedByMonth().get(7)).isEqualTo(2);
		assertThat(end.appliedByMonth().get(7)).isEqualTo(1);
		assertThat(end.byGroup()).containsEntry("PUPIL", 2L).containsEntry("RURAL_YOUTH", 1L);

		// half-way through the year about half is expected; the first quarter holds only January's idea
		UnitProgress mid = progress.dashboard(office, root.id(), year, YearPart.YEAR, null, LocalDate.of(year, 7, 1));
		assertThat(mid.lines().get(0).expected()).isEqualTo(2); // 4 × 182/365 = 1.99, rounded up
		UnitProgress q1 = progress.dashboard(office, root.id(), year, YearPart.Q1, null, LocalDate.of(year, 12, 31));
		assertThat(q1.lines().get(0).actual()).isEqualTo(1);

		// the criterion: ideas per member against the quota, applied models against the share
		List<CriterionScore> scores = progress.criterion(office, root.id(), year);
		CriterionScore aheadScore = scores.stream().filter(s -> s.unit().id() == ahead.id()).findFirst().orElseThrow();
		// 2 ideas / 50 members = 0.04 of 0.1 → 40 × 0.4 = 16; 1 model, no share → 30; punctuality not tracked.
		// Contest participation is tracked only when another test left a contest open to the district this
		// year; "ahead" nominated to none of them, so it adds 15 possible points and none earned.
		boolean contestsOpen = aheadScore.parts().stream().anyMatch(p -> p.key().equals(CriterionInput.CONTESTS) && p.tracked());
		assertThat(aheadScore.points()).isEqualTo(46.0);
		assertThat(aheadScore.maxPoints()).isEqualTo(contestsOpen ? 85 : 70);
		assertThat(aheadScore.parts()).filteredOn(p -> !p.tracked()).extracting(p -> p.key())
			.contains(CriterionInput.PUNCTUALITY);
	}
}
