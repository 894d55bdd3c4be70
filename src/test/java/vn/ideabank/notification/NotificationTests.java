package vn.ideabank.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;

import vn.ideabank.IntegrationTest;
import vn.ideabank.account.AccountKind;
import vn.ideabank.account.AccountService;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Role;
import vn.ideabank.idea.ApplicationArea;
import vn.ideabank.idea.Benefit;
import vn.ideabank.idea.IdeaCommands.AddComment;
import vn.ideabank.idea.IdeaCommands.AuthorRef;
import vn.ideabank.idea.IdeaCommands.IdeaContent;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStep;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;
import vn.ideabank.org.UnitService;
import vn.ideabank.programme.ProgrammeEvents.IpDeadlineReminderDue;

class NotificationTests extends IntegrationTest {

	@Autowired
	NotificationService notifications;

	@Autowired
	EmailOutbox outbox;

	@Autowired
	AccountService accounts;

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	/** A fresh account with an e-mail address, so its notifications and e-mails are its own. */
	private Caller person(String prefix) {
		String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.createBySystem(username, "Người nhận " + prefix, AccountKind.PERSON, "TS", Role.MEMBER, "x-password-123");
		jdbc.sql("update account set email = :e where username = :u").param("e", username + "@example.vn")
			.param("u", username).update();
		return caller(username);
	}

	private List<String> outboxTo(Caller who) {
		return jdbc.sql("select subject from email_outbox where recipient = :r").param("r", who.username() + "@example.vn")
			.query(String.class).list();
	}

