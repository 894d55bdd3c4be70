package vn.ideabank.contest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ideabank.contest.ContestEvents.NominationsClosingSoon;
import vn.ideabank.org.UnitService;

/**
 * Once a day: every open contest whose nominations close within {@code nomination-remind-days} days is
 * marked reminded (once per contest, however often the job runs) and {@link NominationsClosingSoon} is
 * published in the same transaction, for the officers of the units that may still nominate.
 */
@Component
public class NominationReminders {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final UnitService units;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final int days;

	NominationReminders(JdbcClient jdbc, ApplicationEventPublisher events, UnitService units,
			PlatformTransactionManager transactions, Optional<Clock> clock,
			@Value("${ideabank.contests.nomination-remind-days:3}") int days) {
		this.jdbc = jdbc;
		this.events = events;
		this.units = units;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock.orElse(Clock.systemUTC());
		this.days = days;
	}

	@Scheduled(cron = "${ideabank.contests.nomination-reminder-cron:0 30 7 * * *}", zone = "Asia/Ho_Chi_Minh")
	@SchedulerLock(name = "contest-nomination-reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT10M")
	void scheduled() {
		transaction.executeWithoutResult(status -> remind(LocalDate.now(clock.withZone(VIETNAM))));
	}

	/** Marks and announces the contests closing soon as of {@code today}, in one transaction. */
	@Transactional
	public List<NominationsClosingSoon> remind(LocalDate today) {
		List<NominationsClosingSoon> due = jdbc.sql("""
				update contest set closing_reminded_on = :today
				 where status = 'OPEN' and closing_reminded_on is null
				   and nomination_closes between :today and :last
				returning id, unit_id, name, nomination_closes""")
			.param("today", today).param("last", today.plusDays(days))
			.query((rs, n) -> new NominationsClosingSoon(rs.getLong(1), rs.getString(3),
					rs.getObject(4, LocalDate.class), units.activeChildIds(rs.getLong(2))))
			.list();
		due.forEach(events::publishEvent);
		return due;
	}
}
