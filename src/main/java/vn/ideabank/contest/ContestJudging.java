package vn.ideabank.contest;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.contest.RoundCommands.JudgeScore;
import vn.ideabank.contest.RoundStore.EntryRow;
import vn.ideabank.contest.RoundStore.ScoreRow;
import vn.ideabank.contest.RoundViews.JudgeEntry;
import vn.ideabank.contest.RoundViews.JudgeTask;
import vn.ideabank.contest.RoundViews.JudgeView;
import vn.ideabank.contest.RoundViews.RoundView;
import vn.ideabank.contest.RoundViews.ScoreHistoryView;
import vn.ideabank.contest.RoundViews.ScoreView;
import vn.ideabank.review.ConflictOfInterest;
import vn.ideabank.review.RubricService;
import vn.ideabank.review.RubricView;
import vn.ideabank.review.ScoreAggregation;

/**
 * Judging inside the rounds that {@link ContestRounds} sets up: a judge's rounds and entries, the score sheet, and
 * the judge's own score of an entry, with its history. Every judge scores every entry of the round except those
 * they have a conflict of interest with; a round the caller does not judge answers 404, so nothing can be probed.
 */
@Service
@Transactional(readOnly = true)
public class ContestJudging {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final RoundStore store;

	private final ContestService contests;

	private final RubricService rubrics;

	private final Clock clock;

	ContestJudging(RoundStore store, ContestService contests, RubricService rubrics, Optional<Clock> clock) {
		this.store = store;
		this.contests = contests;
		this.rubrics = rubrics;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** "Việc chấm thi của tôi": the rounds the caller judges. */
	public List<JudgeTask> myTasks(Caller caller) {
		return store.tasksOf(caller.accountId());
	}

	/** The round's entries as the judge sees them: own total, or kept off by a conflict of interest. */
	public List<JudgeEntry> myEntries(Caller caller, long roundId) {
		RoundView round = judged(caller, roundId);
		JudgeView me = store.judge(roundId, caller.accountId()).orElseThrow();
		String organiserPath = contestPath(round);
		Map<Long, BigDecimal> mine = new HashMap<>();
		store.sheets(roundId).stream().filter(s -> s.judgeId() == caller.accountId())
			.forEach(s -> mine.put(s.nominationId(), RoundResults.round(s.total())));
		return store.entries(roundId).stream()
			.map(e -> new JudgeEntry(e.view(), conflict(organiserPath, me, e), mine.get(e.view().nominationId())))
			.toList();
	}

	/** A round the caller judges (others: 404, so nothing can be probed). */
	public RoundView judgedRound(Caller caller, long roundId) {
		return judged(caller, roundId);
	}

	/** Everything the judge's score form shows. */
	public record ScoreSheet(RoundView round, String contestName, RoundViews.EntryView entry, RubricView rubric,
			ScoreView score, List<ScoreHistoryView> history, boolean conflict, boolean editable) {
	}

	public ScoreSheet scoreSheet(Caller caller, long roundId, long nominationId) {
		RoundView round = judged(caller, roundId);
		EntryRow entry = store.entry(roundId, nominationId)
			.orElseThrow(() -> new NotFoundException("contest.round.error.entryNotFound"));
		JudgeView me = store.judge(roundId, caller.accountId()).orElseThrow();
		boolean conflict = conflict(contestPath(round), me, entry);
		ScoreView score = store.score(roundId, nominationId, caller.accountId()).map(ScoreRow::view)
			.orElse(new ScoreView(Map.of(), null, null, 0));
		RubricView rubric = rubrics.version(round.rubricVersionId());
		// history lines are stored with criterion codes; judges read the criteria's names
		List<RoundViews.ScoreHistoryView> history = store.history(roundId, nominationId, caller.accountId()).stream()
			.map(h -> new RoundViews.ScoreHistoryView(h.at(), h.actorName(), rubric.named(h.oldValues()), h.oldTotal(),
					rubric.named(h.newValues()), h.newTotal()))
			.toList();
		return new ScoreSheet(round, contestName(round), entry.view(), rubric, score, history, conflict,
				!conflict && round.scoringOn(today()));
	}

	/**
	 * Gives or changes the judge's own score of an entry: only a judge of the round, only an entry of
	 * the round without a conflict of interest, only while the round is open and today inside its
	 * dates, every criterion inside its scale; the row's version must match. Every save is recorded
	 * (old → new).
	 */
	@Transactional
	public ScoreView score(Caller caller, long roundId, long nominationId, JudgeScore command) {
		RoundView round = judged(caller, roundId);
		EntryRow entry = store.entry(roundId, nominationId)
			.orElseThrow(() -> new NotFoundException("contest.round.error.entryNotFound"));
		JudgeView me = store.judge(roundId, caller.accountId()).orElseThrow();
		if (conflict(contestPath(round), me, entry)) {
			throw new BusinessException("contest.round.error.conflict");
		}
		if (!round.scoringOn(today())) {
			throw new BusinessException("contest.round.error.closed", round.opensOn(), round.closesOn());
		}
		RubricView rubric = rubrics.version(round.rubricVersionId());
		Map<String, Integer> values = new LinkedHashMap<>();
		for (RubricView.CriterionView c : rubric.criteria()) {
			Integer v = command.values() == null ? null : command.values().get(c.code());
			if (v == null) {
				throw new BusinessException("values[" + c.code() + "]", "contest.round.error.scoreMissing", c.name());
			}
			if (v < c.min() || v > c.max()) {
				throw new BusinessException("values[" + c.code() + "]", "contest.round.error.outOfScale", c.name(), c.min(),
						c.max());
			}
			values.put(c.code(), v);
		}
		String comment = command.comment() == null || command.comment().isBlank() ? null : command.comment().strip();
		if (comment != null && comment.length() > 5000) {
			throw new BusinessException("comment", "contest.round.error.commentTooLong");
		}
		BigDecimal total = BigDecimal.valueOf(ScoreAggregation.total(rubric.forAggregation(), values))
			.setScale(3, java.math.RoundingMode.HALF_UP);
		Optional<ScoreRow> before = store.score(roundId, nominationId, caller.accountId());
		long scoreId = store.saveScore(roundId, nominationId, caller.accountId(), command.version(), before, total, comment,
				values);
		store.insertHistory(scoreId, caller.accountId(), before.map(b -> describe(b.view().values())).orElse(null),
				before.map(b -> b.view().total()).orElse(null), describe(values), total, comment);
		return store.score(roundId, nominationId, caller.accountId()).orElseThrow().view();
	}

	private static String describe(Map<String, Integer> values) {
		return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
	}

	// --- rules -----------------------------------------------------------------------------------

	/** Whether the judge must keep off the entry (review's rule, the contest's unit as organiser). */
	static boolean conflict(String organiserPath, JudgeView judge, EntryRow entry) {
		return ConflictOfInterest.conflict(organiserPath, judge.accountId(), judge.homeUnitPath(), entry.owners(),
				entry.ideaUnitPath());
	}

	private RoundView judged(Caller caller, long roundId) {
		RoundView round = store.round(roundId).orElseThrow(() -> new NotFoundException("contest.round.error.notFound"));
		if (store.judge(roundId, caller.accountId()).isEmpty()) {
			throw new NotFoundException("contest.round.error.notFound");
		}
		return round;
	}

	private String contestPath(RoundView round) {
		return contests.contestById(round.contestId()).unitPath();
	}

	private String contestName(RoundView round) {
		return contests.contestById(round.contestId()).name();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), VIETNAM);
	}
}
