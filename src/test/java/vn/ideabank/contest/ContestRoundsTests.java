package vn.ideabank.contest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Grant;
import vn.ideabank.common.security.Role;
import vn.ideabank.contest.RoundCommands.AwardCounts;
import vn.ideabank.contest.RoundCommands.CloseRound;
import vn.ideabank.contest.RoundCommands.JudgeScore;
import vn.ideabank.contest.RoundCommands.SaveRound;
import vn.ideabank.contest.RoundViews.Advancement;
import vn.ideabank.contest.RoundViews.ResultLine;
import vn.ideabank.contest.RoundViews.RoundStatus;
import vn.ideabank.contest.RoundViews.RoundView;
import vn.ideabank.org.UnitView;

/**
 * Judging rounds end to end through the facade: scoring arithmetic on the seeded rubric (tính mới 30,
 * lợi ích 30, phạm vi 20, khả thi 20, each 0–10), integrity refusals that save nothing, concurrent
 * judges, score history, advancement and awards from the ranking.
 */
class ContestRoundsTests extends IntegrationTest {

	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();

	private static int seq;

	@Autowired
	ApplicationContext context;

	RoundTestData data;

	ContestService contests;

	@Autowired
	NominationService nominationService;

	ContestRounds rounds;

	ContestJudging judging;

	Caller office, officerA, officerB, judge1, judge2, judgeOfA, outsider;

	UnitView organiser, unitA, unitB;

	LocalDate today = RoundTestData.TODAY;

	@BeforeEach
	void setUp() {
		data = new RoundTestData(context, this::caller);
		contests = data.contests;
		rounds = data.rounds;
		judging = data.judging;
		String p = "RD" + RUN + (seq++);
		organiser = data.unit(data.units.findByCode("TS").orElseThrow().id(), p, "Ban tổ chức " + p, "Đoàn cơ sở");
		unitA = data.unit(organiser.id(), p + "A", "Chi đoàn Ánh Dương " + p, "Chi đoàn");
		unitB = data.unit(organiser.id(), p + "B", "Chi đoàn Bình Minh " + p, "Chi đoàn");
		office = at("huyendoan.trieuson", Role.OFFICE, organiser);
		officerA = at("doan.thodan", Role.UNIT_OFFICER, unitA);
		officerB = at("doan.thotan", Role.UNIT_OFFICER, unitB);
		String u = p.toLowerCase();
		judge1 = data.person(u + "-gk1", "Giám khảo Lê Thị Hoa", organiser);
		judge2 = data.person(u + "-gk2", "Giám khảo Trần Văn Đức", organiser);
		judgeOfA = data.person(u + "-gka", "Giám khảo Phạm Thu Hà", unitA);
		outsider = data.person(u + "-ngoai", "Người ngoài Đỗ Minh", organiser);
	}

	private Caller at(String username, Role role, UnitView unit) {
		Caller c = caller(username);
		return new Caller(c.accountId(), c.username(), c.displayName(), List.of(new Grant(role, unit.id(), unit.path())));
	}

	/** A contest in judging with entries: e1, e2 from unit A, e3 from unit B. */
	private List<NominationView> judgingContest() {
		ContestView c = data.openContest(office, organiser.id(), "Hội thi sáng tạo trẻ " + RUN);
		List<NominationView> entries = new ArrayList<>();
		entries.add(nominationService.nominate(officerA, c.id(), data.acceptedIdea(unitA.id(), "Máy gieo hạt " + RUN, "Nguyễn Thị Hằng")));
		entries.add(nominationService.nominate(officerA, c.id(), data.acceptedIdea(unitA.id(), "Bẫy côn trùng " + RUN, "Nguyễn Thị Hằng")));
		entries.add(nominationService.nominate(officerB, c.id(), data.acceptedIdea(unitB.id(), "Vườn rau sạch " + RUN, "Nguyễn Thị Hằng")));
		data.judging(office, c.id());
		return entries;
	}

	private RoundView round(long contestId, String name, boolean normalise, LocalDate opens, Caller... judges) {
		return data.round(office, contestId, name, normalise, opens,
				java.util.Arrays.stream(judges).map(Caller::username).toArray(String[]::new));
	}

	private RoundView opened(RoundView r) {
		return data.open(office, r);
	}

