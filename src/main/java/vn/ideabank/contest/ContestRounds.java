package vn.ideabank.contest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.account.AccountService;
import vn.ideabank.account.AccountView;
import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.contest.ContestEvents.JudgeAssigned;
import vn.ideabank.contest.RoundCommands.AwardCounts;
import vn.ideabank.contest.RoundCommands.CloseRound;
import vn.ideabank.contest.RoundCommands.SaveRound;
import vn.ideabank.contest.RoundStore.EntryRow;
import vn.ideabank.contest.RoundStore.SheetRow;
import vn.ideabank.contest.RoundViews.Advancement;
import vn.ideabank.contest.RoundViews.JudgeTotal;
import vn.ideabank.contest.RoundViews.JudgeView;
import vn.ideabank.contest.RoundViews.ResultLine;
import vn.ideabank.contest.RoundViews.RoundStatus;
import vn.ideabank.contest.RoundViews.RoundView;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.review.RubricService;
import vn.ideabank.review.RubricView;

/**
 * Judging rounds of a contest (vòng sơ khảo, chung khảo, …): the organiser sets each one up while the
 * contest is judging (rubric version, dates, judges), opens it (round 1 takes the contest's entries,
 * round n+1 those advanced from round n), and closes it advancing by rank or by cut-off. Every judge
 * scores every entry of the round except those they have a conflict of interest with ({@link ContestJudging}
 * takes the scores). After the final round the ranking proposes award tiers.
 */
@Service
@Transactional(readOnly = true)
public class ContestRounds {

	private final RoundStore store;

	private final ContestService contests;

	private final NominationRepository nominations;

	private final RubricService rubrics;

	private final AccountService accounts;

	private final UnitService units;

	private final ApplicationEventPublisher events;

	ContestRounds(RoundStore store, ContestService contests, NominationRepository nominations, RubricService rubrics,
			AccountService accounts, UnitService units, ApplicationEventPublisher events) {
		this.store = store;
		this.contests = contests;
		this.nominations = nominations;
		this.rubrics = rubrics;
		this.accounts = accounts;
		this.units = units;
		this.events = events;
	}

	// --- organiser: set-up -----------------------------------------------------------------------

	/** The contest's rounds, for everyone who sees the contest. */
	public List<RoundView> rounds(Caller caller, long contestId) {
		contests.visible(caller, contestId);
		return store.rounds(contestId);
	}

	/** A round, for its organiser. */
	public RoundView round(Caller caller, long roundId) {
		return organised(caller, roundId);
	}

	public RubricView rubricOf(RoundView round) {
		return rubrics.version(round.rubricVersionId());
	}

	/** The rubrics a round of this contest may use: the organiser's own and those of the units above it. */
	public List<RubricView> rubricChoices(Caller caller, long contestId) {
		return rubrics.usableAt(contests.organised(caller, contestId).unitPath());
	}

	@Transactional
	public RoundView create(Caller caller, long contestId, SaveRound command) {
		Contest contest = judging(contests.organised(caller, contestId));
		validate(command, contest.unitPath());
		long id = store.insertRound(contest.id(), command, caller.accountId());
		RoundView round = store.round(id).orElseThrow();
		contests.record(caller, contest.id(), null, "ROUND_CREATED", label(round));
		return round;
	}

	@Transactional
	public RoundView update(Caller caller, long roundId, SaveRound command, long version) {
		RoundView round = draft(organised(caller, roundId));
		Contest contest = judging(contests.organised(caller, round.contestId()));
		validate(command, contest.unitPath());
		store.updateRound(roundId, version, command);
		RoundView saved = store.round(roundId).orElseThrow();
		contests.record(caller, round.contestId(), null, "ROUND_EDITED", label(saved));
		return saved;
	}

	private void validate(SaveRound c, String contestPath) {
		if (c.name() == null || c.name().isBlank() || c.name().length() > 200) {
			throw new BusinessException("name", "contest.round.error.name");
		}
		// a rubric of another branch of the tree is not the organiser's to use
		if (!rubrics.usableAt(c.rubricVersionId(), contestPath)) {
			throw new BusinessException("rubricVersionId", "contest.round.error.rubric");
		}
		if (c.opensOn() == null) {
			throw new BusinessException("opensOn", "contest.error.required");
		}
		if (c.closesOn() == null) {
			throw new BusinessException("closesOn", "contest.error.required");
		}
		if (c.closesOn().isBefore(c.opensOn())) {
			throw new BusinessException("closesOn", "contest.round.error.closesBeforeOpens");
		}
		if (c.threshold() == null || c.threshold().signum() < 0 || c.threshold().compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new BusinessException("threshold", "contest.round.error.threshold");
		}
	}

	public List<JudgeView> judges(Caller caller, long roundId) {
		organised(caller, roundId);
		return store.judges(roundId);
	}

