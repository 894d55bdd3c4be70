package vn.ideabank.initiative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.initiative.InitiativeCommands.Register;
import vn.ideabank.initiative.InitiativeViews.ApplicationView;
import vn.ideabank.notification.NotificationService;
import vn.ideabank.org.UnitService;
import vn.ideabank.review.ReviewTestData;

/**
 * The decision clock reminds the receiving office once when the due date enters the warning window and once
 * when it has passed, however often the job runs; the notice names the register number and the initiative.
 */
class InitiativeRemindersTests extends IntegrationTest {

	@Autowired
	InitiativeService applications;

	@Autowired
	InitiativeProcedure procedure;

	@Autowired
	InitiativeReminders reminders;

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	NotificationService notifications;

	@Test
	void theOfficeIsRemindedOnceBeforeAndOnceAfterTheDueDate() {
		Caller office = caller("huyendoan.trieuson");
		long t1 = units.findByCode("TS-THODAN-T1").orElseThrow().id();
		IdeaView idea = InitiativeTestWorld.endorsedIdea(ideas, caller("nguyen.van.an"), caller("doan.thodan"), t1,
				ReviewTestData.unique("Lò đốt rác nhắc hạn "));
		ApplicationView a = applications.file(caller("nguyen.van.an"), InitiativeTestWorld.application(idea.id(), "x",
				new BigDecimal("50"), new BigDecimal("50")));
		LocalDate today = LocalDate.now();
		LocalDate due = today.plusDays(20);
		ApplicationView registered = procedure.register(office, a.id(), new Register(null, due, a.version()));

		assertThat(mine(reminders.remind(today), a.id())).as("20 days ahead: outside the 14-day window").isEmpty();
		assertThat(mine(reminders.remind(due.minusDays(14)), a.id())).extracting(InitiativeDecisionDue::kind,
				InitiativeDecisionDue::registerNumber).containsExactly(org.assertj.core.groups.Tuple.tuple("BEFORE",
						registered.registerNo() + "/" + registered.registerYear()));
		assertThat(mine(reminders.remind(due.minusDays(3)), a.id())).as("already reminded before").isEmpty();
		assertThat(mine(reminders.remind(due), a.id())).as("on the day: still before").isEmpty();
		assertThat(mine(reminders.remind(due.plusDays(1)), a.id())).extracting(InitiativeDecisionDue::kind).containsExactly("AFTER");
		assertThat(mine(reminders.remind(due.plusDays(8)), a.id())).as("overdue is told once").isEmpty();

		String link = "/initiatives/" + a.id();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(texts(office, link)).hasSize(2));
		assertThat(texts(office, link)).containsExactlyInAnyOrder(
				"Sáng kiến số %d/%d “%s”: hạn ra quyết định công nhận là %s.".formatted(registered.registerNo(),
						registered.registerYear(), registered.title(), due),
				"Sáng kiến số %d/%d “%s”: đã quá hạn ra quyết định (%s).".formatted(registered.registerNo(),
						registered.registerYear(), registered.title(), due));
	}

	private static List<InitiativeDecisionDue> mine(List<InitiativeDecisionDue> all, long applicationId) {
		return all.stream().filter(r -> r.applicationId() == applicationId).toList();
	}

	private List<String> texts(Caller who, String link) {
		return notifications.list(who, PageRequest.of(0, 100), Locale.forLanguageTag("vi")).getContent().stream()
			.filter(n -> link.equals(n.link())).map(n -> n.text()).toList();
	}
}
