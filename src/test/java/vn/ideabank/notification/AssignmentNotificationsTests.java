package vn.ideabank.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ideabank.IntegrationTest;
import vn.ideabank.account.AccountKind;
import vn.ideabank.account.AccountService;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Role;
import vn.ideabank.contest.ContestEvents.JudgeAssigned;
import vn.ideabank.review.ReviewerAssigned;

/** A reviewer given an idea and a judge added to a round each get an assignment notice, after the commit. */
class AssignmentNotificationsTests extends IntegrationTest {

	@Autowired
	NotificationService notifications;

	@Autowired
	AccountService accounts;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	private Caller person() {
		String username = "phan-cong-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.createBySystem(username, "Người được phân công", AccountKind.PERSON, "TS", Role.MEMBER, "x-password-123");
		return caller(username);
	}

	@Test
	void aJudgeHearsOfTheRoundAndAReviewerOfTheIdea() {
		Caller judge = person();
		transactions.executeWithoutResult(status -> events.publishEvent(
				new JudgeAssigned(judge.accountId(), 7, 42, "Hội thi Sáng tạo trẻ", "Vòng chung khảo")));
		// listeners run after the commit on another thread
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				notifications.list(judge, PageRequest.of(0, 5), Locale.forLanguageTag("vi")).getContent())
			.singleElement().satisfies(n -> {
				assertThat(n.kind()).isEqualTo(NotificationKind.ASSIGNMENT);
				assertThat(n.text()).isEqualTo("Bạn được phân công chấm Vòng chung khảo của Hội thi Sáng tạo trẻ.");
				assertThat(n.link()).isEqualTo("/contests/rounds/42/judge");
			}));

		Caller reviewer = person();
		transactions.executeWithoutResult(status -> events.publishEvent(new ReviewerAssigned(reviewer.accountId(), 1, 2, "TS-2026-000001", "Tưới rau", "Hội đồng thử")));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				notifications.list(reviewer, PageRequest.of(0, 5), Locale.forLanguageTag("vi")).getContent())
			.singleElement().satisfies(n -> {
				assertThat(n.kind()).isEqualTo(NotificationKind.ASSIGNMENT);
				assertThat(n.link()).isEqualTo("/reviews");
			}));
	}

	@Test
	void nothingIsRecordedWhenTheAssigningTransactionRollsBack() {
		Caller judge = person();
		transactions.executeWithoutResult(status -> {
			events.publishEvent(new JudgeAssigned(judge.accountId(), 7, 42, "Hội thi", "Vòng sơ khảo"));
			status.setRollbackOnly();
		});
		// a committed assignment published after it arrives; the rolled-back one never does
		Caller other = person();
		transactions.executeWithoutResult(status -> events.publishEvent(new JudgeAssigned(other.accountId(), 7, 42, "Hội thi", "Vòng sơ khảo")));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(notifications.unreadCount(other)).isEqualTo(1));
		assertThat(notifications.unreadCount(judge)).isZero();
	}
}
