package vn.ideabank.contest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.IntegrationTest;
import vn.ideabank.account.AccountKind;
import vn.ideabank.account.AccountService;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Role;
import vn.ideabank.contest.ContestCommands.CreateContest;
import vn.ideabank.idea.ApplicationArea;
import vn.ideabank.idea.Benefit;
import vn.ideabank.idea.IdeaCommands.AuthorRef;
import vn.ideabank.idea.IdeaCommands.IdeaContent;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;
import vn.ideabank.org.UnitCommands.CreateUnit;
import vn.ideabank.org.UnitKind;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

class ContestVotingTests extends IntegrationTest {

	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toLowerCase();

	private static int seq;

	@Autowired
	ContestService contests;

	@Autowired
	NominationService nominationService;

	@Autowired
	ContestVoting voting;

	@Autowired
	UnitService units;

	@Autowired
	IdeaService ideas;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	Caller admin;

	ContestView contest;

	NominationView a, b;

	List<NominationView> more = new java.util.ArrayList<>();

	String tag;

	@BeforeEach
	void contestInJudging() {
		admin = caller("admin");
		tag = RUN + (seq++);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		long ts = units.findByCode("TS").orElseThrow().id();
		UnitView unit = units.create(admin, new CreateUnit(ts, "CV" + tag.toUpperCase(), "Chi đoàn Bình chọn " + tag, "Chi đoàn", UnitKind.OTHER, 5));
		ContestView c = contests.create(admin, new CreateContest(unit.id(), ContestKind.Y_TUONG_KHOI_NGHIEP, "Bình chọn " + tag,
				today.getYear(), Set.of(), null, null, Set.of(), today.minusDays(1), today.plusDays(1), 20));
		c = contests.advance(admin, c.id(), c.version());
		a = nominationService.nominate(admin, c.id(), idea(unit, "Quán cà phê sách " + tag, today.getYear()));
		b = nominationService.nominate(admin, c.id(), idea(unit, "Homestay cộng đồng " + tag, today.getYear()));
		for (int i = 0; i < 9; i++) {
			more.add(nominationService.nominate(admin, c.id(), idea(unit, "Ý tưởng thêm " + i + " " + tag, today.getYear())));
		}
		c = contests.advance(admin, c.id(), c.version());
		contest = c;
	}

	private long idea(UnitView unit, String title, int year) {
		IdeaContent content = new IdeaContent(year, IdeaKind.STARTUP_IDEA, title, "Tóm tắt", "Vấn đề", "Giải pháp", "Điểm mới",
				EnumSet.of(Benefit.SAVING), null, "Xã", "Cả năm", "Không", ApplicationArea.PRODUCTION, SectorField.BUSINESS,
				TargetGroup.RURAL_YOUTH, null, false);
		long id = ideas.create(admin, new SaveIdea(unit.id(), content, List.of(new AuthorRef(null, "Đỗ Thị Mai")))).id();
		jdbc.sql("update idea set status = 'ACCEPTED' where id = :id").param("id", id).update();
		return id;
	}

	/** A fresh account of its own; {@code ageDays} back-dates its creation. */
	private Caller voter(String name, int ageDays) {
		var view = accounts.createBySystem("v" + name + tag, "Người bình chọn " + name, AccountKind.PERSON, "TS", Role.MEMBER,
				"mat-khau-" + tag);
		jdbc.sql("update account set created_at = now() - make_interval(days => :d) where id = :id").param("d", ageDays)
			.param("id", view.id()).update();
		return caller(view.username());
	}

	private VoteTally tally(NominationView n) {
		return voting.tallies(admin, contest.id()).stream().filter(t -> t.nominationId() == n.id()).findFirst().orElseThrow();
	}

	@Test
	void votingNeedsTheOrganiserToOpenItAndCountsOneVotePerAccountAndEntry() {
		Caller old = voter("old", 30);
		assertThatThrownBy(() -> voting.vote(old, a.id(), "10.0.0.1")).hasMessage("contest.error.votingClosed");
		ContestView open = contests.setVoting(admin, contest.id(), true, contest.version());
		assertThat(open.votingOpen()).isTrue();

		assertThat(voting.vote(old, a.id(), "10.0.0.1")).isTrue();
		assertThat(voting.vote(old, b.id(), "10.0.0.1")).isTrue();
		assertThatThrownBy(() -> voting.vote(old, a.id(), "10.0.0.2")).hasMessage("contest.error.alreadyVoted");
		assertThat(tally(a).counted()).isEqualTo(1);
		assertThat(voting.tallies(old, contest.id())).filteredOn(VoteTally::votedByCaller).extracting(VoteTally::nominationId)
			.containsExactly(a.id(), b.id());
		// publishing closes voting
		ContestView judging = contests.get(admin, contest.id());
		contests.advance(admin, contest.id(), judging.version());
		assertThatThrownBy(() -> voting.vote(voter("late", 30), a.id(), "10.0.0.3")).hasMessage("contest.error.votingClosed");
	}

	@Test
	void newAccountsAndSameIpBurstsAreFlaggedAndNotCounted() {
		contests.setVoting(admin, contest.id(), true, contest.version());
		assertThat(voting.vote(voter("new", 1), a.id(), "10.1.0.1")).isFalse();
		assertThat(tally(a).counted()).isZero();
		assertThat(tally(a).flagged()).isEqualTo(1);
		// ten accounts have cast 20 votes from one address within the burst window
		String burstIp = "10.9.9." + tag;
		for (int i = 0; i < 10; i++) {
			Caller v = voter("burst" + i, 30);
			for (NominationView n : List.of(a, b)) {
				jdbc.sql("insert into contest_vote (contest_id, nomination_id, account_id, ip_hash, counted) values (:c, :n, :a, :h, true)")
					.param("c", contest.id()).param("n", n.id()).param("a", v.accountId()).param("h", voting.hash(burstIp)).update();
			}
		}
		assertThat(voting.vote(voter("sameip", 30), a.id(), burstIp)).isFalse();
		assertThat(voting.vote(voter("otherip", 30), a.id(), "10.2.0.1")).isTrue();
		assertThat(jdbc.sql("select flag from contest_vote where nomination_id = :n and not counted order by id")
			.param("n", a.id()).query(String.class).list()).containsExactly("NEW_ACCOUNT", "IP_BURST");
	}

	@Test
	void anAccountCastsAtMostTenVotesAMinute() {
		contests.setVoting(admin, contest.id(), true, contest.version());
		Caller eager = voter("eager", 30);
		List<NominationView> all = new java.util.ArrayList<>(List.of(a, b));
		all.addAll(more);
		for (int i = 0; i < 10; i++) {
			assertThat(voting.vote(eager, all.get(i).id(), "10.3.0.1")).isTrue();
		}
		assertThatThrownBy(() -> voting.vote(eager, all.get(10).id(), "10.3.0.1")).hasMessage("contest.error.voteRate");
	}
}
