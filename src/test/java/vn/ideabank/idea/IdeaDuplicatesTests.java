package vn.ideabank.idea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Grant;
import vn.ideabank.common.security.Role;
import vn.ideabank.idea.IdeaCommands.AuthorRef;
import vn.ideabank.idea.IdeaCommands.IdeaContent;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.idea.IdeaCounts.Criteria;
import vn.ideabank.org.UnitCommands.CreateUnit;
import vn.ideabank.org.UnitKind;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.report.PeriodKind;
import vn.ideabank.report.ReportService;
import vn.ideabank.quota.ProgressService;

/**
 * Marking an idea "trùng với TS-…": who may, which originals are refused (with the field), the history,
 * the lifecycle that waits, and every counting path the duplicate leaves — each checked before marking,
 * after marking and after taking the mark back.
 */
class IdeaDuplicatesTests extends IntegrationTest {

	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();

	private static final int YEAR = Year.now(ZoneId.of("Asia/Ho_Chi_Minh")).getValue();

	private static int trees;

	@Autowired
	IdeaDuplicates duplicates;

	@Autowired
	IdeaService ideas;

	@Autowired
	IdeaCounts counts;

	@Autowired
	UnitService units;

	@Autowired
	ProgressService progress;

	@Autowired
	ReportService reports;

	@Autowired
	JdbcClient jdbc;

	private long unit(String code) {
		return units.findByCode(code).orElseThrow().id();
	}

	private IdeaView submitted(String officer, long unitId, String title) {
		Caller who = caller(officer);
		IdeaView idea = ideas.create(who, IdeaTestData.save(unitId, title));
		return ideas.step(who, idea.id(), TakeStep.of(IdeaStep.SUBMIT, idea.version(), null));
	}

	private long version(long id) {
		return jdbc.sql("select version from idea where id = :id").param("id", id).query(Long.class).single();
	}

	private String messageOf(Runnable action) {
		try {
			action.run();
		}
		catch (BusinessException e) {
			assertThat(e.field()).isEqualTo("original");
			return e.messageKey();
		}
		throw new AssertionError("not refused");
	}

	// --- the rules ---------------------------------------------------------------------------------

	@Test
	void staffMarkALaterIdeaAsRepeatingAnOlderOneAndTakeTheMarkBackBothRecorded() {
		Caller officer = caller("doan.thodan");
		long t1 = unit("TS-THODAN-T1");
		String tag = "Đánh dấu " + RUN;
		IdeaView original = submitted("doan.thodan", t1, tag + " gốc");
		IdeaView copy = submitted("doan.thodan", t1, tag + " bản lặp");

		// by code in any case, or by id
		IdeaView marked = duplicates.mark(officer, copy.id(), " " + original.code().toLowerCase() + " ", version(copy.id()));
		assertThat(marked.duplicateOf()).isEqualTo(original.code());
		assertThat(marked.duplicateOfId()).isEqualTo(original.id());
		assertThat(ideas.details(officer, copy.id()).allowedSteps()).as("the lifecycle waits").isEmpty();
		assertThatThrownBy(() -> ideas.step(officer, copy.id(), TakeStep.of(IdeaStep.ENDORSE, version(copy.id()), null)))
			.isInstanceOfSatisfying(BusinessException.class,
					e -> assertThat(e.messageKey()).isEqualTo("idea.error.stepOnDuplicate"));
		assertThat(ideas.list(officer, new IdeaFilter(null, null, null, null, null, null, tag, false,
				IdeaFilter.Duplicates.HIDE), PageRequest.of(0, 10)).map(IdeaSummary::id)).containsExactly(original.id());
		assertThat(ideas.list(officer, new IdeaFilter(null, null, null, null, null, null, tag, false,
				IdeaFilter.Duplicates.ONLY), PageRequest.of(0, 10)).map(IdeaSummary::duplicateOf)).containsExactly(original.code());

		IdeaView unmarked = duplicates.unmark(officer, copy.id(), version(copy.id()));
		assertThat(unmarked.duplicateOf()).isNull();
		assertThat(ideas.details(officer, copy.id()).allowedSteps()).contains(IdeaStep.ENDORSE);
		assertThat(jdbc.sql("select step || ' ' || comment || ' ' || actor_name from idea_history where idea_id = :id"
				+ " and step like '%DUPLICATE' order by id").param("id", copy.id()).query(String.class).list())
			.containsExactly("DUPLICATE " + original.code() + " Đoàn xã Thọ Dân", "UNDUPLICATE " + original.code() + " Đoàn xã Thọ Dân");
		// by id works too
		assertThat(duplicates.mark(officer, copy.id(), String.valueOf(original.id()), version(copy.id())).duplicateOf())
			.isEqualTo(original.code());
	}

