package vn.ideabank.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import vn.ideabank.idea.IdeaBulkSteps.Outcome;
import vn.ideabank.idea.IdeaBulkSteps.Refusal;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.idea.IdeaBulkSteps.Selection;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStep;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.org.UnitService;

/**
 * A bulk step publishes one event per batch ({@code IdeaStepsTaken}); its notices are exactly those of one step
 * per idea: at 1,000 ideas each recipient still ends with one unread notice (and one e-mail), not 1,000 rows,
 * and an idea refused in the middle of a batch tells nobody while the others do. Logs how long the step and
 * the delivery of its notices took.
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

	@Test
	void aBatchTellsExactlyWhatOneStepPerIdeaWouldAndARefusedIdeaTellsNobody() {
		HandOffWorld w = new HandOffWorld(caller("admin"), units, accounts, notifications, ideas, jdbc, this::caller);
		// one idea submitted alone first: the batch's items join its officers' unread notice
		IdeaView alone = w.draft(w.author, w.a1.id(), "Gửi riêng");
		ideas.step(w.author, alone.id(), TakeStep.of(IdeaStep.SUBMIT, alone.version(), null));
		w.awaitDelivered(); // notices are delivered after commit, on another thread: the batch's may otherwise start the group
		List<IdeaView> batch = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			batch.add(w.draft(w.author, w.a1.id(), "Trong lô " + i));
		}
		long elsewhere = w.draft(w.officerB, w.b.id(), "Xã khác").id();
		long missing = Long.MAX_VALUE - 11;
		List<Long> ids = batch.stream().map(IdeaView::id).toList();

		Outcome submitted = bulk.step(w.author,
				Selection.of(List.of(ids.get(0), elsewhere, ids.get(1), ids.get(2), missing, ids.get(3), ids.get(4))),
				IdeaStep.SUBMIT, null);

		assertThat(submitted.done()).containsExactlyElementsOf(ids);
		assertThat(submitted.refused()).extracting(Refusal::id, Refusal::code)
			.containsExactly(tuple(elsewhere, "forbidden"), tuple(missing, "not-found"));
		w.awaitDelivered();
		for (Caller officer : List.of(w.officerA, w.officerA2)) {
			assertThat(w.unread(officer)).singleElement().satisfies(n -> {
				assertThat(n.text()).isEqualTo("6 ý tưởng mới cần xác nhận.");
				assertThat(n.link()).isEqualTo("/ideas?unit=" + w.a.id() + "&status=SUBMITTED");
			});
			assertThat(w.outboxTo(officer)).as("e-mailed when the group started, with the first idea")
				.singleElement().satisfies(body -> assertThat(body).contains(alone.code(), "Gửi riêng"));
		}
		assertThat(w.unread(w.officerB)).isEmpty();
		assertThat(w.unread(w.author)).isEmpty();

		// a batch of one reads as the single notice, naming the idea and the reason
		w.readAll();
		assertThat(bulk.step(w.officerA, Selection.of(List.of(ids.get(0))), IdeaStep.REQUEST_REVISION, "Thiếu số liệu").done())
			.containsExactly(ids.get(0));
		w.awaitDelivered();
		assertThat(w.unread(w.author)).singleElement().satisfies(n -> {
			assertThat(n.text()).isEqualTo("Ý tưởng " + batch.get(0).code() + " “Trong lô 1” cần bổ sung. Lý do: Thiếu số liệu");
			assertThat(n.link()).isEqualTo("/ideas/" + ids.get(0));
		});

		// the idea now waiting for revision is refused in the middle; the others are endorsed and told once
		w.readAll();
		List<Long> endorse = new ArrayList<>(List.of(alone.id()));
		endorse.addAll(ids);
		Outcome endorsed = bulk.step(w.officerA, Selection.of(endorse), IdeaStep.ENDORSE, null);

		assertThat(endorsed.done()).containsExactly(alone.id(), ids.get(1), ids.get(2), ids.get(3), ids.get(4));
		assertThat(endorsed.refused()).extracting(Refusal::id, Refusal::code).containsExactly(tuple(ids.get(0), "illegal-step"));
		w.awaitDelivered();
		assertThat(w.unread(w.author)).singleElement().satisfies(n -> {
			assertThat(n.text()).isEqualTo("5 ý tưởng của bạn chuyển sang “Đơn vị đã xác nhận”.");
			assertThat(n.link()).isEqualTo("/ideas?mine=true&status=ENDORSED");
		});
		for (Caller other : List.of(w.office, w.officerA, w.officerA2, w.officerB)) {
			assertThat(w.unread(other)).as(other.username()).isEmpty();
		}
		assertThat(jdbc.sql("select status from idea where id = :id").param("id", ids.get(0)).query(String.class).single())
			.isEqualTo("NEEDS_REVISION");
		long rows = jdbc.sql("select count(*) from notification where account_id in (:ids)")
			.param("ids", w.everyone().stream().map(Caller::accountId).toList()).query(Long.class).single();
		assertThat(rows).as("2 officers once, the author twice").isEqualTo(4);
	}
}
