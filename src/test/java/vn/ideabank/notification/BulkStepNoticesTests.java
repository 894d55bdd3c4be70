package vn.ideabank.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.IntegrationTest;
import vn.ideabank.account.AccountService;
import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.IdeaBulkSteps;
import vn.ideabank.idea.IdeaBulkSteps.Selection;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStep;
import vn.ideabank.org.UnitService;

/**
 * A bulk step publishes one event per idea; at 1,000 ideas each recipient still ends with one unread notice
 * (and one e-mail), not 1,000 rows. Logs how long the step and the delivery of its notices took.
 */
class BulkStepNoticesTests extends IntegrationTest {

	private static final Logger log = LoggerFactory.getLogger(BulkStepNoticesTests.class);

	@Autowired
	NotificationService notifications;

	@Autowired
	AccountService accounts;

	@Autowired
	IdeaService ideas;

	@Autowired
	IdeaBulkSteps bulk;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aBulkStepOnAThousandIdeasLeavesOneUnreadNoticePerRecipient() {
		HandOffWorld w = new HandOffWorld(caller("admin"), units, accounts, notifications, ideas, jdbc, this::caller);
		List<Long> ids = new ArrayList<>();
		for (int i = 1; i <= 1_000; i++) {
			ids.add(w.draft(w.author, w.a1.id(), "Ý tưởng hàng loạt " + i).id());
		}
		long t0 = System.nanoTime();
		assertThat(bulk.step(w.author, Selection.of(ids), IdeaStep.SUBMIT, null).done()).hasSize(1_000);
		long t1 = System.nanoTime();
		w.awaitDelivered();
		long t2 = System.nanoTime();
		for (Caller officer : List.of(w.officerA, w.officerA2)) {
			assertThat(w.unread(officer)).singleElement().extracting(NotificationView::text)
				.isEqualTo("1000 ý tưởng mới cần xác nhận.");
			assertThat(w.outboxTo(officer)).hasSize(1);
		}
		w.readAll();
		long t3 = System.nanoTime();
		assertThat(bulk.step(w.officerA, Selection.of(ids), IdeaStep.ENDORSE, null).done()).hasSize(1_000);
		long t4 = System.nanoTime();
		w.awaitDelivered();
		long t5 = System.nanoTime();
		assertThat(w.unread(w.author)).singleElement().extracting(NotificationView::text)
			.isEqualTo("1000 ý tưởng của bạn chuyển sang “Đơn vị đã xác nhận”.");
		assertThat(w.unread(w.officerA2)).isEmpty();
		long rows = jdbc.sql("select count(*) from notification where account_id in (:ids)")
			.param("ids", w.everyone().stream().map(Caller::accountId).toList()).query(Long.class).single();
		assertThat(rows).as("one row per recipient and step: 2 officers + 1 author").isEqualTo(3);
		log.info("1,000 ideas: bulk submit {} ms, its notices delivered {} ms later; bulk endorse {} ms, notices {} ms later",
				(t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t4 - t3) / 1_000_000, (t5 - t4) / 1_000_000);
	}
}
