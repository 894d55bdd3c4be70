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
 * and publishes {@link ReportReminderDue} for each new one. ShedLock keeps it to one node at a time.
 */
@Component
class ReportReminders {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final List<Integer> before;

	private final List<Integer> after;

	private final TransactionTemplate transaction;

	ReportReminders(JdbcClient jdbc, ApplicationEventPublisher events, ObjectProvider<Clock> clock,
			PlatformTransactionManager transactions,
			@Value("${ideabank.reports.remind-before-days:3,1}") List<Integer> before,
			@Value("${ideabank.reports.remind-after-days:1,7}") List<Integer> after) {
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
}
