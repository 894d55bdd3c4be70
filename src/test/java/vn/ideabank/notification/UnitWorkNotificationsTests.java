package vn.ideabank.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ideabank.IntegrationTest;
import vn.ideabank.account.AccountService;
import vn.ideabank.common.security.Caller;
import vn.ideabank.contest.ContestCommands.CreateContest;
import vn.ideabank.contest.ContestKind;
import vn.ideabank.contest.ContestService;
import vn.ideabank.contest.ContestView;
import vn.ideabank.contest.NominationService;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStep;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.org.UnitService;
import vn.ideabank.report.PeriodKind;
import vn.ideabank.report.PlanCommands.CreatePlanRequest;
import vn.ideabank.report.PlanRequestView;
import vn.ideabank.report.PlanService;
import vn.ideabank.report.ReportService;
import vn.ideabank.report.ReportView;
import vn.ideabank.report.ReportingPeriod;
import vn.ideabank.review.ReviewerAssigned;

/**
 * Work handed down or back to units: a plan request, a report returned with its comment, a contest opened to
 * the units below, its nominations closing, its results published to the units that nominated, a reviewer's
 * assignments. Each time exactly one notice for exactly the officers concerned, naming the thing.
 */
class UnitWorkNotificationsTests extends IntegrationTest {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	@Autowired
	NotificationService notifications;

	@Autowired
	AccountService accounts;

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	PlanService plans;

	@Autowired
	ReportService reports;

	@Autowired
	ContestService contests;

	@Autowired
	NominationService nominations;

	@Autowired
	vn.ideabank.contest.NominationReminders reminders;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	HandOffWorld w;

	@BeforeEach
	void world() {
		w = new HandOffWorld(caller("admin"), units, accounts, notifications, ideas, jdbc, this::caller);
	}

	@Test
	void aPlanRequestReachesTheOfficersOfEachAddressedUnitWithItsTitleAndDeadline() {
		LocalDate deadline = LocalDate.now(VIETNAM).plusDays(20);
		int year = deadline.getYear();
		PlanRequestView request = plans.create(w.office, new CreatePlanRequest(w.district.id(), "Kế hoạch sáng tạo " + year,
				year, deadline, null, List.of()), null);
		String text = "Yêu cầu nộp kế hoạch “Kế hoạch sáng tạo " + year + "” (năm " + year + "); hạn nộp " + deadline + ".";
		String base = "/reports/plans/" + request.id() + "/units/";
		expectOnly(Map.of(w.officerA, text + " → " + base + w.a.id(), w.officerA2, text + " → " + base + w.a.id(),
				w.officerB, text + " → " + base + w.b.id()));
	}

	@Test
	void aReturnedReportReachesItsUnitsOfficersWithThePeriodAndTheComment() {
		ReportingPeriod quarter = ReportingPeriod.containing(PeriodKind.QUY, LocalDate.now(VIETNAM));
		ReportView report = reports.open(w.officerA, w.a.id(), quarter);
		report = reports.submit(w.officerA, report.id(), report.version());
		reports.returnForRevision(w.office, report.id(), report.version(), "Thiếu số liệu mô hình điểm");
		String text = "Báo cáo Quý " + quarter.number() + " năm " + quarter.year()
				+ " bị trả lại để sửa. Nhận xét: Thiếu số liệu mô hình điểm → /reports/periodic/" + report.id();
		expectOnly(Map.of(w.officerA, text, w.officerA2, text));
	}

	@Test
	void aContestTellsItsAudienceWhenItOpensAndBeforeNominationsCloseAndItsNominatorsOfTheResults() {
		LocalDate today = LocalDate.now(VIETNAM);
		int year = Year.now(VIETNAM).getValue();
		String name = "Hội thi thử " + w.district.code();
		ContestView contest = contests.create(w.office, new CreateContest(w.district.id(), ContestKind.OTHER, name, year,
				Set.of(), null, null, Set.of(), today, today.plusDays(2), 3));
		contest = contests.advance(w.office, contest.id(), contest.version());
		String opened = "Cuộc thi “" + name + "” đã mở nhận đề cử; hạn đề cử " + today.plusDays(2) + ". → /contests/" + contest.id();
		expectOnly(Map.of(w.officerA, opened, w.officerA2, opened, w.officerB, opened));

		reminders.remind(today);
		reminders.remind(today); // once per contest
		String closing = "Cuộc thi “" + name + "” sắp hết hạn đề cử (" + today.plusDays(2) + "). → /contests/" + contest.id();
		expectOnly(Map.of(w.officerA, closing, w.officerA2, closing, w.officerB, closing));

		IdeaView idea = w.draft(w.author, w.a1.id(), "Ý tưởng dự thi");
		for (var step : List.of(Map.entry(w.author, IdeaStep.SUBMIT), Map.entry(w.officerA, IdeaStep.ENDORSE),
				Map.entry(w.office, IdeaStep.START_REVIEW), Map.entry(w.office, IdeaStep.ACCEPT))) {
			idea = ideas.step(step.getKey(), idea.id(), TakeStep.of(step.getValue(), idea.version(), null));
		}
		nominations.nominate(w.officerA, contest.id(), idea.id());
		w.awaitDelivered();
		w.readAll();
		contest = contests.advance(w.office, contest.id(), contest.version());
		contest = contests.advance(w.office, contest.id(), contest.version());
		String results = "Cuộc thi “" + name + "” đã công bố kết quả. → /contests/" + contest.id();
		expectOnly(Map.of(w.officerA, results, w.officerA2, results));
	}

	@Test
	void aReviewerHearsWhichIdeaAndCouncilAndManyAssignmentsInOneCouncilAreOneNotice() {
		transactions.executeWithoutResult(status -> events.publishEvent(new ReviewerAssigned(w.officerB.accountId(), 1, 77,
				"TS-2026-000101", "Tưới rau thông minh", "Hội đồng thẩm định 2026")));
		expectOnly(Map.of(w.officerB, "Bạn được phân công thẩm định ý tưởng TS-2026-000101 “Tưới rau thông minh” "
				+ "(hội đồng “Hội đồng thẩm định 2026”). → /reviews"));
		transactions.executeWithoutResult(status -> {
			for (int i = 1; i <= 4; i++) {
				events.publishEvent(new ReviewerAssigned(w.officerB.accountId(), i, 78, "TS-2026-00020" + i, "Ý tưởng " + i,
						"Hội đồng sơ khảo"));
			}
		});
		expectOnly(Map.of(w.officerB, "Bạn được phân công thẩm định 4 ý tưởng của hội đồng “Hội đồng sơ khảo”. → /reviews"));
	}

	/** After the listeners ran: exactly these people have exactly this one unread notice ("text → link"), others none. */
	private void expectOnly(Map<Caller, String> expected) {
		w.awaitDelivered();
		Map<String, List<String>> got = new LinkedHashMap<>();
		Map<String, List<String>> want = new LinkedHashMap<>();
		for (Caller person : w.everyone()) {
			got.put(person.username(), w.unread(person).stream().map(n -> n.text() + " → " + n.link()).toList());
			want.put(person.username(), expected.containsKey(person) ? List.of(expected.get(person)) : List.of());
		}
		assertThat(got).isEqualTo(want);
		w.readAll();
	}
}