	@Test
	void itselfALaterIdeaAnUnreadableOneAChainADraftOrAnIdeaOthersRepeatAreRefusedOnTheField() {
		Caller officer = caller("doan.thodan");
		long t1 = unit("TS-THODAN-T1");
		IdeaView elsewhere = submitted("doan.thotan", unit("TS-THOTAN"), "Xã khác " + RUN);
		IdeaView first = submitted("doan.thodan", t1, "Thứ nhất " + RUN);
		IdeaView second = submitted("doan.thodan", t1, "Thứ hai " + RUN);
		IdeaView third = submitted("doan.thodan", t1, "Thứ ba " + RUN);
		IdeaView draft = ideas.create(officer, IdeaTestData.save(t1, "Nháp " + RUN));

		assertThat(messageOf(() -> duplicates.mark(officer, second.id(), second.code(), version(second.id()))))
			.isEqualTo("idea.duplicate.error.self");
		assertThat(messageOf(() -> duplicates.mark(officer, first.id(), second.code(), version(first.id()))))
			.isEqualTo("idea.duplicate.error.later");
		// another unit's idea reads exactly as an unknown code: nothing can be probed
		assertThat(messageOf(() -> duplicates.mark(officer, second.id(), elsewhere.code(), version(second.id()))))
			.isEqualTo("idea.duplicate.error.unknown");
		assertThat(messageOf(() -> duplicates.mark(officer, second.id(), "TS-1999-999999", version(second.id()))))
			.isEqualTo("idea.duplicate.error.unknown");
		assertThat(messageOf(() -> duplicates.mark(officer, draft.id(), first.code(), version(draft.id()))))
			.isEqualTo("idea.duplicate.error.draft");

		duplicates.mark(officer, second.id(), first.code(), version(second.id()));
		assertThat(messageOf(() -> duplicates.mark(officer, third.id(), second.code(), version(third.id()))))
			.isEqualTo("idea.duplicate.error.chain");
		assertThat(messageOf(() -> duplicates.mark(officer, second.id(), first.code(), version(second.id()))))
			.isEqualTo("idea.duplicate.error.already");
		IdeaView older = submitted("doan.thodan", t1, "Cũ hơn? " + RUN);
		jdbc.sql("update idea set created_at = created_at - interval '1 day' where id = :id").param("id", older.id()).update();
		assertThat(messageOf(() -> duplicates.mark(officer, first.id(), older.code(), version(first.id()))))
			.isEqualTo("idea.duplicate.error.isOriginal");

		// who may: the unit's staff and the office, not a member or a reviewer
		assertThatThrownBy(() -> duplicates.mark(caller("nguyen.van.an"), third.id(), first.code(), version(third.id())))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> duplicates.mark(caller("tran.thi.binh"), third.id(), first.code(), version(third.id())))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> duplicates.mark(officer, third.id(), first.code(), version(third.id()) - 1))
			.isInstanceOf(ObjectOptimisticLockingFailureException.class);
		assertThat(duplicates.mark(caller("huyendoan.trieuson"), third.id(), first.code(), version(third.id())).duplicateOf())
			.isEqualTo(first.code());
	}

	@Test
	void aDraftOrAWithdrawnIdeaCannotBeTheOriginal() {
		Caller officer = caller("doan.thodan");
		long t1 = unit("TS-THODAN-T1");
		IdeaView draft = ideas.create(officer, IdeaTestData.save(t1, "Gốc nháp " + RUN));
		IdeaView later = submitted("doan.thodan", t1, "Sau bản nháp " + RUN);
		assertThat(messageOf(() -> duplicates.mark(officer, later.id(), draft.code(), version(later.id()))))
			.isEqualTo("idea.duplicate.error.originalNotCounted");
	}

	// --- every counting path leaves the duplicate ----------------------------------------------------

	/** A unit of its own under Triệu Sơn with an original and a later copy, both submitted this month. */
	private record Tree(UnitView root, UnitView commune, long original, long copy) {
	}

	private Tree tree() {
		Caller admin = caller("admin");
		String code = "DUP" + RUN + (++trees);
		UnitView root = units.create(admin, new CreateUnit(unit("TS"), code, "Đoàn khối trùng " + code, "Đoàn khối",
				UnitKind.OTHER, 50));
		UnitView commune = units.create(admin, new CreateUnit(root.id(), code + "-X", "Đoàn xã trùng " + code, "Đoàn cơ sở",
				UnitKind.OTHER, 50));
		long original = idea(admin, commune, "Máy bóc vỏ lạc " + code);
		long copy = idea(admin, commune, "Máy bóc vỏ lạc (bản 2) " + code);
		return new Tree(root, commune, original, copy);
	}

	private long idea(Caller admin, UnitView unit, String title) {
		IdeaContent content = new IdeaContent(YEAR, IdeaKind.IDEA, title, "Tóm tắt", "Vấn đề", "Giải pháp", "Điểm mới",
				EnumSet.of(Benefit.SAVING), null, "Xã", null, null, null, SectorField.AGRICULTURE, vn.ideabank.member.TargetGroup.RURAL_YOUTH, null, false);
		IdeaView idea = ideas.create(admin, new SaveIdea(unit.id(), content, List.of(new AuthorRef(null, "Đỗ Văn Trùng"))));
		return ideas.step(admin, idea.id(), TakeStep.of(IdeaStep.SUBMIT, idea.version(), null)).id();
	}

	/** The count before marking, after marking (one less) and after taking the mark back (as before). */
	private void leavesTheCount(Tree t, LongSupplier count) {
		Caller admin = caller("admin");
		long before = count.getAsLong();
		duplicates.mark(admin, t.copy(), String.valueOf(t.original()), version(t.copy()));
		assertThat(count.getAsLong()).as("after marking").isEqualTo(before - 1);
		duplicates.unmark(admin, t.copy(), version(t.copy()));
		assertThat(count.getAsLong()).as("after taking the mark back").isEqualTo(before);
	}

	@Test
	void theTallyRollUpLeavesADuplicate() {
		Tree t = tree();
		leavesTheCount(t, () -> counts.total(caller("admin"), t.root().id(), YEAR, Criteria.statuses(IdeaCounts.PROPOSED)));
		assertThat(counts.total(caller("admin"), t.root().id(), YEAR, Criteria.statuses(IdeaCounts.PROPOSED))).isEqualTo(2);
	}

	@Test
	void countsReadFromTheIdeaTableLeaveADuplicate() {
		Tree t = tree();
		Criteria twoDimensions = new Criteria(IdeaCounts.PROPOSED, Set.of(IdeaKind.IDEA), Set.of(SectorField.AGRICULTURE), null,
				null, null);
		assertThat(IdeaCounts.tallyDimension(IdeaCounts.By.NONE, twoDimensions)).as("answered from the idea table").isNull();
		leavesTheCount(t, () -> counts.total(caller("admin"), t.root().id(), YEAR, twoDimensions));
	}

	@Test
	void aRebuiltTallyLeavesADuplicateToo() {
		Tree t = tree();
		leavesTheCount(t, () -> {
			jdbc.sql("select idea_tally_rebuild()").query().singleRow();
			return counts.total(caller("admin"), t.root().id(), YEAR, Criteria.statuses(IdeaCounts.PROPOSED));
		});
	}

	@Test
	void publicTotalsLeaveADuplicate() {
		Tree t = tree();
		leavesTheCount(t, () -> ideas.publicTotals(YEAR).proposed());
	}

	@Test
	void targetProgressOnTheDashboardLeavesADuplicate() {
		Tree t = tree();
		leavesTheCount(t, () -> progress.dashboard(caller("admin"), t.root().id(), YEAR, vn.ideabank.quota.YearPart.YEAR, null,
				LocalDate.now()).children().stream().filter(c -> c.unit().id() == t.commune().id()).findFirst().orElseThrow()
			.line().actual());
		leavesTheCount(t, () -> progress.dashboard(caller("admin"), t.root().id(), YEAR, vn.ideabank.quota.YearPart.YEAR, null,
				LocalDate.now()).proposedByMonth().values().stream().mapToLong(Long::longValue).sum());
	}

	@Test
	void reportStatisticsLeaveADuplicate() {
		Tree t = tree();
		Caller officer = new Caller(caller("doan.thodan").accountId(), "doan.thodan", "Đoàn xã Thọ Dân",
				List.of(new Grant(Role.UNIT_OFFICER, t.commune().id(), t.commune().path())));
		var quarter = vn.ideabank.report.ReportingPeriod.containing(PeriodKind.QUY, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
		leavesTheCount(t, () -> reports.open(officer, t.commune().id(), quarter).figure("report.stat.proposed"));
	}

	// --- a withdrawn idea leaves every count as well ---------------------------------------------------

	/** An idea of the tree's commune entered and sent by a member (its author), then withdrawn: the count loses it. */
	private void leavesTheCountWhenWithdrawn(Tree t, LongSupplier count) {
		Caller member = new Caller(caller("nguyen.van.an").accountId(), "nguyen.van.an", "Nguyễn Văn An",
				List.of(new Grant(Role.MEMBER, t.commune().id(), t.commune().path())));
		IdeaContent content = new IdeaContent(YEAR, IdeaKind.IDEA, "Ý tưởng sẽ rút " + t.commune().code(), "Tóm tắt", "Vấn đề",
				"Giải pháp", "Điểm mới", EnumSet.of(Benefit.SAVING), null, "Xã", null, null, null, SectorField.AGRICULTURE,
				vn.ideabank.member.TargetGroup.RURAL_YOUTH, null, false);
		IdeaView idea = ideas.create(member, new SaveIdea(t.commune().id(), content, List.of(new AuthorRef(null, "Nguyễn Văn An"))));
		idea = ideas.step(member, idea.id(), TakeStep.of(IdeaStep.SUBMIT, idea.version(), null));
		long before = count.getAsLong();
		ideas.step(member, idea.id(), TakeStep.of(IdeaStep.WITHDRAW, idea.version(), null));
		assertThat(count.getAsLong()).as("after withdrawing").isEqualTo(before - 1);
	}

	@Test
	void aWithdrawnIdeaLeavesTheTallyTheIdeaTableCountsPublicTotalsTheDashboardAndReports() {
		Tree tally = tree();
		leavesTheCountWhenWithdrawn(tally,
				() -> counts.total(caller("admin"), tally.root().id(), YEAR, Criteria.statuses(IdeaCounts.PROPOSED)));
		Tree table = tree();
		Criteria twoDimensions = new Criteria(IdeaCounts.PROPOSED, Set.of(IdeaKind.IDEA), Set.of(SectorField.AGRICULTURE), null,
				null, null);
		leavesTheCountWhenWithdrawn(table, () -> counts.total(caller("admin"), table.root().id(), YEAR, twoDimensions));
		Tree rebuilt = tree();
		leavesTheCountWhenWithdrawn(rebuilt, () -> {
			jdbc.sql("select idea_tally_rebuild()").query().singleRow();
			return counts.total(caller("admin"), rebuilt.root().id(), YEAR, Criteria.statuses(IdeaCounts.PROPOSED));
		});
		Tree totals = tree();
		leavesTheCountWhenWithdrawn(totals, () -> ideas.publicTotals(YEAR).proposed());
		Tree dashboard = tree();
		leavesTheCountWhenWithdrawn(dashboard, () -> progress.dashboard(caller("admin"), dashboard.root().id(), YEAR,
				vn.ideabank.quota.YearPart.YEAR, null, LocalDate.now()).children().stream()
			.filter(c -> c.unit().id() == dashboard.commune().id()).findFirst().orElseThrow().line().actual());
		Tree report = tree();
		Caller officer = new Caller(caller("doan.thodan").accountId(), "doan.thodan", "Đoàn xã Thọ Dân",
				List.of(new Grant(Role.UNIT_OFFICER, report.commune().id(), report.commune().path())));
		var quarter = vn.ideabank.report.ReportingPeriod.containing(PeriodKind.QUY, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
		leavesTheCountWhenWithdrawn(report, () -> reports.open(officer, report.commune().id(), quarter).figure("report.stat.proposed"));
	}
}
