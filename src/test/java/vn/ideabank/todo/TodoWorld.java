package vn.ideabank.todo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.UnitRecords;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Role;
import vn.ideabank.contest.ContestView;
import vn.ideabank.contest.RoundTestData;
import vn.ideabank.contest.RoundViews.RoundView;
import vn.ideabank.idea.ApplicationArea;
import vn.ideabank.idea.Benefit;
import vn.ideabank.idea.IdeaCommands.AuthorRef;
import vn.ideabank.idea.IdeaCommands.IdeaContent;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.report.PeriodKind;
import vn.ideabank.report.PlanCommands.CreatePlanRequest;
import vn.ideabank.report.PlanService;
import vn.ideabank.report.ReportCommands.WriteReport;
import vn.ideabank.report.ReportService;
import vn.ideabank.report.ReportingPeriod;
import vn.ideabank.review.ReviewCommands.CreateCouncil;
import vn.ideabank.review.ReviewService;
import vn.ideabank.review.RubricService;

/**
 * Two sibling districts under one parent, each with one commune and people in every role, and work of
 * every kind waiting for them. District B has more of everything than A, so a count of A that takes in
 * B's records is caught. A third district C, empty, gives the contests organised above all of them
 * (by other tests, at Triệu Sơn or the province), which an officer anywhere under it also sees.
 */
public final class TodoWorld {

	/** One district's side: its units and the usernames of its people. */
	public record Side(UnitView district, UnitView commune, String officer, String office, String reviewer, String judge,
			String member, long firstSubmitted) {
	}

	static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();

	public final Side a;

	public final Side b;

	/** An officer of an empty sibling district's commune: sees only contests organised above all three. */
	public final String officerC;

	/** A member of that commune who has entered nothing. */
	public final String memberC;

	private static TodoWorld shared;

	private final ApplicationContext context;

	private final Function<String, Caller> callers;

	private final UnitRecords records;

	private final JdbcClient jdbc;

	TodoWorld(ApplicationContext context, Function<String, Caller> callers) {
		this.context = context;
		this.callers = callers;
		this.records = new UnitRecords(context, callers);
		this.jdbc = context.getBean(JdbcClient.class);
		UnitView parent = records.unit(context.getBean(UnitService.class).findByCode("TS").orElseThrow().id(), "TD" + RUN,
				"Cụm thử việc chờ " + RUN);
		// A: 2 submitted + 2 of the member's, 1 draft + the member's draft, 3 endorsed, 1 report returned,
		// 2 plan requests (1 overdue), 1 contest open, 1 round with 2 entries, 1 council with 2 assignments
		a = side(parent, "A", 2, 1, 3, 1, 2);
		// B: more of each, so a leak changes A's numbers
		b = side(parent, "B", 5, 4, 6, 2, 3);
		UnitView c = records.unit(parent.id(), "TD" + RUN + "C", "Huyện thử C " + RUN);
		UnitView communeC = records.unit(c.id(), "TD" + RUN + "C-1", "Xã thử C " + RUN);
		officerC = "td" + RUN.toLowerCase() + "c.officer";
		records.account(officerC, "Cán bộ xã C", communeC, Role.UNIT_OFFICER);
		memberC = "td" + RUN.toLowerCase() + "c.member";
		records.account(memberC, "Đoàn viên xã C", communeC, Role.MEMBER);
	}

	/** The world of this test run, made the first time a test asks (the suite shares one database). */
	public static synchronized TodoWorld shared(ApplicationContext context, Function<String, Caller> callers) {
		if (shared == null) {
			shared = new TodoWorld(context, callers);
		}
		return shared;
	}

