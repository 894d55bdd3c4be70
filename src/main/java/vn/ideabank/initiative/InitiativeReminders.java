package vn.ideabank.initiative;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * The decision clock's reminders (Nghị định 13/2012, Điều 10: an answer within three months of acceptance):
 * each morning, every application in the register whose decision falls due within the warning window, and every
 * one whose due date has passed, is recorded once in {@code initiative_reminder} and announced by
 * {@link InitiativeDecisionDue}. One statement finds and records them, so a second run of the same day, or another
 * node's tick (ShedLock keeps it to one), announces nothing twice.
 */
@Component
class InitiativeReminders {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final int remindDays;

	InitiativeReminders(JdbcClient jdbc, ApplicationEventPublisher events, ObjectProvider<Clock> clock,
			PlatformTransactionManager transactions, @Value("${ideabank.initiative.remind-days:14}") int remindDays) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock.getIfAvailable(() -> Clock.system(ZoneId.systemDefault()));
		this.transaction = new TransactionTemplate(transactions);
		this.remindDays = remindDays;
	}

	@Scheduled(cron = "${ideabank.initiative.reminder-cron:0 20 7 * * *}")
	// a daily job held at least 10 minutes: another node's tick of the same morning finds it taken
	@SchedulerLock(name = "initiative-reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT10M")
	void scheduled() {
		transaction.executeWithoutResult(status -> remind(LocalDate.now(clock)));
	}

	/** Records and announces the reminders due on {@code today}; returns the new ones. */
	@Transactional
	List<InitiativeDecisionDue> remind(LocalDate today) {
		List<InitiativeDecisionDue> due = jdbc.sql("""
				with due as (
				  select id, case when due_on < :today then 'AFTER' else 'BEFORE' end as kind, due_on
				    from initiative_application
				   where status = 'ACCEPTED' and due_on is not null and due_on <= :until and register_unit_id is not null),
				recorded as (
				  insert into initiative_reminder (application_id, kind, due_on) select id, kind, due_on from due
				  on conflict do nothing returning application_id, kind, due_on)
				select a.id, a.register_unit_id, a.register_no || '/' || a.register_year, a.title, r.due_on, r.kind
				  from recorded r join initiative_application a on a.id = r.application_id
				 order by a.id""")
			.param("today", today).param("until", today.plusDays(remindDays))
			.query((rs, n) -> new InitiativeDecisionDue(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, LocalDate.class), rs.getString(6)))
			.list();
		due.forEach(events::publishEvent);
		return due;
	}
}