	/** Scores in the rubric's order: NOVELTY, BENEFIT, SCOPE, FEASIBILITY. */
	private static JudgeScore scores(int novelty, int benefit, int scope, int feasibility, long version) {
		Map<String, Integer> v = new LinkedHashMap<>();
		v.put("NOVELTY", novelty);
		v.put("BENEFIT", benefit);
		v.put("SCOPE", scope);
		v.put("FEASIBILITY", feasibility);
		return new JudgeScore(v, "Nhận xét của giám khảo", version);
	}

	private long scoreRows(long roundId) {
		return data.jdbc.sql("select count(*) from contest_round_score where round_id = :r").param("r", roundId)
			.query(Long.class).single();
	}

	private long historyRows(long roundId) {
		return data.jdbc.sql("""
				select count(*) from contest_round_score_history h join contest_round_score s on s.id = h.score_id
				 where s.round_id = :r""").param("r", roundId).query(Long.class).single();
	}

	@Test
	void aRoundAggregatesItsJudgesTotalsAsComputedByHandWithAndWithoutNormalisation() {
		List<NominationView> e = judgingContest();
		long contestId = e.get(0).contestId();
		for (boolean normalise : new boolean[] { false, true }) {
			RoundView r = opened(round(contestId, normalise ? "Vòng chuẩn hóa" : "Vòng sơ khảo", normalise, today, judge1, judge2));
			// judge 1: e1 = 100·(30·.8 + 30·.6 + 20·.5 + 20·1)/100 = 72, e2 = 60; judge 2: e1 = 70, e2 = 30
			judging.score(judge1, r.id(), e.get(0).id(), scores(8, 6, 5, 10, 0));
			judging.score(judge1, r.id(), e.get(1).id(), scores(6, 6, 6, 6, 0));
			judging.score(judge2, r.id(), e.get(0).id(), scores(7, 7, 7, 7, 0));
			judging.score(judge2, r.id(), e.get(1).id(), scores(3, 3, 3, 3, 0));
			List<ResultLine> lines = rounds.results(office, r.id(), null);
			// round 2 (normalised) has only the two entries round 1 advanced
			assertThat(lines).extracting(l -> l.entry().nominationId()).startsWith(e.get(0).id(), e.get(1).id())
				.hasSize(normalise ? 2 : 3);
			ResultLine first = lines.get(0);
			assertThat(first.judges()).extracting(t -> t.total() == null ? null : t.total().doubleValue())
				.containsExactlyInAnyOrder(72.0, 70.0);
			if (normalise) {
				// μ = 58, σ = √282; judge 1 μ = 66, σ = 6; judge 2 μ = 50, σ = 20 ⇒ 58 ± 16.79 for both judges
				assertThat(first.aggregate()).isEqualByComparingTo("74.79");
				assertThat(lines.get(1).aggregate()).isEqualByComparingTo("41.21");
				assertThat(lines.get(1).flagged()).isFalse();
			}
			else {
				assertThat(first.aggregate()).isEqualByComparingTo("71.00");
				assertThat(lines.get(1).aggregate()).isEqualByComparingTo("45.00");
				assertThat(lines.get(1).spread()).isEqualByComparingTo("30.00");
				assertThat(lines.get(1).flagged()).isTrue();
			}
			assertThat(lines).extracting(ResultLine::place).startsWith(1, 2);
			assertThat(lines.subList(2, lines.size())).allSatisfy(l -> assertThat(l.aggregate()).isNull());
			rounds.close(office, r.id(), new CloseRound(Advancement.TOP_N, BigDecimal.valueOf(2),
					rounds.round(office, r.id()).version()));
		}
	}

