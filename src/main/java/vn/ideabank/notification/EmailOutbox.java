package vn.ideabank.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the e-mails of the outbox that are due, one node at a time (ShedLock). A failed send is
 * retried with exponential back-off ({@code retry-base} doubled per attempt, at most
 * {@code retry-max}) until {@code max-attempts}; the error of the last attempt is kept on the row.
 * Without {@code spring.mail.host} the messages are written to the log instead.
 */
@Component
class EmailOutbox {

	private static final Logger log = LoggerFactory.getLogger(EmailOutbox.class);

	private final JdbcClient jdbc;

	private final MailSender sender;

	private final String from;

	private final int batchSize;

	private final int maxAttempts;

	private final Duration retryBase;

	private final Duration retryMax;

	EmailOutbox(JdbcClient jdbc, ObjectProvider<MailSender> sender, @Value("${spring.mail.host:}") String host,
			@Value("${ideabank.notifications.email.from:ideabank@localhost}") String from,
			@Value("${ideabank.notifications.email.batch-size:50}") int batchSize,
			@Value("${ideabank.notifications.email.max-attempts:8}") int maxAttempts,
			@Value("${ideabank.notifications.email.retry-base:1m}") Duration retryBase,
			@Value("${ideabank.notifications.email.retry-max:6h}") Duration retryMax) {
		this.jdbc = jdbc;
		this.sender = host.isBlank() ? new LoggingMailSender() : sender.getIfAvailable(LoggingMailSender::new);
		this.from = from;
		this.batchSize = batchSize;
		this.maxAttempts = maxAttempts;
		this.retryBase = retryBase;
		this.retryMax = retryMax;
	}

	@Scheduled(cron = "${ideabank.notifications.email.send-cron:*/30 * * * * *}")
	// held at least 25 s (the job runs every 30 s): a node whose clock ticks a little later does not send again
	@SchedulerLock(name = "email-outbox", lockAtMostFor = "PT10M", lockAtLeastFor = "${ideabank.notifications.email.lock-at-least-for:PT25S}")
	void scheduled() {
		sendDue(sender, Instant.now());
	}

	record Mail(long id, String to, String subject, String body, int attempts) {
	}

	/** Sends what is due at {@code now} through {@code through}; returns how many were sent. */
	int sendDue(MailSender through, Instant now) {
		List<Mail> due = jdbc.sql("""
				select id, recipient, subject, body, attempts from email_outbox
				 where sent_at is null and attempts < :max and next_attempt_at <= :now
				 order by next_attempt_at, id limit :limit""")
			.param("max", maxAttempts).param("now", Timestamp.from(now)).param("limit", batchSize)
			.query((rs, n) -> new Mail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
			.list();
		int sent = 0;
		for (Mail mail : due) {
			try {
				SimpleMailMessage message = new SimpleMailMessage();
				message.setFrom(from);
				message.setTo(mail.to());
				message.setSubject(mail.subject());
				message.setText(mail.body());
				through.send(message);
				jdbc.sql("update email_outbox set sent_at = :now, attempts = attempts + 1, last_error = null where id = :id")
					.param("now", Timestamp.from(now)).param("id", mail.id()).update();
				sent++;
			}
			catch (RuntimeException e) {
				int attempts = mail.attempts() + 1;
				Instant next = now.plus(backoff(attempts));
				String error = String.valueOf(e.getMessage());
				log.warn("E-mail {} to {} failed (attempt {} of {}): {}", mail.id(), mail.to(), attempts, maxAttempts, error);
				jdbc.sql("update email_outbox set attempts = :n, next_attempt_at = :next, last_error = :e where id = :id")
					.param("n", attempts).param("next", Timestamp.from(next))
					.param("e", error.length() > 1000 ? error.substring(0, 1000) : error).param("id", mail.id()).update();
			}
		}
		return sent;
	}

	/** retry-base × 2^(attempts − 1), at most retry-max. */
	Duration backoff(int attempts) {
		Duration wait = retryBase.multipliedBy(1L << Math.min(attempts - 1, 30));
		return wait.compareTo(retryMax) > 0 || wait.isNegative() ? retryMax : wait;
	}

	/** Used when no SMTP server is configured: the message goes to the log, so nothing is lost in development. */
	static class LoggingMailSender implements MailSender {

		@Override
		public void send(SimpleMailMessage... messages) {
			for (SimpleMailMessage m : messages) {
				log.info("E-mail (no spring.mail.host set) to {}: {}\n{}", String.join(", ", m.getTo()), m.getSubject(),
						m.getText());
			}
		}
	}
}