	/** Adds an account (by username) as a judge of the round and tells them (event {@link JudgeAssigned}). */
	@Transactional
	public void addJudge(Caller caller, long roundId, String username) {
		RoundView round = notClosed(organised(caller, roundId));
		AccountView account = accounts.lookup(username == null ? "" : username.strip())
			.orElseThrow(() -> new BusinessException("username", "contest.round.error.judgeNotFound"));
		String home = account.unitId() == null ? null : units.find(account.unitId()).map(UnitView::path).orElse(null);
		if (store.addJudge(roundId, account.id(), account.displayName(), home, caller.accountId())) {
			contests.record(caller, round.contestId(), null, "JUDGE_ADDED", label(round) + ": " + account.displayName());
			events.publishEvent(new JudgeAssigned(account.id(), round.contestId(), roundId, contestName(round), round.name()));
		}
	}

	/** Removes a judge who has not scored anything yet. */
	@Transactional
	public void removeJudge(Caller caller, long roundId, long accountId) {
		RoundView round = notClosed(organised(caller, roundId));
		JudgeView judge = store.judge(roundId, accountId)
			.orElseThrow(() -> new BusinessException("accountId", "contest.round.error.notJudge"));
		if (store.countScoresOf(roundId, accountId) > 0) {
			throw new BusinessException("accountId", "contest.round.error.judgeHasScores");
		}
		store.removeJudge(roundId, accountId);
		contests.record(caller, round.contestId(), null, "JUDGE_REMOVED", label(round) + ": " + judge.displayName());
	}

	/**
	 * Opens a draft round: the previous round must be closed; its entries become round 1's contest
	 * entries or those advanced from the previous round, and are fixed from now on.
	 */
	@Transactional
	public RoundView open(Caller caller, long roundId, long version) {
		RoundView round = draft(organised(caller, roundId));
		judging(contests.organised(caller, round.contestId()));
		List<Long> entries;
		if (round.number() == 1) {
			entries = nominations.findByContestIdOrderByNominatedAtAscIdAsc(round.contestId()).stream()
				.map(Nomination::id).toList();
		}
		else {
			RoundView previous = store.rounds(round.contestId()).stream().filter(r -> r.number() == round.number() - 1)
				.findFirst().orElseThrow();
			if (previous.status() != RoundStatus.CLOSED) {
				throw new BusinessException(null, "contest.round.error.previousOpen", previous.name());
			}
			entries = store.advancedOf(previous.id());
		}
		if (entries.isEmpty()) {
			throw new BusinessException("contest.round.error.noEntries");
		}
		if (store.judges(roundId).isEmpty()) {
			throw new BusinessException("contest.round.error.noJudges");
		}
		store.insertEntries(roundId, entries);
		store.open(roundId, version);
		contests.record(caller, round.contestId(), null, "ROUND_OPENED", label(round) + ": " + entries.size());
		return store.round(roundId).orElseThrow();
	}

	/**
	 * Closes an open round and advances entries by rank (top N) or by cut-off score, or none (the final
	 * round). From then on the round is read-only. Recorded in the contest's history.
	 */
	@Transactional
	public RoundView close(Caller caller, long roundId, CloseRound command) {
		RoundView round = organised(caller, roundId);
		if (!round.open()) {
			throw new BusinessException("contest.round.error.notOpen");
		}
		Advancement rule = command.advancement();
		if (rule == null) {
			throw new BusinessException("advancement", "contest.error.required");
		}
		BigDecimal value = command.value();
		if (rule == Advancement.TOP_N && (value == null || value.signum() <= 0 || value.stripTrailingZeros().scale() > 0)) {
			throw new BusinessException("value", "contest.round.error.topN");
		}
		if (rule == Advancement.CUT_OFF
				&& (value == null || value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0)) {
			throw new BusinessException("value", "contest.round.error.cutOff");
		}
		Set<Long> advancing = RoundResults.advancing(lines(round), rule, value);
		store.close(roundId, command.version(), rule, rule == Advancement.NONE ? null : value);
		store.markAdvanced(roundId, advancing);
		contests.record(caller, round.contestId(), null, "ROUND_CLOSED_" + rule.name(),
				label(round) + (rule == Advancement.NONE ? "" : " (" + value.stripTrailingZeros().toPlainString() + ")")
						+ ": " + advancing.size());
		return store.round(roundId).orElseThrow();
	}

	// --- organiser: results and awards -----------------------------------------------------------

