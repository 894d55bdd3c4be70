package vn.ideabank.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.IntegrationTest;
import vn.ideabank.account.AccountService;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.org.UnitService;

/** A person who chose the daily digest gets one e-mail a day with all their notices instead of one per notice. */
class DailyDigestTests extends IntegrationTest {

	@Autowired
	NotificationService notifications;

	@Autowired
	DailyDigest digest;

	@Autowired
	AccountService accounts;

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	HandOffWorld w;

	@BeforeEach
	void world() {
		w = new HandOffWorld(caller("admin"), units, accounts, notifications, ideas, jdbc, this::caller);
	}

	@Test
	void aPersonWhoChoseTheDigestGetsOneEmailADayWithEveryItem() {
		notifications.saveDailyDigest(w.officerA, true);
		assertThat(notifications.dailyDigest(w.officerA)).isTrue();
		assertThat(notifications.dailyDigest(w.officerA2)).isFalse();
		List<Long> both = List.of(w.officerA.accountId(), w.officerA2.accountId());
		notifications.notify(both, NotificationKind.UNIT_WORK, "notification.plan.requested",
				List.of("Kế hoạch năm 2027", "2027", "2027-01-15"), "/reports/plans/7/units/" + w.a.id());
		for (int i = 1; i <= 3; i++) {
			notifications.notify(both, Notice.single(NotificationKind.UNIT_WORK, "notification.idea.submitted",
					List.of("TS-2026-00000" + i, "Ý tưởng " + i), "/ideas/" + i)
				.groupedAs("idea-submitted:" + w.a.id(), "notification.idea.submitted.group", List.of(),
						"/ideas?unit=" + w.a.id() + "&status=SUBMITTED"));
		}
		notifications.notify(both, NotificationKind.CONTEST, "notification.contest.opened",
				List.of("Hội thi Sáng tạo trẻ", "2027-03-31"), "/contests/9");

		// one e-mail per new notice for the one who did not choose the digest; nothing yet for the other
		assertThat(w.outboxTo(w.officerA2)).hasSize(3);
		assertThat(w.outboxTo(w.officerA)).isEmpty();

		LocalDate today = LocalDate.of(2026, 12, 5);
		digest.sendDigests(today);
		assertThat(w.outboxTo(w.officerA)).singleElement().satisfies(body -> assertThat(body)
			.contains("Bạn có 3 thông báo mới:", "Yêu cầu nộp kế hoạch “Kế hoạch năm 2027” (năm 2027); hạn nộp 2027-01-15.",
					"3 ý tưởng mới cần xác nhận.", "/ideas?unit=" + w.a.id() + "&status=SUBMITTED",
					"Cuộc thi “Hội thi Sáng tạo trẻ” đã mở nhận đề cử; hạn đề cử 2027-03-31.", "/notifications/preferences"));
		assertThat(w.outboxTo(w.officerA2)).as("the digest is only for those who chose it").hasSize(3);

		// once a day: a second run the same day sends nothing, even with a new notice waiting
		digest.sendDigests(today);
		notifications.notify(List.of(w.officerA.accountId()), NotificationKind.CONTEST, "notification.contest.results",
				List.of("Hội thi Sáng tạo trẻ"), "/contests/9");
		digest.sendDigests(today);
		assertThat(w.outboxTo(w.officerA)).hasSize(1);

		// the next day brings what came since, and only that
		digest.sendDigests(today.plusDays(1));
		assertThat(w.outboxTo(w.officerA)).hasSize(2).last().satisfies(body -> assertThat(body)
			.contains("Bạn có 1 thông báo mới:", "Cuộc thi “Hội thi Sáng tạo trẻ” đã công bố kết quả.")
			.doesNotContain("Kế hoạch năm 2027"));
		digest.sendDigests(today.plusDays(2));
		assertThat(w.outboxTo(w.officerA)).as("nothing waiting: no empty digest").hasSize(2);
	}

	@Test
	void aKindThePersonDoesNotWantByEmailStaysOutOfTheDigest() {
		notifications.saveDailyDigest(w.officerB, true);
		notifications.savePreferences(w.officerB, List.of(NotificationKind.UNIT_WORK));
		notifications.notify(List.of(w.officerB.accountId()), NotificationKind.CONTEST, "notification.contest.results",
				List.of("Hội thi không muốn nhận thư"), "/contests/9");
		notifications.notify(List.of(w.officerB.accountId()), NotificationKind.UNIT_WORK, "notification.plan.requested",
				List.of("Kế hoạch muốn nhận", "2027", "2027-01-15"), "/reports/plans/7/units/1");
		digest.sendDigests(LocalDate.of(2026, 12, 5));
		assertThat(w.outboxTo(w.officerB)).singleElement().satisfies(body -> assertThat(body)
			.contains("Kế hoạch muốn nhận").doesNotContain("Hội thi không muốn nhận thư"));
	}
}
