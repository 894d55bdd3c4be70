package vn.ideabank.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Roles;
import vn.ideabank.contest.ContestCommands.CreateContest;
import vn.ideabank.contest.ContestKind;
import vn.ideabank.contest.ContestJudging;
import vn.ideabank.contest.ContestRounds;
import vn.ideabank.contest.ContestService;
import vn.ideabank.contest.ContestView;
import vn.ideabank.contest.NominationService;
import vn.ideabank.contest.RoundCommands.JudgeScore;
import vn.ideabank.contest.RoundCommands.SaveRound;
import vn.ideabank.contest.RoundViews;
import vn.ideabank.org.UnitView;
import vn.ideabank.review.ReviewCommands.CreateCouncil;
import vn.ideabank.review.ReviewCommands.Score;
import vn.ideabank.review.ReviewScoring;
import vn.ideabank.review.ReviewService;
import vn.ideabank.review.ReviewViews.AssignmentView;
import vn.ideabank.review.RubricService;
import vn.ideabank.review.RubricView;

/**
 * The judging side of the demo year: the district's council with the ideas under review, its reviewer
 * having scored about half of them; and a contest whose nominations are in and whose first round the
 * judge is part-way through.
 */
@Component
@ConditionalOnProperty(name = "ideabank.seed.demo-year", havingValue = "true")
class DemoJudging {

	private final ReviewService reviews;

	private final RubricService rubrics;

	private final ContestService contests;

	private final NominationService nominations;

	private final ContestRounds rounds;

	private final ReviewScoring scoring;

	private final ContestJudging judging;

	DemoJudging(ReviewService reviews, RubricService rubrics, ContestService contests, NominationService nominations,
			ContestRounds rounds, ReviewScoring scoring, ContestJudging judging) {
		this.scoring = scoring;
		this.judging = judging;
		this.reviews = reviews;
		this.rubrics = rubrics;
		this.contests = contests;
		this.nominations = nominations;
		this.rounds = rounds;
	}

	/** The council: every idea under review of the district, one reviewer each, scores for every other one. */
	long council(Random r, UnitView district, int year, Caller office, Caller reviewer) {
		RubricView rubric = rubrics.defaultRubric();
		long councilId = reviews.createCouncil(office, new CreateCouncil(district.id(), "Hội đồng thẩm định ý tưởng sáng tạo năm " + year,
				year, rubric.versionId(), false, false, BigDecimal.valueOf(20), 1)).id();
		reviews.addMember(office, councilId, reviewer.username());
		reviews.addIdeasUnderReview(office, councilId);
		reviews.autoAssign(office, councilId);
		List<AssignmentView> mine = scoring.myAssignments(reviewer, 0, 1000).stream()
			.filter(a -> a.councilId() == councilId).toList();
		for (int i = 0; i < mine.size(); i += 2) {
			scoring.score(reviewer, mine.get(i).id(), new Score(values(r, rubric), i % 4 == 0 ? "Ý tưởng khả thi, cần làm rõ kinh phí." : null, 0));
		}
		return councilId;
	}

	/**
	 * The contest of the year, open for nominations since the start of last month: the two communes with
	 * officers nominate up to three of their accepted or applied ideas, the office three of other units';
	 * then judging starts and the judge scores half of round 1's entries.
	 */
	long contest(Random r, UnitView district, int year, LocalDate today, Caller office, List<Caller> unitOfficers,
			List<DemoIdeas.Made> ideas, Caller judge) {
		LocalDate opens = today.minusMonths(1).withDayOfMonth(1);
		ContestView contest = contests.create(office, new CreateContest(district.id(), ContestKind.SANG_TAO_TTNND,
				"Cuộc thi Ý tưởng sáng tạo thanh thiếu nhi huyện Triệu Sơn năm " + year, year, Set.of(), null, null, Set.of(),
				opens.getYear() < year ? LocalDate.of(year, 1, 1) : opens, today, 3));
		contest = contests.advance(office, contest.id(), contest.version());
		List<DemoIdeas.Made> eligible = ideas.stream().filter(m -> ContestService.ELIGIBLE.contains(m.status())).toList();
		for (Caller officer : unitOfficers) {
			nominate(officer, contest.id(), eligible.stream().filter(m -> officer.can(m.unitPath(), Roles.STAFF)).toList(), 3);
		}
		nominate(office, contest.id(), eligible.stream()
			.filter(m -> unitOfficers.stream().noneMatch(o -> o.can(m.unitPath(), Roles.STAFF))).toList(), 3);
		if (nominations.nominations(office, contest.id(), org.springframework.data.domain.PageRequest.of(0, 1)).isEmpty()) {
			return contest.id(); // early in the year nothing is accepted yet: the contest stays open for nominations
		}
		contest = contests.get(office, contest.id());
		contest = contests.advance(office, contest.id(), contest.version());
		RoundViews.RoundView round = rounds.create(office, contest.id(), new SaveRound("Vòng sơ khảo",
				rubrics.defaultRubric().versionId(), today.minusDays(3), today.plusDays(14), false, BigDecimal.valueOf(20)));
		rounds.addJudge(office, round.id(), judge.username());
		round = rounds.open(office, round.id(), round.version());
		RubricView rubric = rounds.rubricOf(round);
		List<RoundViews.JudgeEntry> entries = judging.myEntries(judge, round.id());
		for (int i = 0; i < entries.size(); i += 2) {
			if (!entries.get(i).conflict()) {
				judging.score(judge, round.id(), entries.get(i).entry().nominationId(),
						new JudgeScore(values(r, rubric), null, 0));
			}
		}
		return contest.id();
	}

	/** Nominates the first {@code max} of the ideas as the caller (the unit's quota in this contest is three). */
	private void nominate(Caller caller, long contestId, List<DemoIdeas.Made> candidates, int max) {
		candidates.stream().limit(max).forEach(m -> nominations.nominate(caller, contestId, m.id()));
	}

	private static Map<String, Integer> values(Random r, RubricView rubric) {
		Map<String, Integer> values = new LinkedHashMap<>();
		for (RubricView.CriterionView c : rubric.criteria()) {
			int span = c.max() - c.min();
			values.put(c.code(), c.min() + span / 2 + r.nextInt(span / 2 + 1));
		}
		return values;
	}
}
