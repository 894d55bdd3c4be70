package vn.ideabank.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reminder job: N days before and after a plan's deadline it records one reminder per addressed
 * unit that has not submitted (idempotent: one per unit, kind and day offset, however often it runs)
 * and publishes {@link ReportReminderDue} for each new one. The same for periodic reports of the kinds in
 * {@code ideabank.reports.remind-period-kinds}: before and after the due date of the last ended period, one
 * reminder per active unit that has not submitted it (and whose period no unit above has closed).
 * ShedLock keeps it to one node at a time.
 */
@Component
class ReportReminders {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final List<Integer> before;

	private final List<Integer> after;

	private final TransactionTemplate transaction;

	private final List<PeriodKind> periodKinds;

	private final int dueAfterDays;

	private final int closeAfterDays;

	ReportReminders(JdbcClient jdbc, ApplicationEventPublisher events, ObjectProvider<Clock> clock,
			PlatformTransactionManager transactions,
			@Value("${ideabank.reports.remind-before-days:3,1}") List<Integer> before,
			@Value("${ideabank.reports.remind-after-days:1,7}") List<Integer> after,
			@Value("${ideabank.reports.remind-period-kinds:QUY,SAU_THANG,NAM}") List<PeriodKind> periodKinds,
			@Value("${ideabank.reports.due-after-days:5}") int dueAfterDays,
			@Value("${ideabank.reports.close-after-days:30}") int closeAfterDays) {
		this.periodKinds = List.copyOf(periodKinds);
		this.dueAfterDays = dueAfterDays;
		this.closeAfterDays = closeAfterDays;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock.getIfAvailable(() -> Clock.system(ZoneId.systemDefault()));
		this.before = List.copyOf(before);
		this.after = List.copyOf(after);
		this.transaction = new TransactionTemplate(transactions);
	}

	@Scheduled(cron = "${ideabank.reports.reminder-cron:0 0 7 * * *}")
	// held at least 10 minutes (a daily job): another node's tick of the same morning finds it taken
	@SchedulerLock(name = "report-reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT10M")
	void scheduled() {
		// called on the bean itself, so the transaction is opened here rather than by the annotation
		transaction.executeWithoutResult(status -> remind(clock));
		transaction.executeWithoutResult(status -> remindReports(clock, "/"));
	}

	/** Records the reminders due on the clock's day; returns the new ones (already recorded ones are skipped). */
	@Transactional
	List<ReportReminderDue> remind(Clock at) {
		LocalDate today = LocalDate.now(at);
		List<ReportReminderDue> created = new ArrayList<>();
		for (int n : before) {
			// from n days before the deadline until the deadline itself
			created.addAll(insert("BEFORE", n, "r.deadline - :n <= :today and :today <= r.deadline", today));
		}
		for (int n : after) {
			created.addAll(insert("AFTER", n, "r.deadline + :n <= :today", today));
		}
		created.forEach(events::publishEvent);
		return created;
	}

	private List<ReportReminderDue> insert(String kind, int n, String when, LocalDate today) {
		return jdbc.sql("""
				insert into report_reminder (subject_kind, subject_id, unit_id, unit_path, kind, day_offset, deadline, due_on)
				select 'PLAN', r.id, t.unit_id, t.unit_path, :kind, :n, r.deadline, :today
				  from report_plan_target t join report_plan_request r on r.id = t.request_id
				 where t.submission_count = 0 and %s
				on conflict (subject_kind, subject_id, unit_id, kind, day_offset) do nothing
				returning subject_kind, subject_id, unit_id, kind, day_offset, deadline,
				          (select title from report_plan_request where id = subject_id)""".formatted(when))
			.param("kind", kind).param("n", n).param("today", today)
			.query((rs, i) -> new ReportReminderDue(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					rs.getInt(5), rs.getObject(6, LocalDate.class), rs.getString(7)))
			.list();
	}

	/**
	 * Records the periodic-report reminders due on the clock's day for the active units under {@code underPath}
	 * ("/" for all); returns the new ones. One per unit, period, kind and day offset: a second run adds nothing.
	 */
	@Transactional
	List<ReportReminderDue> remindReports(Clock at, String underPath) {
		LocalDate today = LocalDate.now(at);
		List<ReportReminderDue> created = new ArrayList<>();
		for (PeriodKind kind : periodKinds) {
			ReportingPeriod period = ReportingPeriod.containing(kind, today).previous();
			LocalDate due = period.lastDay().plusDays(dueAfterDays);
			if (today.isAfter(period.lastDay().plusDays(closeAfterDays))) {
				continue; // closed: it can no longer be sent, so nobody is asked to
			}
			for (int n : before) {
				if (!today.isBefore(due.minusDays(n)) && !today.isAfter(due)) {
					created.addAll(insertReport(period, "BEFORE", n, due, today, underPath));
				}
			}
			for (int n : after) {
				if (!today.isBefore(due.plusDays(n))) {
					created.addAll(insertReport(period, "AFTER", n, due, today, underPath));
				}
			}
		}
		created.forEach(events::publishEvent);
		return created;
	}

	private List<ReportReminderDue> insertReport(ReportingPeriod period, String kind, int n, LocalDate due, LocalDate today,
			String underPath) {
		return jdbc.sql("""
				insert into report_reminder (subject_kind, subject_id, unit_id, unit_path, kind, day_offset, deadline, due_on)
				select :subject, :sid, u.id, u.path, :kind, :n, :due, :today
				  from org_unit u
				 where u.active and u.path like :under
				   and not exists (select 1 from report_periodic p
				                    where p.unit_id = u.id and p.period_kind = :pk and p.period_year = :year
				                      and p.period_no = :no and p.status = 'SUBMITTED')
				   and not exists (select 1 from report_period_closure c
				                    where c.unit_id <> u.id and u.path like c.unit_path || '%'
				                      and c.period_kind = :pk and c.period_year = :year and c.period_no = :no)
				on conflict (subject_kind, subject_id, unit_id, kind, day_offset) do nothing
				returning subject_kind, subject_id, unit_id, kind, day_offset, deadline""")
			.param("subject", ReportReminderDue.subjectOf(period)).param("sid", ReportReminderDue.subjectIdOf(period))
			.param("kind", kind).param("n", n).param("due", due).param("today", today)
			.param("under", underPath.replace("%", "").replace("_", "\\_") + "%").param("pk", period.kind().name())
			.param("year", period.year()).param("no", period.number())
			.query((rs, i) -> new ReportReminderDue(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					rs.getInt(5), rs.getObject(6, LocalDate.class), null))
			.list();
	}
}