	private <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	private Side side(UnitView parent, String tag, int submitted, int drafts, int endorsed, int openContests,
			int entries) {
		Caller admin = callers.apply("admin");
		String code = "TD" + RUN + tag;
		String user = "td" + RUN.toLowerCase() + tag.toLowerCase();
		UnitView district = records.unit(parent.id(), code, "Huyện thử " + tag + " " + RUN);
		UnitView commune = records.unit(district.id(), code + "-1", "Xã thử " + tag + " " + RUN);
		Caller officer = records.account(user + ".officer", "Cán bộ xã " + tag, commune, Role.UNIT_OFFICER);
		Caller office = records.account(user + ".office", "Văn phòng huyện " + tag, district, Role.OFFICE);
		Caller reviewer = records.account(user + ".reviewer", "Người thẩm định " + tag, district, Role.REVIEWER);
		records.account(user + ".judge", "Giám khảo " + tag, district, Role.JUDGE);
		Caller member = records.account(user + ".member", "Đoàn viên " + tag, commune, Role.MEMBER);

		long first = 0;
		for (int i = 0; i < submitted; i++) {
			long id = records.idea(admin, commune, "Đã gửi " + tag + i, IdeaStatus.SUBMITTED);
			first = first == 0 ? id : first;
		}
		for (int i = 0; i < drafts; i++) {
			records.idea(admin, commune, "Nháp " + tag + i, IdeaStatus.DRAFT);
		}
		for (int i = 0; i < endorsed; i++) {
			records.idea(admin, commune, "Đã xác nhận " + tag + i, IdeaStatus.ENDORSED);
		}
		// a submitted idea marked as a duplicate: the list hides it (dup=HIDE) and no count takes it
		long duplicate = records.idea(admin, commune, "Trùng " + tag, IdeaStatus.SUBMITTED);
		jdbc.sql("update idea set duplicate_of = :o, duplicate_of_code = 'TS-DUP' where id = :id").param("o", first)
			.param("id", duplicate).update();
		// the member's own ideas: a draft, two sent, one returned for revision
		mine(member, commune, "Của tôi nháp " + tag, IdeaStatus.DRAFT);
		mine(member, commune, "Của tôi gửi 1 " + tag, IdeaStatus.SUBMITTED);
		mine(member, commune, "Của tôi gửi 2 " + tag, IdeaStatus.SUBMITTED);
		mine(member, commune, "Của tôi bổ sung " + tag, IdeaStatus.NEEDS_REVISION);

		// last month's report of the commune, submitted and returned
		ReportService reports = bean(ReportService.class);
		ReportingPeriod month = ReportingPeriod.containing(PeriodKind.THANG, reports.today()).previous();
		var report = reports.open(admin, commune.id(), month);
		report = reports.write(admin, report.id(), new WriteReport(report.version(), "Kết quả " + tag, null, null, null, null,
				null, null));
		report = reports.submit(admin, report.id(), report.version());
		reports.returnForRevision(admin, report.id(), report.version(), "Thiếu số liệu");

		// two plan requests to the commune, one already past its deadline
		PlanService plans = bean(PlanService.class);
		LocalDate today = reports.today();
		plans.create(office, new CreatePlanRequest(district.id(), "Kế hoạch " + tag, today.getYear(), today.plusDays(20),
				null, List.of(commune.id())), null);
		long late = plans.create(office, new CreatePlanRequest(district.id(), "Kế hoạch trễ " + tag, today.getYear(),
				today.plusDays(20), null, List.of(commune.id())), null).id();
		jdbc.sql("update report_plan_request set deadline = :d where id = :id").param("d", today.minusDays(1))
			.param("id", late).update();

		// contests organised by the district: some open for nominations, one judged in a round
		RoundTestData rounds = new RoundTestData(context, callers);
		for (int i = 0; i < openContests; i++) {
			rounds.openContest(office, district.id(), "Hội thi mở " + tag + i);
		}
		ContestView judged = rounds.openContest(office, district.id(), "Hội thi chấm " + tag);
		for (int i = 0; i < entries; i++) {
			rounds.nominations.nominate(admin, judged.id(), rounds.acceptedIdea(commune.id(), "Dự thi " + tag + i, "Tác giả"));
		}
		rounds.judging(office, judged.id());
		RoundView round = rounds.round(office, judged.id(), "Vòng 1 " + tag, false, RoundTestData.TODAY, user + ".judge");
		rounds.open(office, round);

		// a council of the district with two ideas assigned to the reviewer
		ReviewService reviews = bean(ReviewService.class);
		long council = reviews.createCouncil(office, new CreateCouncil(district.id(), "Hội đồng " + tag, today.getYear(),
				bean(RubricService.class).defaultRubric().versionId(), false, false, BigDecimal.valueOf(20), 1)).id();
		reviews.addMember(office, council, user + ".reviewer");
		for (int i = 0; i < 2; i++) {
			long idea = records.idea(admin, commune, "Thẩm định " + tag + i, IdeaStatus.UNDER_REVIEW);
			reviews.addIdea(office, council, idea);
			long item = jdbc.sql("select id from review_item where council_id = :c and idea_id = :i").param("c", council)
				.param("i", idea).query(Long.class).single();
			reviews.assign(office, council, item, reviewer.accountId());
		}
		// and a closed council, which is not "in progress"
		long closed = reviews.createCouncil(office, new CreateCouncil(district.id(), "Hội đồng đã đóng " + tag, today.getYear(),
				bean(RubricService.class).defaultRubric().versionId(), false, false, BigDecimal.valueOf(20), 1)).id();
		jdbc.sql("update review_council set status = 'CLOSED' where id = :id").param("id", closed).update();
		return new Side(district, commune, user + ".officer", user + ".office", user + ".reviewer", user + ".judge",
				user + ".member", first);
	}

	/** An idea the member enters as its own (so it is the author), then moved to the status. */
	private void mine(Caller member, UnitView unit, String title, IdeaStatus status) {
		IdeaContent content = new IdeaContent(RoundTestData.TODAY.getYear(), IdeaKind.IDEA, title, "Tóm tắt", "Vấn đề",
				"Giải pháp", "Điểm mới", java.util.EnumSet.of(Benefit.SAVING), null, "Xã", "Cả năm", "Không",
				ApplicationArea.PRODUCTION, SectorField.AGRICULTURE, TargetGroup.RURAL_YOUTH, null, true);
		long id = bean(IdeaService.class).create(member, new SaveIdea(unit.id(), content,
				List.of(new AuthorRef(null, member.displayName())))).id();
		if (status != IdeaStatus.DRAFT) {
			jdbc.sql("update idea set status = :s, submitted_at = now() where id = :id").param("s", status.name())
				.param("id", id).update();
		}
	}
}
