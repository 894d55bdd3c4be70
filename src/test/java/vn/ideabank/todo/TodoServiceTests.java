package vn.ideabank.todo;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import vn.ideabank.IntegrationTest;
import vn.ideabank.account.AccountCommands.GrantRole;
import vn.ideabank.account.AccountService;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Role;
import vn.ideabank.contest.RoundTestData;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.todo.Todo.Item;
import vn.ideabank.todo.Todo.Kind;
import vn.ideabank.todo.Todo.Section;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role's to-do counts in a small world of two sibling districts ({@link TodoWorld}): exact for A,
 * and B's records (more of each kind) never counted in A's.
 */
class TodoServiceTests extends IntegrationTest {

	private static TodoWorld world;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private TodoService todos;

	@Autowired
	private AccountService accounts;

	@BeforeEach
	void buildTheWorldOnce() {
		world = TodoWorld.shared(context, this::caller);
	}

	@Test
	void aUnitOfficerIsToldWhatWaitsInItsCommuneAndNothingOfTheSiblingDistrict() {
		long contestsAbove = counts(world.officerC, Role.UNIT_OFFICER).get(Kind.NOMINATIONS_OPEN);
		Section section = section(world.a.officer(), Role.UNIT_OFFICER);
		Map<Kind, Long> counts = counts(section);
		assertThat(counts).containsEntry(Kind.IDEAS_TO_ENDORSE, 4L) // 2 typed in, 2 the member sent; the duplicate left out
			.containsEntry(Kind.DRAFTS_TO_SEND, 1L) // the one typed in; the member's own draft is the member's to send
			.containsEntry(Kind.REPORTS_RETURNED, 1L)
			.containsEntry(Kind.PLANS_TO_SEND, 2L)
			.containsEntry(Kind.NOMINATIONS_OPEN, contestsAbove + 1);
		assertThat(section.unitName()).isEqualTo(world.a.commune().name());
		assertThat(link(section, Kind.IDEAS_TO_ENDORSE))
			.isEqualTo("/ideas?status=SUBMITTED&dup=HIDE&unit=" + world.a.commune().id());

		Map<Kind, Long> other = counts(world.b.officer(), Role.UNIT_OFFICER);
		assertThat(other).containsEntry(Kind.IDEAS_TO_ENDORSE, 7L).containsEntry(Kind.DRAFTS_TO_SEND, 4L)
			.containsEntry(Kind.NOMINATIONS_OPEN, contestsAbove + 2);
		assertThat(todos.of(caller(world.a.officer())).sections()).extracting(Section::role).containsExactly(Role.UNIT_OFFICER);
	}

	@Test
	void anOfficeIsToldWhatWaitsInItsDistrictOnly() {
		Map<Kind, Long> counts = counts(world.a.office(), Role.OFFICE);
		assertThat(counts).containsEntry(Kind.IDEAS_TO_REVIEW, 3L)
			.containsEntry(Kind.COUNCILS_IN_PROGRESS, 1L)
			.containsEntry(Kind.ROUNDS_IN_PROGRESS, 1L)
			.containsEntry(Kind.PLANS_MISSING, 1L)
			.containsEntry(Kind.REPORTS_MISSING, 1L)
			.containsEntry(Kind.UNITS_BEHIND, 0L);
		assertThat(counts(world.b.office(), Role.OFFICE)).containsEntry(Kind.IDEAS_TO_REVIEW, 6L);
	}

	@Test
	void aReviewerIsToldTheAssignmentsItHasNotScored() {
		assertThat(counts(world.a.reviewer(), Role.REVIEWER)).containsExactlyEntriesOf(Map.of(Kind.ASSIGNMENTS_TO_SCORE, 2L));
	}

	@Test
	void aJudgeIsToldTheEntriesOfItsOpenRoundsWithTheNearestDeadline() {
		Section section = section(world.a.judge(), Role.JUDGE);
		assertThat(counts(section)).containsExactlyEntriesOf(Map.of(Kind.ENTRIES_TO_JUDGE, 2L));
		assertThat(section.items().get(0).deadline()).isEqualTo(RoundTestData.TODAY.plusDays(10));
		assertThat(counts(world.b.judge(), Role.JUDGE)).containsEntry(Kind.ENTRIES_TO_JUDGE, 3L);
	}

	@Test
	void aMemberSeesItsOwnIdeasByWhatEachWaitsFor() {
		Section section = section(world.a.member(), Role.MEMBER);
		Map<IdeaStatus, Long> byStatus = section.items().stream().collect(Collectors.toMap(Item::status, Item::count));
		assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(
				Map.of(IdeaStatus.DRAFT, 1L, IdeaStatus.SUBMITTED, 2L, IdeaStatus.NEEDS_REVISION, 1L));
		assertThat(section.items()).extracting(Item::link).contains("/ideas?mine=true&status=NEEDS_REVISION&dup=HIDE");
	}

	@Test
	void aPersonWithSeveralRolesSeesEachRolesSection() {
		String username = "td" + TodoWorld.RUN.toLowerCase() + ".both";
		Caller made = new vn.ideabank.UnitRecords(context, this::caller).account(username, "Cán bộ kiêm đoàn viên",
				world.a.commune(), Role.UNIT_OFFICER);
		accounts.grant(caller("admin"), made.accountId(), new GrantRole(Role.JUDGE, world.a.district().id()));
		assertThat(todos.of(caller(username)).sections()).extracting(Section::role)
			.containsExactly(Role.UNIT_OFFICER, Role.JUDGE);
		assertThat(counts(username, Role.UNIT_OFFICER)).containsEntry(Kind.IDEAS_TO_ENDORSE, 4L);
		assertThat(counts(username, Role.JUDGE)).containsEntry(Kind.ENTRIES_TO_JUDGE, 0L);
	}

	@Test
	void aPersonWithNoWorkGetsSectionsThatSayNothingWaits() {
		Section section = section(world.officerC, Role.UNIT_OFFICER);
		assertThat(counts(section)).containsEntry(Kind.IDEAS_TO_ENDORSE, 0L).containsEntry(Kind.DRAFTS_TO_SEND, 0L)
			.containsEntry(Kind.REPORTS_RETURNED, 0L).containsEntry(Kind.PLANS_TO_SEND, 0L);
	}

	private Section section(String username, Role role) {
		return todos.of(caller(username)).sections().stream().filter(s -> s.role() == role).findFirst().orElseThrow();
	}

	private Map<Kind, Long> counts(String username, Role role) {
		return counts(section(username, role));
	}

	private static Map<Kind, Long> counts(Section section) {
		return section.items().stream().collect(Collectors.toMap(Item::kind, Item::count));
	}

	private static String link(Section section, Kind kind) {
		return section.items().stream().filter(i -> i.kind() == kind).findFirst().orElseThrow().link();
	}
}
