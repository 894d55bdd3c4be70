package vn.ideabank.contest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;

import vn.ideabank.IntegrationTest;
import vn.ideabank.UnitRecords;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Role;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * A contest organised by a district is seen by every commune under it, but its entries are not theirs to
 * read: an entry (title, authors, unit) is shown to the organiser's office, to those who may read the idea
 * (public ideas, authors, staff, reviewers and judges of its unit's subtree) and to the staff of the unit
 * that nominated it — on the vote page and on the contest page alike, with voting open or closed.
 */
class ContestEntriesTests extends IntegrationTest {

	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();

	private static int seq;

	@Autowired
	ApplicationContext context;

	@Autowired
	ContestService contests;

	@Autowired
	NominationService nominationService;

	@Autowired
	ContestVoting voting;

	@Autowired
	UnitService units;

	String tag;

	Caller organiser, officerA, memberA;

	String memberAName;

	ContestView contest;

	NominationView privateA, publicA, privateB, publicB;

	@BeforeEach
	void contestOfTheDistrictWithEntriesOfTwoCommunes() {
		tag = "CE" + RUN + (seq++);
		UnitRecords records = new UnitRecords(context, this::caller);
		Caller admin = caller("admin");
		UnitView district = records.unit(units.findByCode("TS").orElseThrow().id(), tag, "Huyện " + tag);
		UnitView a = records.unit(district.id(), tag + "-A", "Xã A " + tag);
		UnitView b = records.unit(district.id(), tag + "-B", "Xã B " + tag);
		organiser = records.account(tag.toLowerCase() + ".office", "Văn phòng " + tag, district, Role.OFFICE);
		officerA = records.account(tag.toLowerCase() + ".a", "Cán bộ xã A", a, Role.UNIT_OFFICER);
		Caller officerB = records.account(tag.toLowerCase() + ".b", "Cán bộ xã B", b, Role.UNIT_OFFICER);
		memberAName = tag.toLowerCase() + ".member";
		memberA = records.account(memberAName, "Đoàn viên xã A", a, Role.MEMBER);

		RoundTestData data = new RoundTestData(context, this::caller);
		contest = data.openContest(organiser, district.id(), "Hội thi " + tag);
		privateA = nominationService.nominate(officerA, contest.id(), records.idea(admin, a, "Riêng của A " + tag, IdeaStatus.ACCEPTED));
		publicA = nominationService.nominate(officerA, contest.id(), data.acceptedIdea(a.id(), "Công khai của A " + tag, "Tác giả A"));
		privateB = nominationService.nominate(officerB, contest.id(), records.idea(admin, b, "Riêng của B " + tag, IdeaStatus.ACCEPTED));
		publicB = nominationService.nominate(officerB, contest.id(), data.acceptedIdea(b.id(), "Công khai của B " + tag, "Tác giả B"));
		contest = data.judging(organiser, contest.id());
	}

	private List<Long> tallied(Caller caller) {
		return voting.tallies(caller, contest.id()).stream().map(VoteTally::nominationId).toList();
	}

	private List<Long> listed(Caller caller) {
		return nominationService.nominations(caller, contest.id(), PageRequest.of(0, 50)).getContent().stream()
			.map(NominationView::id).toList();
	}

	@Test
	void withVotingClosedACommuneSeesItsOwnEntriesAndThePublicOnesButNotAnotherCommunesPrivateEntry() {
		assertThat(tallied(organiser)).containsExactlyInAnyOrder(privateA.id(), publicA.id(), privateB.id(), publicB.id());
		assertThat(tallied(officerA)).as("staff of the nominating unit; public ideas")
			.containsExactlyInAnyOrder(privateA.id(), publicA.id(), publicB.id());
		assertThat(tallied(memberA)).as("a plain member reads only public ideas")
			.containsExactlyInAnyOrder(publicA.id(), publicB.id());

		assertThat(mvc.get().uri("/contests/{id}/vote", contest.id()).with(as(memberAName))).hasStatusOk()
			.bodyText().contains("Công khai của B " + tag).doesNotContain("Riêng của B " + tag).doesNotContain("Riêng của A " + tag);
	}

	@Test
	void withVotingOpenVotersSeeAndVoteForThePublicEntriesOnly() {
		contests.setVoting(organiser, contest.id(), true, contest.version());
		assertThat(tallied(memberA)).containsExactlyInAnyOrder(publicA.id(), publicB.id());
		assertThatThrownBy(() -> voting.vote(memberA, privateB.id(), "10.20.0.1")).isInstanceOf(NotFoundException.class);
		assertThat(voting.tallies(organiser, contest.id())).filteredOn(t -> t.nominationId() == privateB.id())
			.singleElement().satisfies(t -> assertThat(t.counted() + t.flagged()).as("nothing recorded").isZero());
		assertThat(mvc.post().uri("/contests/{id}/vote/{n}", contest.id(), privateB.id()).with(as(memberAName))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void theContestPageListsOnlyTheEntriesTheCallerMayRead() {
		assertThat(listed(organiser)).hasSize(4);
		assertThat(listed(officerA)).containsExactlyInAnyOrder(privateA.id(), publicA.id(), publicB.id());
		assertThat(listed(memberA)).as("his commune's private entry is not his to read")
			.containsExactlyInAnyOrder(publicA.id(), publicB.id());
		assertThat(mvc.get().uri("/contests/{id}", contest.id()).with(as(memberAName))).hasStatusOk()
			.bodyText().contains("Công khai của A " + tag).doesNotContain("Riêng của A " + tag);
	}
}
