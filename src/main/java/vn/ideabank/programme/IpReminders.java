package vn.ideabank.programme;

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
import org.springframework.transaction.support.TransactionTemplate;

import vn.ideabank.programme.ProgrammeEvents.IpDeadlineReminderDue;

/**
 * The IP deadline reminder job: for every open deadline of an unfinished registration it records one
 * reminder per configured day offset once the deadline is that close (idempotent: one row per deadline
 * and offset, however often it runs, and a missed day is caught up with the offsets still ahead), and
 * publishes {@link IpDeadlineReminderDue} for each new one. ShedLock (the report module's lock
 * provider and {@code shedlock} table) keeps it to one node at a time.
 */
@Component
class IpReminders {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final List<Integer> before;

	private final TransactionTemplate transaction;

	IpReminders(JdbcClient jdbc, ApplicationEventPublisher events, ObjectProvider<Clock> clock,
			PlatformTransactionManager transactions,
			@Value("${ideabank.programme.ip-remind-before-days:14,7,1,0}") List<Integer> before) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock.getIfAvailable(() -> Clock.system(VIETNAM));
		this.before = before.stream().filter(n -> n >= 0).sorted().distinct().toList();
		this.transaction = new TransactionTemplate(transactions);
	}

	@Scheduled(cron = "${ideabank.programme.ip-reminder-cron:0 15 7 * * *}", zone = "Asia/Ho_Chi_Minh")
	// held at least 10 minutes (a daily job): another node's tick of the same morning finds it taken
	@SchedulerLock(name = "programme-ip-reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT10M")
	void scheduled() {
		remind(LocalDate.now(clock));
	}

	/** Records the reminders due on {@code today}; returns the new ones (recorded ones are skipped). */
	List<IpDeadlineReminderDue> remind(LocalDate today) {
		List<IpDeadlineReminderDue> created = new ArrayList<>();
		transaction.executeWithoutResult(status -> {
			int previous = -1;
			for (int n : before) {
				// the deadline is n days away or closer, but farther than the next smaller offset: this offset's turn
				// (once per deadline; skipped when a smaller one was already sent)
				created.addAll(jdbc.sql("""
						insert into programme_ip_reminder (deadline_id, day_offset, due_on)
						select d.id, :n, :today
						  from programme_ip_deadline d join programme_ip i on i.id = d.ip_id
						 where not d.done and i.status not in ('GRANTED', 'REFUSED', 'WITHDRAWN')
						   and d.due_on - :today <= :n and d.due_on - :today > :previous
						   and not exists (select 1 from programme_ip_reminder r
						                    where r.deadline_id = d.id and r.day_offset <= :n)
						on conflict (deadline_id, day_offset) do nothing
						returning deadline_id""")
					.param("n", n).param("previous", previous).param("today", today)
					.query(Long.class).list().stream().map(this::event).toList());
				previous = n;
			}
			created.forEach(events::publishEvent);
		});
		return created;
	}

	private IpDeadlineReminderDue event(long deadlineId) {
		return jdbc.sql("""
				select i.id as ip_id, d.id, i.unit_id, i.unit_path, d.label, d.due_on, r.day_offset
				  from programme_ip_deadline d join programme_ip i on i.id = d.ip_id
				  join programme_ip_reminder r on r.deadline_id = d.id
				 where d.id = :d order by r.id desc limit 1""")
			.param("d", deadlineId)
			.query((rs, i) -> new IpDeadlineReminderDue(rs.getLong("ip_id"), rs.getLong("id"), rs.getLong("unit_id"),
					rs.getString("unit_path"), rs.getString("label"), rs.getObject("due_on", LocalDate.class),
					rs.getInt("day_offset")))
			.single();
	}
}
