package vn.ideabank.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Year;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.account.AccountKind;
import vn.ideabank.account.AccountService;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Role;
import vn.ideabank.idea.ApplicationArea;
import vn.ideabank.idea.Benefit;
import vn.ideabank.idea.IdeaCommands.AuthorRef;
import vn.ideabank.idea.IdeaCommands.IdeaContent;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;
import vn.ideabank.org.UnitCommands.CreateUnit;
import vn.ideabank.org.UnitKind;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * A small district of its own for one test: an office ({@code district}, OFFICE), two communes A and B with
 * their officers (two in A, one in B), a chi đoàn A1 under A with no officer, and a member of A1 who writes
 * ideas. Every account is new and has an e-mail address, so what each receives is only this test's doing.
 */
final class HandOffWorld {

	static final Locale VI = Locale.forLanguageTag("vi");

	final UnitView district;

	final UnitView a;

	final UnitView b;

	final UnitView a1;

	final Caller office;

	final Caller officerA;

	final Caller officerA2;

	final Caller officerB;

	final Caller author;

	private final NotificationService notifications;

	private final IdeaService ideas;

	private final JdbcClient jdbc;

	HandOffWorld(Caller admin, UnitService units, AccountService accounts, NotificationService notifications,
			IdeaService ideas, JdbcClient jdbc, Function<String, Caller> callers) {
		this.notifications = notifications;
		this.ideas = ideas;
		this.jdbc = jdbc;
		String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		district = units.create(admin, new CreateUnit(units.findByCode("TS").orElseThrow().id(), "HO" + run,
				"Đoàn khối thử " + run, "Đoàn khối", UnitKind.OTHER, 100));
		a = units.create(admin, new CreateUnit(district.id(), "HO" + run + "-A", "Xã A " + run, "Xã", UnitKind.OTHER, 50));
		b = units.create(admin, new CreateUnit(district.id(), "HO" + run + "-B", "Xã B " + run, "Xã", UnitKind.OTHER, 50));
		a1 = units.create(admin, new CreateUnit(a.id(), "HO" + run + "-A1", "Chi đoàn A1 " + run, "Chi đoàn", UnitKind.OTHER, 20));
		office = person(accounts, callers, "vp" + run, district, Role.OFFICE);
		officerA = person(accounts, callers, "cba" + run, a, Role.UNIT_OFFICER);
		officerA2 = person(accounts, callers, "cba2" + run, a, Role.UNIT_OFFICER);
		officerB = person(accounts, callers, "cbb" + run, b, Role.UNIT_OFFICER);
		author = person(accounts, callers, "dv" + run, a1, Role.MEMBER);
	}

	private Caller person(AccountService accounts, Function<String, Caller> callers, String username, UnitView unit, Role role) {
		accounts.createBySystem(username, "Người " + username, AccountKind.PERSON, unit.code(), role, "x-password-123");
		jdbc.sql("update account set email = :e where username = :u").param("e", username + "@example.vn")
			.param("u", username).update();
		return callers.apply(username);
	}

	List<Caller> everyone() {
		return List.of(office, officerA, officerA2, officerB, author);
	}

	IdeaView draft(Caller who, long unitId, String title) {
		return ideas.create(who, new SaveIdea(unitId, content(title), List.of(new AuthorRef(null, "Tác giả thử"))));
	}

	/** The person's unread notices, newest first, in Vietnamese. */
	List<NotificationView> unread(Caller who) {
		return notifications.list(who, PageRequest.of(0, 100), VI).getContent().stream().filter(n -> !n.read()).toList();
	}

	/** Waits until every listener has completed (completed publications are deleted from the registry). */
	void awaitDelivered() {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
				"select count(*) from event_publication where completion_date is null").query(Long.class).single()).isZero());
	}

	/** Everyone's notices read: the next step's notices stand alone. */
	void readAll() {
		everyone().forEach(notifications::markAllRead);
	}

	List<String> outboxTo(Caller who) {
		return jdbc.sql("select body from email_outbox where recipient = :r order by id")
			.param("r", who.username() + "@example.vn").query(String.class).list();
	}

	static IdeaContent content(String title) {
		return new IdeaContent(Year.now().getValue(), IdeaKind.INITIATIVE, title,
				"Dùng cảm biến độ ẩm giá rẻ để tưới nhỏ giọt tự động cho vườn rau của đoàn viên.",
				"Mùa khô, các hộ trồng rau ở xã phải tưới tay hai lần mỗi ngày, tốn công và nước.",
				"Lắp cảm biến độ ẩm đất nối với van điện từ; khi đất khô thì van mở, đủ ẩm thì đóng.",
				"Chi phí dưới 500.000 đồng mỗi vườn, thấp hơn nhiều so với bộ tưới thương mại.",
				EnumSet.of(Benefit.SAVING, Benefit.LOWER_COST), null, "Các xã thuần nông của huyện Triệu Sơn",
				"Mùa khô, từ tháng 3 đến tháng 7", "Có điện lưới và nguồn nước giếng khoan", ApplicationArea.PRODUCTION,
				SectorField.AGRICULTURE, TargetGroup.RURAL_YOUTH, null, false);
	}
}
