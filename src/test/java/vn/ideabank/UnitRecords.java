package vn.ideabank;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.account.AccountKind;
import vn.ideabank.account.AccountService;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Role;
import vn.ideabank.contest.ContestView;
import vn.ideabank.contest.RoundTestData;
import vn.ideabank.contest.RoundViews.RoundView;
import vn.ideabank.idea.ApplicationArea;
import vn.ideabank.idea.Benefit;
import vn.ideabank.idea.IdeaAttachments;
import vn.ideabank.idea.IdeaCommands.AddComment;
import vn.ideabank.idea.IdeaCommands.AuthorRef;
import vn.ideabank.idea.IdeaCommands.IdeaContent;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.Gender;
import vn.ideabank.member.MemberService;
import vn.ideabank.member.MemberStatus;
import vn.ideabank.member.SaveMember;
import vn.ideabank.member.TargetGroup;
import vn.ideabank.org.UnitCommands.CreateUnit;
import vn.ideabank.org.UnitKind;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.programme.ClubKind;
import vn.ideabank.programme.CommendationKind;
import vn.ideabank.programme.CommendationLevel;
import vn.ideabank.programme.FundKind;
import vn.ideabank.programme.IpStatus;
import vn.ideabank.programme.IpType;
import vn.ideabank.programme.ProgrammeCommands.AddDeadline;
import vn.ideabank.programme.ProgrammeCommands.GrantAward;
import vn.ideabank.programme.ProgrammeCommands.SaveClub;
import vn.ideabank.programme.ProgrammeCommands.SaveFund;
import vn.ideabank.programme.ProgrammeCommands.SaveIp;
import vn.ideabank.programme.ProgrammeCommands.SaveStartup;
import vn.ideabank.programme.ClubService;
import vn.ideabank.programme.FundService;
import vn.ideabank.programme.IpRegistrationService;
import vn.ideabank.programme.StartupService;
import vn.ideabank.programme.RecognitionService;
import vn.ideabank.programme.RecognitionService.RecordCommendation;
import vn.ideabank.programme.StartupStage;
import vn.ideabank.report.ReportingPeriod;
import vn.ideabank.report.PeriodKind;
import vn.ideabank.report.PlanCommands.CreatePlanRequest;
import vn.ideabank.report.PlanCommands.Upload;
import vn.ideabank.report.PlanService;
import vn.ideabank.report.ReportService;
import vn.ideabank.review.ReviewCommands.CreateCouncil;
import vn.ideabank.review.ReviewService;
import vn.ideabank.review.RubricService;
import vn.ideabank.quota.TargetService;

/**
 * One record of every kind a unit can own, made through the modules' facades (as the administrator):
 * for the tests that must reach every table — the unit-path copies after a move, the route-scope matrix.
 * Every text a person would call private carries {@code marker}, so a page that shows it is caught.
 * Units are created under {@code parent} with codes made from {@code tag}; accounts are {@code tag}-based.
 */
public final class UnitRecords {

	/** What was made: the unit, its one child, and the ids of its records. */
	public record Made(UnitView unit, UnitView child, String marker, String staffUsername, long staffAccountId,
			long draftIdea, long submittedIdea, long reviewIdea, long acceptedIdea, long attachment, long member,
			long startup, long club, long fund, long award, long ip, long ipDeadline, long commendation, long contest,
			long nomination, long round, long council, long reviewItem, long assignment, long planRequest,
			long planSubmission, long report, long targetPlan, long target, long initiative, long rubric, long rubricVersion) {

		public List<Long> ideas() {
			return List.of(draftIdea, submittedIdea, reviewIdea, acceptedIdea);
		}
	}

	public static final String PASSWORD = "unit-records-password";

	private final ApplicationContext context;

	private final Function<String, Caller> callers;

	private final JdbcClient jdbc;

	public UnitRecords(ApplicationContext context, Function<String, Caller> callers) {
		this.context = context;
		this.callers = callers;
		this.jdbc = context.getBean(JdbcClient.class);
	}

	private <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	public UnitView unit(long parentId, String code, String name) {
		return bean(UnitService.class).create(callers.apply("admin"),
				new CreateUnit(parentId, code, name, "Đoàn cơ sở", UnitKind.OTHER, 20));
	}

	/** An account with one role at the unit (its home unit), signed in by the tests with {@link #PASSWORD}. */
	public Caller account(String username, String displayName, UnitView unit, Role role) {
		bean(AccountService.class).createBySystem(username, displayName, AccountKind.PERSON, unit.code(), role, PASSWORD);
		return callers.apply(username);
	}

