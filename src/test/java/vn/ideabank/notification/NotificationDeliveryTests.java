package vn.ideabank.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.security.Caller;
import vn.ideabank.org.UnitService;
import vn.ideabank.programme.ProgrammeEvents.IpDeadlineReminderDue;

/**
 * Durable notifications: the listeners are recorded in Spring Modulith's event publication registry, so a notice
 * whose listener never ran (the node died between the action's commit and the listener) is delivered when the
 * outstanding publications are resubmitted, which is what the application does at start-up.
 */
class NotificationDeliveryTests extends IntegrationTest {

	/** The registry's name of the listener method (Spring's default listener id: class.method(parameter types)). */
	private static final String IP_DEADLINE_LISTENER = NotificationListeners.class.getName() + ".on("
			+ IpDeadlineReminderDue.class.getName() + ")";

	@Autowired
	NotificationService notifications;

	@Autowired
	EventPublicationRegistry registry;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	private long outstanding(String label) {
		return jdbc.sql("select count(*) from event_publication where completion_date is null and serialized_event like :l")
			.param("l", "%" + label + "%").query(Long.class).single();
	}

	private boolean notified(Caller officer, String label) {
		return notifications.list(officer, PageRequest.of(0, 20), Locale.forLanguageTag("vi")).getContent().stream()
			.anyMatch(n -> n.text().contains(label));
	}

	@Test
	void aPublishedEventIsRecordedAndItsCompletedPublicationRemoved() {
		long unit = units.findByCode("TS-THODAN").orElseThrow().id();
		Caller officer = caller("doan.thodan");
		String label = "Nộp bản mô tả " + UUID.randomUUID().toString().substring(0, 8);
		transactions.executeWithoutResult(status -> {
			events.publishEvent(new IpDeadlineReminderDue(71, 72, unit, "/x/", label, LocalDate.of(2026, 12, 5), 1));
			assertThat(outstanding(label)).as("recorded in the publishing transaction").isEqualTo(1);
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> notified(officer, label));
		await().atMost(Duration.ofSeconds(10)).until(() -> outstanding(label) == 0);
		assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like :l")
			.param("l", "%" + label + "%").query(Long.class).single()).as("completed publications are deleted").isZero();
	}

	@Test
	void aNoticeWhoseListenerNeverRanIsDeliveredWhenOutstandingPublicationsAreResubmitted() {
		long unit = units.findByCode("TS-THODAN").orElseThrow().id();
		Caller officer = caller("doan.thodan");
		String label = "Gia hạn văn bằng " + UUID.randomUUID().toString().substring(0, 8);
		IpDeadlineReminderDue event = new IpDeadlineReminderDue(81, 82, unit, "/x/", label, LocalDate.of(2026, 12, 9), 0);

		// what the database holds when the action committed and the node died before the listener ran
		transactions.executeWithoutResult(status -> registry.store(event,
				Stream.of(PublicationTargetIdentifier.of(IP_DEADLINE_LISTENER))));
		assertThat(outstanding(label)).isEqualTo(1);
		assertThat(notified(officer, label)).isFalse();

		// start-up with republish-outstanding-events-on-restart resubmits every incomplete publication like this
		incomplete.resubmitIncompletePublications(p -> p.getEvent().equals(event));

		await().atMost(Duration.ofSeconds(10)).until(() -> notified(officer, label));
		await().atMost(Duration.ofSeconds(10)).until(() -> outstanding(label) == 0);
		assertThat(notifications.list(officer, PageRequest.of(0, 50), Locale.forLanguageTag("vi")).getContent().stream()
			.filter(n -> n.text().contains(label)).count()).as("delivered once").isEqualTo(1);
	}
}