	@Test
	void anIpDeadlineReachesTheOfficersOfItsUnit() {
		long thoDan = units.findByCode("TS-THODAN").orElseThrow().id();
		Caller officer = caller("doan.thodan");
		long before = notifications.unreadCount(officer);
		String label = "Trả lời thông báo thẩm định " + UUID.randomUUID().toString().substring(0, 6);
		transactions.executeWithoutResult(status -> events.publishEvent(new IpDeadlineReminderDue(99, 98, thoDan, "/x/",
				label, java.time.LocalDate.of(2026, 12, 1), 7)));
		// the listener runs after the commit, on another thread
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(notifications.unreadCount(officer)).isEqualTo(before + 1));
		assertThat(notifications.list(officer, PageRequest.of(0, 5), Locale.forLanguageTag("vi")).getContent())
			.anySatisfy(n -> assertThat(n.toString()).contains(label, "/ip/99"));
	}

	@Test
	void everyoneGetsTheNotificationButOnlyThoseWhoWantItByEmailGetAnEmail() {
		Caller wants = person("wants");
		Caller declines = person("declines");
		notifications.savePreferences(declines, EnumSet.of(NotificationKind.IDEA_STATUS, NotificationKind.COMMENT));
		assertThat(notifications.preferences(declines)).contains(new Preference(NotificationKind.DEADLINE, false),
				new Preference(NotificationKind.COMMENT, true));
		assertThat(notifications.preferences(wants)).allMatch(Preference::email);

		notifications.notify(List.of(wants.accountId(), declines.accountId()), NotificationKind.DEADLINE,
				"notification.deadline.BEFORE", List.of("2026-12-31", "3"), "/reports");

		assertThat(notifications.unreadCount(wants)).isEqualTo(1);
		assertThat(notifications.unreadCount(declines)).isEqualTo(1);
		assertThat(notifications.list(declines, PageRequest.of(0, 20), Locale.forLanguageTag("vi")).getContent())
			.extracting(NotificationView::text).containsExactly("Đơn vị chưa nộp kế hoạch; hạn nộp là 2026-12-31 (còn 3 ngày).");
		assertThat(outboxTo(wants)).hasSize(1);
		assertThat(outboxTo(declines)).isEmpty();

		// a kind they still want by e-mail does reach them
		notifications.notify(List.of(declines.accountId()), NotificationKind.COMMENT, "notification.comment",
				List.of("Cán bộ", "TS-2026-0001"), "/ideas/1");
		assertThat(outboxTo(declines)).hasSize(1);
	}

	@Test
	void notificationsAreReadOnlyByTheirOwner() {
		Caller owner = person("owner");
		Caller other = person("other");
		notifications.notify(List.of(owner.accountId()), NotificationKind.COMMENT, "notification.comment",
				List.of("A", "B"), "/ideas/42");
		long id = notifications.list(owner, PageRequest.of(0, 20), Locale.ENGLISH).getContent().get(0).id();

		assertThatCode(() -> notifications.markRead(other, id)).isInstanceOf(RuntimeException.class);
		assertThat(notifications.unreadCount(owner)).isEqualTo(1);
		assertThat(notifications.markRead(owner, id)).isEqualTo("/ideas/42");
		assertThat(notifications.unreadCount(owner)).isZero();
	}

	@Test
	void aFailedSendIsRetriedWithGrowingWaitsUntilItGoesThrough() {
		String to = "retry-" + UUID.randomUUID() + "@example.vn";
		// long before anything else in the shared outbox (tests send no e-mail, so it holds more due rows than one batch)
		Instant t0 = Instant.parse("2001-01-01T00:00:00Z");
		jdbc.sql("insert into email_outbox (recipient, subject, body, next_attempt_at) values (:r, 'S', 'B', :at)")
			.param("r", to).param("at", Timestamp.from(t0)).update();
		FlakySender sender = new FlakySender(to, 2);

		outbox.sendDue(sender, t0);
		assertThat(row(to)).containsExactly(1, false, t0.plus(Duration.ofMinutes(1)));

		outbox.sendDue(sender, t0.plusSeconds(30)); // not due yet
		assertThat(sender.attemptsFor).isEqualTo(1);

		Instant t1 = t0.plus(Duration.ofMinutes(1));
		outbox.sendDue(sender, t1);
		assertThat(row(to)).containsExactly(2, false, t1.plus(Duration.ofMinutes(2)));

		outbox.sendDue(sender, t1.plus(Duration.ofMinutes(2)));
		assertThat(row(to)).element(0).isEqualTo(3);
		assertThat(row(to)).element(1).isEqualTo(true);
		assertThat(sender.delivered).extracting(m -> m.getTo()[0]).contains(to);

		outbox.sendDue(sender, t1.plus(Duration.ofHours(1)));
		assertThat(sender.attemptsFor).as("a sent e-mail is not sent again").isEqualTo(3);
		assertThat(outbox.backoff(30)).isEqualTo(Duration.ofHours(6));
	}

	@Test
	void anIdeasAuthorHearsOfItsStatusAndOfStaffMessagesButNotOfInternalNotes() {
		Caller author = caller("nguyen.van.an");
		Caller officer = caller("doan.thodan");
		// the author has read what other tests told him: an unread notice of the same group would take these into it
		jdbc.sql("update notification set read_at = now() where account_id = :a and read_at is null")
			.param("a", author.accountId()).update();
		long before = notifications.unreadCount(author);
		long unit = units.findByCode("TS-THODAN-T1").orElseThrow().id();
		IdeaView idea = ideas.create(author, new SaveIdea(unit, content("Thông báo cho tác giả"),
				List.of(new AuthorRef(null, "Nguyễn Văn An"))));
		idea = ideas.step(author, idea.id(), TakeStep.of(IdeaStep.SUBMIT, idea.version(), null));

		idea = ideas.step(officer, idea.id(), TakeStep.of(IdeaStep.ENDORSE, idea.version(), null));
		ideas.comment(officer, idea.id(), new AddComment("Ghi chú nội bộ", true));
		ideas.comment(officer, idea.id(), new AddComment("Đề nghị bổ sung số liệu", false));
		// listeners run after the commit on another thread; once the two expected have arrived, nothing else did
		// (one's own step and the internal note notify nobody)
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(notifications.unreadCount(author)).isGreaterThanOrEqualTo(before + 2));
		awaitDelivered();
		assertThat(notifications.unreadCount(author)).isEqualTo(before + 2);
		List<NotificationView> latest = notifications.list(author, PageRequest.of(0, 2), Locale.ENGLISH).getContent();
		assertThat(latest).extracting(NotificationView::kind)
			.containsExactlyInAnyOrder(NotificationKind.COMMENT, NotificationKind.IDEA_STATUS);
		assertThat(latest).extracting(NotificationView::link).containsOnly("/ideas/" + idea.id());

		// the author's answer goes to the staff who wrote
		long officerBefore = notifications.unreadCount(officer);
		ideas.comment(author, idea.id(), new AddComment("Đã bổ sung", false));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(notifications.unreadCount(officer)).isEqualTo(officerBefore + 1));
	}

	@Test
	void aThrowingMailServerNeitherFailsTheActionNorTheJob() {
		Caller author = person("throwing");
		notifications.notify(List.of(author.accountId()), NotificationKind.IDEA_STATUS, "notification.ideaStatus",
				List.of("TS-X", "msg:idea.status.ACCEPTED"), "/ideas/1");
		assertThat(notifications.list(author, PageRequest.of(0, 1), Locale.forLanguageTag("vi")).getContent().get(0).text())
			.isEqualTo("Ý tưởng TS-X chuyển sang trạng thái „Được chấp nhận“.");
		MailSender broken = messages -> {
			throw new MailSendException("connection refused");
		};
		// due before everything else in the shared outbox (tests send no e-mail, so it holds more due rows than one batch)
		Instant early = Instant.parse("2000-01-01T00:00:00Z");
		jdbc.sql("update email_outbox set next_attempt_at = :at where recipient = :r").param("at", Timestamp.from(early))
			.param("r", author.username() + "@example.vn").update();
		assertThatCode(() -> outbox.sendDue(broken, early.plusSeconds(1))).doesNotThrowAnyException();
		assertThat(jdbc.sql("select last_error from email_outbox where recipient = :r")
			.param("r", author.username() + "@example.vn").query(String.class).single()).isEqualTo("connection refused");
	}

	/** Waits until every listener has completed (completed publications are deleted from the registry). */
	private void awaitDelivered() {
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
				"select count(*) from event_publication where completion_date is null").query(Long.class).single()).isZero());
	}

	private List<Object> row(String to) {
		return jdbc.sql("select attempts, sent_at is not null, next_attempt_at from email_outbox where recipient = :r")
			.param("r", to)
			.query((rs, n) -> List.<Object>of(rs.getInt(1), rs.getBoolean(2), rs.getTimestamp(3).toInstant()))
			.single();
	}

	private static IdeaContent content(String title) {
		return new IdeaContent(Year.now().getValue(), IdeaKind.INITIATIVE, title,
				"Dùng cảm biến độ ẩm giá rẻ để tưới nhỏ giọt tự động cho vườn rau của đoàn viên.",
				"Mùa khô, các hộ trồng rau ở xã phải tưới tay hai lần mỗi ngày, tốn công và nước.",
				"Lắp cảm biến độ ẩm đất nối với van điện từ; khi đất khô thì van mở, đủ ẩm thì đóng.",
				"Chi phí dưới 500.000 đồng mỗi vườn, thấp hơn nhiều so với bộ tưới thương mại.",
				EnumSet.of(Benefit.SAVING, Benefit.LOWER_COST), null, "Các xã thuần nông của huyện Triệu Sơn",
				"Mùa khô, từ tháng 3 đến tháng 7", "Có điện lưới và nguồn nước giếng khoan", ApplicationArea.PRODUCTION,
				SectorField.AGRICULTURE, TargetGroup.RURAL_YOUTH, null, false);
	}

	/** Fails the first {@code failures} sends to one address; everything else goes through. */
	static class FlakySender implements MailSender {

		final String address;

		int failures;

		int attemptsFor;

		final List<SimpleMailMessage> delivered = new ArrayList<>();

		FlakySender(String address, int failures) {
			this.address = address;
			this.failures = failures;
		}

		@Override
		public void send(SimpleMailMessage... messages) {
			for (SimpleMailMessage m : messages) {
				if (address.equals(m.getTo()[0])) {
					attemptsFor++;
					if (failures-- > 0) {
						throw new MailSendException("server busy");
					}
				}
				delivered.add(m);
			}
		}
	}
}
