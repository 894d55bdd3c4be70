package vn.ideabank.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ideabank.account.AccountService;

/**
 * The daily e-mail digest: for each person who chose it, one e-mail a day listing every notice they want by
 * e-mail that arrived since their last digest (a grouped notice once, with its count). The e-mail goes
 * through the outbox like any other ({@link EmailOutbox}); one node at a time (ShedLock), one transaction
 * per person, and {@code last_sent_on} keeps it to one a day however often the job runs.
 */
@Component
class DailyDigest {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final JdbcClient jdbc;

	private final NotificationService notifications;

	private final AccountService accounts;

	private final MessageSource messages;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DailyDigest(JdbcClient jdbc, NotificationService notifications, AccountService accounts, MessageSource messages,
			PlatformTransactionManager transactions, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.accounts = accounts;
		this.messages = messages;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Scheduled(cron = "${ideabank.notifications.digest-cron:0 0 17 * * *}", zone = "Asia/Ho_Chi_Minh")
	// held at least 10 minutes (a daily job): another node's tick of the same evening finds it taken
	@SchedulerLock(name = "notification-digest", lockAtMostFor = "PT30M", lockAtLeastFor = "PT10M")
	void scheduled() {
		sendDigests(LocalDate.now(clock.withZone(VIETNAM)));
	}

	/** Queues today's digest for everyone who chose it and has notices waiting; returns how many were queued. */
	int sendDigests(LocalDate today) {
		List<Long> people = jdbc.sql("""
				select d.account_id from notification_digest d
				 where d.daily and (d.last_sent_on is null or d.last_sent_on < :today)
				   and exists (select 1 from notification n where n.account_id = d.account_id and n.digest_pending)""")
			.param("today", today).query(Long.class).list();
		int queued = 0;
		for (long person : people) {
			Boolean sent = transaction.execute(status -> sendOne(person, today));
			queued += Boolean.TRUE.equals(sent) ? 1 : 0;
		}
		return queued;
	}

	private boolean sendOne(long person, LocalDate today) {
		// claims the day first: a second run (or node) finds it taken
		int claimed = jdbc.sql("""
				update notification_digest set last_sent_on = :today
				 where account_id = :a and daily and (last_sent_on is null or last_sent_on < :today)""")
			.param("a", person).param("today", today).update();
		String to = accounts.emailsOf(List.of(person)).get(person);
		if (claimed == 0 || to == null) {
			return false;
		}
		List<String> items = jdbc.sql("""
				update notification set digest_pending = false where account_id = :a and digest_pending
				returning created_at, message_key, args, group_message_key, group_args, item_count, link""")
			.param("a", person)
			.query((rs, n) -> new Item(rs.getTimestamp(1).toInstant(), "– " + notifications.text(rs.getString(2),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), notifications.emailLocale())
					+ (rs.getString(7) == null ? "" : "\n  " + notifications.link(rs.getString(7)))))
			.list().stream().sorted(java.util.Comparator.comparing(Item::at)).map(Item::line).toList();
		if (items.isEmpty()) {
			return false;
		}
		String subject = messages.getMessage("notification.digest.subject",
				new Object[] { items.size(), today.toString() }, notifications.emailLocale());
		String body = messages.getMessage("notification.digest.intro", new Object[] { items.size() },
				notifications.emailLocale()) + "\n\n" + String.join("\n\n", items) + "\n\n" + notifications.footer();
		notifications.queueEmail(to, subject, body);
		return true;
	}

	private record Item(java.time.Instant at, String line) {
	}
}