	/** A unit {@code tag} under the parent, its child, and a record of every kind in them. */
	public Made make(long parentId, String tag, String marker) {
		Caller admin = callers.apply("admin");
		int year = Year.now().getValue();
		UnitView unit = unit(parentId, tag, "Đơn vị " + tag);
		UnitView child = unit(unit.id(), tag + "-1", "Chi đoàn " + tag);
		String staff = tag.toLowerCase() + ".staff";
		Caller officer = account(staff, "Cán bộ " + marker, unit, Role.UNIT_OFFICER);

		IdeaService ideas = bean(IdeaService.class);
		long draft = idea(admin, child, marker + " bản nháp", IdeaStatus.DRAFT);
		long submitted = idea(admin, child, marker + " đã gửi", IdeaStatus.SUBMITTED);
		long underReview = idea(admin, child, marker + " đang thẩm định", IdeaStatus.UNDER_REVIEW);
		long accepted = idea(admin, child, marker + " được công nhận riêng", IdeaStatus.ACCEPTED);
		ideas.comment(admin, submitted, new AddComment("Ghi chú nội bộ " + marker, true));
		long attachment = bean(IdeaAttachments.class).attach(admin, draft, marker + ".docx", docx(marker).length,
				() -> new ByteArrayInputStream(docx(marker))).id();

		long member = bean(MemberService.class).create(admin, new SaveMember(child.id(), "Đoàn viên " + marker,
				LocalDate.of(2000, 5, 1), Gender.FEMALE, TargetGroup.RURAL_YOUTH, "0912345678", null, MemberStatus.UNION_MEMBER, null))
			.id();

		StartupService startups = bean(StartupService.class);
		ClubService clubs = bean(ClubService.class);
		FundService funds = bean(FundService.class);
		IpRegistrationService registrations = bean(IpRegistrationService.class);
		LocalDate today = LocalDate.now();
		long startup = startups.createStartup(admin, new SaveStartup(child.id(), "Khởi nghiệp " + marker, "Nông nghiệp", true,
				StartupStage.STOPPED, "Nhóm " + marker, "0912345678", null, 2, false, List.of())).id();
		long club = clubs.createClub(admin, new SaveClub(child.id(), "CLB " + marker, ClubKind.SCIENCE_LOVERS, null,
				today.minusMonths(2), "1-QĐ/" + tag, "Thành viên " + marker, 12, false)).id();
		long fund = funds.createFund(admin, new SaveFund(unit.id(), "Quỹ " + marker, FundKind.FUND, year, marker)).id();
		long award = funds.grantAward(admin, fund, new GrantAward(null, "Người nhận " + marker, null,
				new BigDecimal("1000000"), LocalDate.of(year, 1, 2), "2-QĐ/" + tag, null, null, marker)).id();
		long ip = registrations.createRegistration(admin, new SaveIp(child.id(), null, null, IpType.PATENT, "Sáng chế " + marker,
				"Người nộp " + marker, null, null, IpStatus.PREPARING, null, null)).id();
		long deadline = registrations.addDeadline(admin, ip, new AddDeadline("Hạn " + marker, today.plusDays(20))).id();
		long commendation = bean(RecognitionService.class).record(admin, new RecordCommendation(child.id(),
				CommendationKind.COMMENDATION, CommendationLevel.DISTRICT, "3-QĐ/" + tag, today.minusDays(3), "Huyện đoàn",
				null, "Người được khen " + marker, null, "Lý do " + marker)).id();

		RoundTestData rounds = new RoundTestData(context, callers);
		ContestView contest = rounds.openContest(admin, unit.id(), "Hội thi " + marker);
		long nomination = rounds.nominations.nominate(admin, contest.id(), accepted).id();
		rounds.judging(admin, contest.id());
		RoundView round = rounds.round(admin, contest.id(), "Vòng " + marker, false, today, staff);

		ReviewService reviews = bean(ReviewService.class);
		long council = reviews.createCouncil(admin, new CreateCouncil(unit.id(), "Hội đồng " + marker, year,
				bean(RubricService.class).defaultRubric().versionId(), false, false, BigDecimal.valueOf(20), 1)).id();
		reviews.addMember(admin, council, staff);
		reviews.addIdea(admin, council, underReview);
		long item = jdbc.sql("select id from review_item where council_id = :c").param("c", council).query(Long.class).single();
		reviews.assign(admin, council, item, officer.accountId());
		long assignment = jdbc.sql("select id from review_assignment where item_id = :i").param("i", item).query(Long.class)
			.single();

		PlanService plans = bean(PlanService.class);
		long request = plans.create(admin, new CreatePlanRequest(unit.id(), "Kế hoạch " + marker, year, LocalDate.of(year, 12, 31),
				"Hướng dẫn " + marker, List.of()), null).id();
		long submission = plans.submit(admin, request, child.id(), upload(marker + ".docx", docx(marker))).id();
		// what the reminder job writes for a unit that has not answered (its own rows, as in ReportReminders)
		jdbc.sql("""
				insert into report_reminder (subject_kind, subject_id, unit_id, unit_path, kind, day_offset, deadline, due_on)
				values ('PLAN', :r, :u, :p, 'BEFORE', 1, :d, :d)""").param("r", request).param("u", child.id())
			.param("p", child.path()).param("d", today).update();
		ReportService reports = bean(ReportService.class);
		ReportingPeriod quarter = ReportingPeriod.containing(PeriodKind.QUY, today);
		var report = reports.open(admin, child.id(), quarter);
		reports.write(admin, report.id(), new vn.ideabank.report.ReportCommands.WriteReport(report.version(),
				"Kết quả " + marker, null, null, null, null, null, null));
		reports.closePeriod(admin, unit.id(), new ReportingPeriod(PeriodKind.THANG, year - 1, 1));

		TargetService targets = bean(TargetService.class);
		var plan = targets.createPlan(admin, unit.id(), year);
		var target = targets.planById(admin, plan.id()).targets().get(0);
		targets.allocateByMembers(admin, target.id(), unit.id(), "Theo số đoàn viên " + marker, target.version());

		// an application for recognition of the submitted idea, taken into the register (marker in every part, one confidential)
		var initiatives = bean(vn.ideabank.initiative.InitiativeService.class);
		var filed = initiatives.file(admin, new vn.ideabank.initiative.InitiativeCommands.FileApplication(submitted,
				"Chủ đầu tư " + marker, "Lĩnh vực " + marker, today.minusMonths(1), "Đã biết " + marker, "Mới " + marker,
				"Áp dụng " + marker, "Hiệu quả " + marker, "Người áp dụng thử " + marker,
				java.util.Set.of(vn.ideabank.initiative.InitiativeViews.Part.NEW_CONTENT),
				List.of(new vn.ideabank.initiative.InitiativeCommands.CoAuthor("Tác giả " + marker, null, null, null, null,
						new BigDecimal("100")))));
		long initiative = bean(vn.ideabank.initiative.InitiativeProcedure.class).register(admin, filed.id(),
				new vn.ideabank.initiative.InitiativeCommands.Register(null, null, filed.version())).id();

		// a rubric the unit's office wrote (review_rubric.unit_path)
		var rubric = bean(RubricService.class).create(admin, unit.id(), new vn.ideabank.review.RubricCommands.SaveRubric(
				"Tiêu chí " + marker, List.of(new vn.ideabank.review.RubricCommands.CriterionInput(null, "Tiêu chí " + marker,
						"Mô tả " + marker, BigDecimal.valueOf(100), 0, 10))));

		return new Made(unit, child, marker, staff, officer.accountId(), draft, submitted, underReview, accepted, attachment,
				member, startup, club, fund, award, ip, deadline, commendation, contest.id(), nomination, round.id(), council,
				item, assignment, request, submission, report.id(), plan.id(), target.id(), initiative, rubric.rubricId(), rubric.versionId());
	}

	/** An idea of the unit in the status (set directly, as the other tests' data helpers do), opted out of public pages. */
	public long idea(Caller admin, UnitView unit, String title, IdeaStatus status) {
		IdeaContent content = new IdeaContent(Year.now().getValue(), IdeaKind.INITIATIVE, title, "Tóm tắt " + title,
				"Vấn đề " + title, "Giải pháp", "Điểm mới", EnumSet.of(Benefit.SAVING), null, "Xã", "Cả năm", "Không",
				ApplicationArea.PRODUCTION, SectorField.AGRICULTURE, TargetGroup.RURAL_YOUTH, null, true);
		long id = bean(IdeaService.class).create(admin, new SaveIdea(unit.id(), content,
				List.of(new AuthorRef(null, "Tác giả " + title)))).id();
		if (status != IdeaStatus.DRAFT) {
			jdbc.sql("update idea set status = :s, submitted_at = now() where id = :id").param("s", status.name())
				.param("id", id).update();
		}
		return id;
	}

	public static Upload upload(String name, byte[] bytes) {
		return new Upload(name, bytes.length, () -> new ByteArrayInputStream(bytes));
	}

	public static byte[] docx(String text) {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			doc.createParagraph().createRun().setText(text);
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