	@Test
	void advancingByRankFeedsTheNextRoundAndAwardsComeFromTheFinalRanking() {
		List<NominationView> e = judgingContest();
		long contestId = e.get(0).contestId();
		RoundView r1 = opened(round(contestId, "Vòng sơ khảo", false, today, judge1, judge2));
		assertThat(r1.status()).isEqualTo(RoundStatus.OPEN);
		judging.score(judge1, r1.id(), e.get(0).id(), scores(8, 8, 8, 8, 0)); // 80
		judging.score(judge1, r1.id(), e.get(1).id(), scores(5, 5, 5, 5, 0)); // 50
		judging.score(judge1, r1.id(), e.get(2).id(), scores(9, 9, 9, 9, 0)); // 90
		RoundView r2draft = round(contestId, "Vòng chung khảo", false, today, judge1, judge2);
		assertThatThrownBy(() -> opened(r2draft)).hasMessage("contest.round.error.previousOpen");
		// publishing is refused while a round is open
		assertThatThrownBy(() -> contests.advance(office, contestId, contests.get(office, contestId).version()))
			.hasMessage("contest.round.error.stillOpen");
		assertThatThrownBy(() -> rounds.close(office, r1.id(), new CloseRound(Advancement.TOP_N, new BigDecimal("1.5"),
				rounds.round(office, r1.id()).version()))).hasMessage("contest.round.error.topN");
		rounds.close(office, r1.id(), new CloseRound(Advancement.TOP_N, BigDecimal.valueOf(2), rounds.round(office, r1.id()).version()));
		assertThat(rounds.results(office, r1.id(), null)).filteredOn(l -> l.entry().advanced())
			.extracting(l -> l.entry().nominationId()).containsExactly(e.get(2).id(), e.get(0).id());
		// round 2's entries are the two advanced ones
		RoundView r2 = opened(r2draft);
		assertThat(judging.myEntries(judge2, r2.id())).extracting(j -> j.entry().nominationId())
			.containsExactlyInAnyOrder(e.get(0).id(), e.get(2).id());
		assertThatThrownBy(() -> judging.score(judge1, r2.id(), e.get(1).id(), scores(9, 9, 9, 9, 0)))
			.isInstanceOf(NotFoundException.class);
		judging.score(judge1, r2.id(), e.get(0).id(), scores(9, 9, 9, 9, 0));
		judging.score(judge2, r2.id(), e.get(0).id(), scores(8, 8, 8, 8, 0));
		judging.score(judge1, r2.id(), e.get(2).id(), scores(7, 7, 7, 7, 0));
		judging.score(judge2, r2.id(), e.get(2).id(), scores(8, 8, 8, 8, 0));
		assertThatThrownBy(() -> rounds.confirmAwards(office, r2.id(), AwardCounts.usual()))
			.hasMessage("contest.round.error.notFinal");
		rounds.close(office, r2.id(), new CloseRound(Advancement.NONE, null, rounds.round(office, r2.id()).version()));

		List<ResultLine> proposal = rounds.results(office, r2.id(), new AwardCounts(1, 1, 0, 0));
		assertThat(proposal).extracting(l -> l.entry().nominationId(), ResultLine::proposed)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(e.get(0).id(), AwardTier.FIRST),
					org.assertj.core.groups.Tuple.tuple(e.get(2).id(), AwardTier.SECOND));
		assertThatThrownBy(() -> rounds.confirmAwards(officerA, r2.id(), AwardCounts.usual()))
			.isInstanceOf(ForbiddenException.class);
		rounds.confirmAwards(office, r2.id(), new AwardCounts(1, 1, 0, 0));
		// adjusted by hand afterwards, then published: the public page and certificates work as before
		NominationView second = nominationService.nominations(office, contestId, org.springframework.data.domain.PageRequest.of(0, 10))
			.getContent().stream().filter(n -> n.id() == e.get(2).id()).findFirst().orElseThrow();
		assertThat(second.awardTier()).isEqualTo(AwardTier.SECOND);
		nominationService.award(office, second.id(), new ContestCommands.Award(AwardTier.THIRD, null), second.version());
		contests.advance(office, contestId, contests.get(office, contestId).version());
		assertThat(contests.publicResults(contestId)).extracting(NominationView::id, NominationView::awardTier)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(e.get(0).id(), AwardTier.FIRST),
					org.assertj.core.groups.Tuple.tuple(e.get(2).id(), AwardTier.THIRD));
		assertThat(contests.history(office, contestId)).extracting(ContestHistoryView::messageKey)
			.contains("contest.history.ROUND_CREATED", "contest.history.JUDGE_ADDED", "contest.history.ROUND_OPENED",
					"contest.history.ROUND_CLOSED_TOP_N", "contest.history.ROUND_CLOSED_NONE",
					"contest.history.AWARDS_FROM_RANKING");
	}

	@Test
	void advancingByCutOffKeepsEntriesScoringAtLeastIt() {
		List<NominationView> e = judgingContest();
		RoundView r = opened(round(e.get(0).contestId(), "Vòng sơ khảo", false, today, judge1));
		judging.score(judge1, r.id(), e.get(0).id(), scores(7, 7, 7, 7, 0)); // 70
		judging.score(judge1, r.id(), e.get(1).id(), scores(6, 8, 7, 7, 0)); // 70 too
		judging.score(judge1, r.id(), e.get(2).id(), scores(7, 7, 7, 6, 0)); // 68
		rounds.close(office, r.id(), new CloseRound(Advancement.CUT_OFF, new BigDecimal("70"), rounds.round(office, r.id()).version()));
		assertThat(rounds.results(office, r.id(), null)).filteredOn(l -> l.entry().advanced())
			.extracting(l -> l.entry().nominationId()).containsExactlyInAnyOrder(e.get(0).id(), e.get(1).id());
	}

	@Test
	void refusedScoresSaveNothing() {
		List<NominationView> e = judgingContest();
		long contestId = e.get(0).contestId();
		RoundView r = opened(round(contestId, "Vòng sơ khảo", false, today, judge1, judgeOfA));
		long entryA = e.get(0).id();
		long entryB = e.get(2).id();
		// not a judge of the round: as if it did not exist
		assertThatThrownBy(() -> judging.score(outsider, r.id(), entryA, scores(5, 5, 5, 5, 0)))
			.isInstanceOf(NotFoundException.class);
		// out of the rubric's scale, with the criterion named
		assertThatThrownBy(() -> judging.score(judge1, r.id(), entryA, scores(11, 5, 5, 5, 0)))
			.isInstanceOf(BusinessException.class).hasMessage("contest.round.error.outOfScale")
			.extracting("field").isEqualTo("values[NOVELTY]");
		assertThatThrownBy(() -> judging.score(judge1, r.id(), entryA, scores(5, -1, 5, 5, 0)))
			.hasMessage("contest.round.error.outOfScale");
		// a judge whose home unit is A is kept off A's entries, not off B's
		assertThatThrownBy(() -> judging.score(judgeOfA, r.id(), entryA, scores(5, 5, 5, 5, 0)))
			.hasMessage("contest.round.error.conflict");
		assertThat(judging.myEntries(judgeOfA, r.id())).filteredOn(RoundViews.JudgeEntry::conflict)
			.extracting(j -> j.entry().nominationId()).containsExactlyInAnyOrder(e.get(0).id(), e.get(1).id());
		assertThat(rounds.results(office, r.id(), null).get(0).judges()).filteredOn(t -> t.judgeId() == judgeOfA.accountId())
			.singleElement().extracting(RoundViews.JudgeTotal::conflict).isEqualTo(true);
		assertThat(scoreRows(r.id())).isZero();
		assertThat(historyRows(r.id())).isZero();
		judging.score(judgeOfA, r.id(), entryB, scores(5, 5, 5, 5, 0));
		// closed: read-only for everyone
		rounds.close(office, r.id(), new CloseRound(Advancement.NONE, null, rounds.round(office, r.id()).version()));
		assertThatThrownBy(() -> judging.score(judge1, r.id(), entryA, scores(5, 5, 5, 5, 0)))
			.hasMessage("contest.round.error.closed");
		assertThatThrownBy(() -> rounds.addJudge(office, r.id(), outsider.username()))
			.hasMessage("contest.round.error.closedRound");
		assertThat(judging.scoreSheet(judge1, r.id(), entryA).editable()).isFalse();
		assertThat(scoreRows(r.id())).isEqualTo(1);
		assertThat(historyRows(r.id())).isEqualTo(1);
	}

	@Test
	void aRoundWhoseDatesHaveNotComeRefusesScores() {
		List<NominationView> e = judgingContest();
		RoundView r = opened(round(e.get(0).contestId(), "Vòng sơ khảo", false, today.plusDays(1), judge1));
		assertThatThrownBy(() -> judging.score(judge1, r.id(), e.get(0).id(), scores(5, 5, 5, 5, 0)))
			.hasMessage("contest.round.error.closed");
		assertThat(scoreRows(r.id())).isZero();
	}

	@Test
	void onlyTheOrganiserSetsUpRoundsAndOnlyWhileJudging() {
		List<NominationView> e = judgingContest();
		long contestId = e.get(0).contestId();
		SaveRound ok = new SaveRound("Vòng sơ khảo", data.rubrics.defaultRubric().versionId(), today, today.plusDays(3), false,
				BigDecimal.TEN);
		assertThatThrownBy(() -> rounds.create(officerA, contestId, ok)).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> rounds.create(office, contestId, new SaveRound("Vòng", ok.rubricVersionId(), today,
				today.minusDays(1), false, BigDecimal.TEN))).extracting("field").isEqualTo("closesOn");
		assertThatThrownBy(() -> rounds.create(office, contestId, new SaveRound(" ", ok.rubricVersionId(), today,
				today, false, BigDecimal.TEN))).extracting("field").isEqualTo("name");
		RoundView r = rounds.create(office, contestId, ok);
		assertThat(r.number()).isEqualTo(1);
		assertThatThrownBy(() -> opened(r)).hasMessage("contest.round.error.noJudges");
		assertThatThrownBy(() -> rounds.addJudge(office, r.id(), "khong-co-ai-" + RUN)).extracting("field").isEqualTo("username");
		RoundView edited = rounds.update(office, r.id(), new SaveRound("Vòng sơ khảo cấp huyện", ok.rubricVersionId(), today,
				today.plusDays(4), true, BigDecimal.ONE), r.version());
		assertThat(edited.name()).isEqualTo("Vòng sơ khảo cấp huyện");
		assertThatThrownBy(() -> rounds.update(office, r.id(), ok, r.version()))
			.isInstanceOf(ObjectOptimisticLockingFailureException.class);
	}

	@Test
	void twoJudgesScoringAtOnceBothSaveAndAStaleFormIsRefused() throws Exception {
		List<NominationView> e = judgingContest();
		RoundView r = opened(round(e.get(0).contestId(), "Vòng sơ khảo", false, today, judge1, judge2));
		long entry = e.get(0).id();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<RoundViews.ScoreView>> done = new ArrayList<>();
			for (Caller j : List.of(judge1, judge2)) {
				Callable<RoundViews.ScoreView> task = () -> {
					start.await();
					return judging.score(j, r.id(), entry, scores(j == judge1 ? 9 : 4, 5, 5, 5, 0));
				};
				done.add(pool.submit(task));
			}
			start.countDown();
			for (Future<RoundViews.ScoreView> f : done) {
				f.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(scoreRows(r.id())).isEqualTo(2);
		assertThat(rounds.results(office, r.id(), null).get(0).sheets()).isEqualTo(2);
		// judge 1 edits from a form opened before their first save (version 0): 409, nothing changed
		assertThatThrownBy(() -> judging.score(judge1, r.id(), entry, scores(1, 1, 1, 1, 0)))
			.isInstanceOf(ObjectOptimisticLockingFailureException.class);
		assertThat(judging.scoreSheet(judge1, r.id(), entry).score().values()).containsEntry("NOVELTY", 9);
	}

	@Test
	void everyScoreAndChangeIsInTheHistoryWithOldAndNewValues() {
		List<NominationView> e = judgingContest();
		RoundView r = opened(round(e.get(0).contestId(), "Vòng sơ khảo", false, today, judge1));
		long entry = e.get(2).id();
		RoundViews.ScoreView first = judging.score(judge1, r.id(), entry, scores(8, 6, 5, 10, 0));
		assertThat(first.total()).isEqualByComparingTo("72");
		judging.score(judge1, r.id(), entry, scores(9, 6, 5, 10, first.version()));
		var history = judging.scoreSheet(judge1, r.id(), entry).history();
		assertThat(history).hasSize(2);
		assertThat(history.get(0).oldValues()).isNull();
		assertThat(history.get(0).newValues()).isEqualTo("Tính mới: 8; Tính lợi ích, hiệu quả: 6; Phạm vi áp dụng: 5; Tính khả thi: 10");
		assertThat(history.get(1).oldValues()).isEqualTo("Tính mới: 8; Tính lợi ích, hiệu quả: 6; Phạm vi áp dụng: 5; Tính khả thi: 10");
		assertThat(history.get(1).oldTotal()).isEqualByComparingTo("72");
		assertThat(history.get(1).newTotal()).isEqualByComparingTo("75");
		assertThat(history.get(1).actorName()).isEqualTo("Giám khảo Lê Thị Hoa");
		// the judge's task list counts it
		assertThat(judging.myTasks(judge1)).filteredOn(t -> t.roundId() == r.id()).singleElement()
			.satisfies(t -> {
				assertThat(t.entries()).isEqualTo(3);
				assertThat(t.scored()).isEqualTo(1);
			});
	}
}