	/**
	 * The round's result table in ranking order: aggregate, spread and flag, each judge's total, places,
	 * and (when {@code counts} is given and the round is the contest's last, closed one) proposed awards.
	 */
	public List<ResultLine> results(Caller caller, long roundId, AwardCounts counts) {
		RoundView round = organised(caller, roundId);
		List<EntryRow> entries = store.entries(roundId);
		List<JudgeView> judges = store.judges(roundId);
		String organiserPath = contests.organised(caller, round.contestId()).unitPath();
		Map<String, BigDecimal> totals = new HashMap<>();
		store.sheets(roundId).forEach(s -> totals.put(s.nominationId() + ":" + s.judgeId(), RoundResults.round(s.total())));
		List<RoundResults.Line> lines = lines(round);
		Map<Long, AwardTier> proposed = counts == null ? Map.of() : RoundResults.propose(lines, finalRound(round, counts));
		Map<Long, EntryRow> byId = entries.stream()
			.collect(Collectors.toMap(e -> e.view().nominationId(), Function.identity()));
		List<ResultLine> out = new ArrayList<>(lines.size());
		for (RoundResults.Line l : lines) {
			EntryRow e = byId.get(l.nominationId());
			List<JudgeTotal> perJudge = judges.stream()
				.map(j -> new JudgeTotal(j.accountId(), j.displayName(), totals.get(l.nominationId() + ":" + j.accountId()),
						ContestJudging.conflict(organiserPath, j, e)))
				.toList();
			out.add(new ResultLine(l.place(), l.sharedPlace(), e.view(), l.sheets(), l.aggregate(), l.spread(), l.flagged(),
					l.firstCriterion(), l.minJudgeScore(), perJudge, proposed.get(l.nominationId())));
		}
		return out;
	}

	/**
	 * Gives the contest's entries the award tiers proposed from the final round's ranking (others lose
	 * theirs, special prizes with their own name are kept); the organiser can still change any award by hand before publishing.
	 */
	@Transactional
	public Map<Long, AwardTier> confirmAwards(Caller caller, long roundId, AwardCounts counts) {
		RoundView round = organised(caller, roundId);
		judging(contests.organised(caller, round.contestId()));
		Map<Long, AwardTier> proposed = RoundResults.propose(lines(round), finalRound(round, counts));
		for (Nomination n : nominations.findByContestIdOrderByNominatedAtAscIdAsc(round.contestId())) {
			AwardTier tier = proposed.get(n.id());
			if (n.awardTier() != AwardTier.CUSTOM && tier != n.awardTier()) {
				n.award(tier, null);
				contests.record(caller, round.contestId(), n.id(), "AWARDED", tier == null ? null : tier.name());
			}
		}
		contests.record(caller, round.contestId(), null, "AWARDS_FROM_RANKING", label(round) + ": " + counts.first() + "/"
				+ counts.second() + "/" + counts.third() + "/" + counts.consolation());
		return proposed;
	}

	private AwardCounts finalRound(RoundView round, AwardCounts counts) {
		if (round.status() != RoundStatus.CLOSED || store.rounds(round.contestId()).stream()
			.anyMatch(r -> r.number() > round.number())) {
			throw new BusinessException("contest.round.error.notFinal");
		}
		if (counts.first() < 0 || counts.second() < 0 || counts.third() < 0 || counts.consolation() < 0
				|| counts.total() > 1000) {
			throw new BusinessException("counts", "contest.round.error.counts");
		}
		return counts;
	}

	private List<RoundResults.Line> lines(RoundView round) {
		String first = rubricOf(round).criteria().get(0).code();
		List<RoundResults.Entry> entries = store.entries(round.id()).stream()
			.map(e -> new RoundResults.Entry(e.view().nominationId(), e.nominatedAt())).toList();
		List<RoundResults.Sheet> sheets = store.sheets(round.id()).stream()
			.map(s -> new RoundResults.Sheet(s.judgeId(), s.nominationId(), s.total(), s.values().getOrDefault(first, 0)))
			.toList();
		return RoundResults.compute(entries, sheets, round.normalise(), round.threshold().doubleValue());
	}

	// --- rules -----------------------------------------------------------------------------------

	private RoundView organised(Caller caller, long roundId) {
		RoundView round = store.round(roundId).orElseThrow(() -> new NotFoundException("contest.round.error.notFound"));
		contests.organised(caller, round.contestId());
		return round;
	}

	private String contestName(RoundView round) {
		return contests.contestById(round.contestId()).name();
	}

	private static Contest judging(Contest contest) {
		if (contest.status() != ContestStatus.JUDGING) {
			throw new BusinessException("contest.round.error.notJudging");
		}
		return contest;
	}

	private static RoundView draft(RoundView round) {
		if (round.status() != RoundStatus.DRAFT) {
			throw new BusinessException("contest.round.error.notDraft");
		}
		return round;
	}

	private static RoundView notClosed(RoundView round) {
		if (round.status() == RoundStatus.CLOSED) {
			throw new BusinessException("contest.round.error.closedRound");
		}
		return round;
	}

	private static String label(RoundView round) {
		return round.number() + ". " + round.name();
	}

}
