package vn.ideabank.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.IntegrationTest;
import vn.ideabank.account.AccountService;
import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.IdeaBulkSteps;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStep;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.org.UnitService;

/**
 * An idea's hand-offs: each step leaves exactly one notice with exactly the people who act next (the officers
 * who endorse a submitted idea, the authors of a decided one), naming the idea and carrying the reason; never
 * the actor, never another unit's officers. Repeats are grouped into one unread notice per person.
 */
class IdeaHandOffNotificationsTests extends IntegrationTest {

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

	HandOffWorld w;

	@BeforeEach
	void world() {
		w = new HandOffWorld(caller("admin"), units, accounts, notifications, ideas, jdbc, this::caller);
	}

	@Test
	void eachStepOfAnIdeaTellsExactlyThePeopleWhoActNextNamingTheIdeaAndTheReason() {
		String title = "Tưới rau bằng cảm biến " + UUID.randomUUID().toString().substring(0, 4);
		IdeaView idea = w.draft(w.author, w.a1.id(), title);
		String named = idea.code() + " “" + title + "”";

		idea = step(w.author, idea, IdeaStep.SUBMIT, null);
		// A1 has no officer: those of commune A endorse its ideas; not B's, not the office, not the author
		expectOnly(Map.of(w.officerA, "Ý tưởng mới cần xác nhận: " + named + ".", w.officerA2,
				"Ý tưởng mới cần xác nhận: " + named + "."), "/ideas/" + idea.id());

		idea = step(w.officerA, idea, IdeaStep.REQUEST_REVISION, "Thiếu số liệu chi phí lắp đặt");
		expectOnly(Map.of(w.author, "Ý tưởng " + named + " cần bổ sung. Lý do: Thiếu số liệu chi phí lắp đặt"),
				"/ideas/" + idea.id());

		idea = step(w.author, idea, IdeaStep.SUBMIT, null);
		expectOnly(Map.of(w.officerA, "Ý tưởng mới cần xác nhận: " + named + ".", w.officerA2,
				"Ý tưởng mới cần xác nhận: " + named + "."), "/ideas/" + idea.id());

		idea = step(w.officerA, idea, IdeaStep.ENDORSE, null);
		expectOnly(Map.of(w.author, "Ý tưởng " + named + " đã được đơn vị xác nhận."), "/ideas/" + idea.id());

		idea = step(w.office, idea, IdeaStep.START_REVIEW, null);
		expectOnly(Map.of(w.author, "Ý tưởng " + named + " đã được đưa vào thẩm định."), "/ideas/" + idea.id());

		idea = step(w.office, idea, IdeaStep.ACCEPT, null);
		expectOnly(Map.of(w.author, "Ý tưởng " + named + " được chấp nhận."), "/ideas/" + idea.id());

		idea = ideas.step(w.officerA, idea.id(), new TakeStep(IdeaStep.MARK_APPLIED, idea.version(), null,
				"Thôn 1, xã A", LocalDate.now().minusDays(10), "Giảm 40% công tưới"));
		expectOnly(Map.of(w.author, "Ý tưởng " + named + " được ghi nhận đã áp dụng."), "/ideas/" + idea.id());

		IdeaView other = step(w.author, w.draft(w.author, w.a1.id(), title + " (2)"), IdeaStep.SUBMIT, null);
		w.awaitDelivered();
		w.readAll();
		other = step(step(w.officerA, other, IdeaStep.ENDORSE, null), IdeaStep.START_REVIEW, null);
		w.awaitDelivered();
		w.readAll();
		other = step(w.office, other, IdeaStep.REJECT, "Trùng với mô hình đã có ở huyện");
		expectOnly(Map.of(w.author, "Ý tưởng " + other.code() + " “" + title + " (2)” không được chấp nhận. Lý do: "
				+ "Trùng với mô hình đã có ở huyện"), "/ideas/" + other.id());
	}

	@Test
	void tenSubmissionsInAUnitBecomeOneNoticePerOfficerAndABulkEndorsementOneNoticePerAuthor() {
		List<Long> ids = new ArrayList<>();
		for (int i = 1; i <= 10; i++) {
			IdeaView idea = w.draft(w.author, w.a1.id(), "Ý tưởng số " + i);
			ids.add(step(w.author, idea, IdeaStep.SUBMIT, null).id());
		}
		w.awaitDelivered();
		for (Caller officer : List.of(w.officerA, w.officerA2)) {
			assertThat(w.unread(officer)).singleElement().satisfies(n -> {
				assertThat(n.text()).isEqualTo("10 ý tưởng mới cần xác nhận.");
				assertThat(n.link()).isEqualTo("/ideas?unit=" + w.a.id() + "&status=SUBMITTED");
			});
			// e-mailed once, when the group started, not ten times
			assertThat(w.outboxTo(officer)).hasSize(1);
		}
		assertThat(w.unread(w.officerB)).isEmpty();
		assertThat(w.unread(w.office)).isEmpty();
		assertThat(w.unread(w.author)).isEmpty();

		w.readAll();
		IdeaBulkSteps.Outcome outcome = bulk.step(w.officerA, IdeaBulkSteps.Selection.of(ids), IdeaStep.ENDORSE, null);
		assertThat(outcome.done()).hasSize(10);
		w.awaitDelivered();
		assertThat(w.unread(w.author)).singleElement().satisfies(n -> {
			assertThat(n.text()).isEqualTo("10 ý tưởng của bạn chuyển sang “Đơn vị đã xác nhận”.");
			assertThat(n.link()).isEqualTo("/ideas?mine=true&status=ENDORSED");
		});
		assertThat(w.outboxTo(w.author)).hasSize(1);
		for (Caller other : List.of(w.office, w.officerA, w.officerA2, w.officerB)) {
			assertThat(w.unread(other)).as(other.username()).isEmpty();
		}
	}

	private IdeaView step(Caller who, IdeaView idea, IdeaStep step, String reason) {
		return ideas.step(who, idea.id(), TakeStep.of(step, idea.version(), reason));
	}

	private IdeaView step(IdeaView idea, IdeaStep step, String reason) {
		return step(w.office, idea, step, reason);
	}

	/** After the listeners ran: exactly these people have exactly this one unread notice, everyone else none. */
	private void expectOnly(Map<Caller, String> expected, String link) {
		w.awaitDelivered();
		Map<String, List<String>> got = new LinkedHashMap<>();
		Map<String, List<String>> want = new LinkedHashMap<>();
		for (Caller person : w.everyone()) {
			got.put(person.username(), w.unread(person).stream().map(n -> n.text() + " → " + n.link()).toList());
			want.put(person.username(), expected.containsKey(person) ? List.of(expected.get(person) + " → " + link) : List.of());
		}
		assertThat(got).isEqualTo(want);
		w.readAll();
	}
}
