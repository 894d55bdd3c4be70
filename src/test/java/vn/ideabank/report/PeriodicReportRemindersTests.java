package vn.ideabank.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.IntegrationTest;
import vn.ideabank.account.AccountKind;
import vn.ideabank.account.AccountService;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Role;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.notification.NotificationService;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * Periodic reports are reminded like plans: before and after the due date of the last ended quarter, one reminder
 * per unit that has not submitted it (however often the job runs), and a notice to that unit's officers naming the
 * period and the due date; a unit that submitted hears nothing.
 */
class PeriodicReportRemindersTests extends IntegrationTest {

	@Autowired
	ReportReminders reminders;

	@Autowired
	UnitService units;

	@Autowired
	IdeaService ideas;

	@Autowired
	AccountService accounts;

	@Autowired
	NotificationService notifications;

	@Autowired
	JdbcClient jdbc;

	// quarter 1 of 2025 ends on 31 March; due 5 days later (ideabank.reports.due-after-days)
	private static final LocalDate DUE = LocalDate.of(2025, 4, 5);

	@Test
	void unitsThatHaveNotSentTheQuarterlyReportAreRemindedOnceBeforeAndAfterTheDueDate() {
		ReportFixtures fx = new ReportFixtures(units, ideas, jdbc, caller("admin"));
		String code = "PRR" + ReportFixtures.RUN;
		UnitView root = fx.unit(null, code, "Đoàn khối Nhắc báo cáo");
		UnitView sent = fx.unit(root.id(), code + "-A", "Đoàn xã Đã Nộp");
		UnitView late = fx.unit(root.id(), code + "-B", "Đoàn xã Chưa Nộp");
		Caller officerSent = person("cbn" + ReportFixtures.RUN, sent);
		Caller officerLate = person("cbc" + ReportFixtures.RUN, late);
		jdbc.sql("""
				insert into report_periodic (unit_id, unit_path, period_kind, period_year, period_no, status, submitted_at,
				                             submitted_by, created_by)
				values (:u, :p, 'QUY', 2025, 1, 'SUBMITTED', now(), :a, :a)""")
			.param("u", sent.id()).param("p", sent.path()).param("a", officerSent.accountId()).update();

		assertThat(reminders.remindReports(at(DUE.minusDays(5)), root.path())).as("too early").isEmpty();
		assertThat(reminders.remindReports(at(DUE.minusDays(3)), root.path()))
			.extracting(ReportReminderDue::unitId, ReportReminderDue::kind, ReportReminderDue::dayOffset)
			.containsExactlyInAnyOrder(tuple(root.id(), "BEFORE", 3), tuple(late.id(), "BEFORE", 3));
		assertThat(reminders.remindReports(at(DUE.minusDays(3)), root.path())).as("idempotent").isEmpty();
		assertThat(reminders.remindReports(at(DUE.minusDays(1)), root.path()))
			.extracting(ReportReminderDue::unitId, ReportReminderDue::kind, ReportReminderDue::dayOffset)
			.containsExactlyInAnyOrder(tuple(root.id(), "BEFORE", 1), tuple(late.id(), "BEFORE", 1));
		assertThat(reminders.remindReports(at(DUE), root.path())).as("on the day: nothing new").isEmpty();
		List<ReportReminderDue> after = reminders.remindReports(at(DUE.plusDays(1)), root.path());
		assertThat(after).as("the day after: overdue")
			.extracting(ReportReminderDue::unitId, ReportReminderDue::kind, ReportReminderDue::dayOffset)
			.containsExactlyInAnyOrder(tuple(root.id(), "AFTER", 1), tuple(late.id(), "AFTER", 1));
		assertThat(after).allSatisfy(r -> assertThat(r.period()).contains(new ReportingPeriod(PeriodKind.QUY, 2025, 1)));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
				"select count(*) from event_publication where completion_date is null").query(Long.class).single()).isZero());
		assertThat(texts(officerSent)).as("the unit that sent it").isEmpty();
		assertThat(texts(officerLate)).containsExactlyInAnyOrder(
				"Đơn vị chưa nộp báo cáo Quý 1 năm 2025; hạn nộp là 2025-04-05 (còn 3 ngày). → /reports",
				"Đơn vị chưa nộp báo cáo Quý 1 năm 2025; hạn nộp là 2025-04-05 (còn 1 ngày). → /reports",
				"Đơn vị chưa nộp báo cáo Quý 1 năm 2025; đã quá hạn 2025-04-05 được 1 ngày. → /reports");
	}

	private Caller person(String username, UnitView unit) {
		accounts.createBySystem(username, "Người " + username, AccountKind.PERSON, unit.code(), Role.UNIT_OFFICER,
				"x-password-123");
		return caller(username);
	}

	private List<String> texts(Caller who) {
		return notifications.list(who, PageRequest.of(0, 50), Locale.forLanguageTag("vi")).getContent().stream()
			.map(n -> n.text() + " → " + n.link()).toList();
	}

	private static Clock at(LocalDate day) {
		ZoneId zone = ZoneId.systemDefault();
		return Clock.fixed(day.atTime(8, 0).atZone(zone).toInstant(), zone);
	}
}
