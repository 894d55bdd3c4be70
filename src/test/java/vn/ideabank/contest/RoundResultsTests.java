package vn.ideabank.contest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.ideabank.contest.RoundCommands.AwardCounts;
import vn.ideabank.contest.RoundResults.Entry;
import vn.ideabank.contest.RoundResults.Line;
import vn.ideabank.contest.RoundResults.Sheet;
import vn.ideabank.contest.RoundViews.Advancement;

/** The arithmetic of a round against figures computed by hand (docs/contests.md, "Rounds"). */
class RoundResultsTests {

	private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

	private static Entry entry(long id, int minutes) {
		return new Entry(id, T0.plusSeconds(60L * minutes));
	}

	private static BigDecimal d(String v) {
		return new BigDecimal(v);
	}

	/** j1 gives 72 and 60, j2 gives 70 and 30 (first criterion: 8 and 6; 7 and 3). */
	private static final List<Sheet> SHEETS = List.of(new Sheet(1, 10, 72, 8), new Sheet(1, 20, 60, 6),
			new Sheet(2, 10, 70, 7), new Sheet(2, 20, 30, 3));

	@Test
	void plainMeanWithSpreadFlagAndTieBreakFigures() {
		List<Line> lines = RoundResults.compute(List.of(entry(10, 0), entry(20, 1), entry(30, 2)), SHEETS, false, 20);
		assertThat(lines).extracting(Line::nominationId).containsExactly(10L, 20L, 30L);
		Line first = lines.get(0);
		assertThat(first.aggregate()).isEqualByComparingTo("71.00");
		assertThat(first.spread()).isEqualByComparingTo("2.00");
		assertThat(first.flagged()).isFalse();
		assertThat(first.firstCriterion()).isEqualByComparingTo("7.50");
		assertThat(first.minJudgeScore()).isEqualByComparingTo("70.00");
		Line second = lines.get(1);
		assertThat(second.aggregate()).isEqualByComparingTo("45.00");
		assertThat(second.spread()).isEqualByComparingTo("30.00");
		assertThat(second.flagged()).isTrue();
		// nobody scored entry 30: no figures, ranked last
		assertThat(lines.get(2).aggregate()).isNull();
		assertThat(lines.get(2).sheets()).isZero();
	}

	@Test
	void normalisedPerJudgeAsComputedByHand() {
		// all totals: μ = 58, σ = √282 ≈ 16.7929; j1: μ = 66, σ = 6; j2: μ = 50, σ = 20.
		// entry 10: j1 58 + 16.7929·(72−66)/6 = 74.79, j2 58 + 16.7929·(70−50)/20 = 74.79
		List<Line> lines = RoundResults.compute(List.of(entry(10, 0), entry(20, 1)), SHEETS, true, 20);
		assertThat(lines.get(0).aggregate()).isEqualByComparingTo("74.79");
		assertThat(lines.get(0).spread()).isEqualByComparingTo("0.00");
		assertThat(lines.get(1).aggregate()).isEqualByComparingTo("41.21");
		assertThat(lines.get(1).flagged()).isFalse();
		assertThat(lines.get(1).minJudgeScore()).isEqualByComparingTo("41.21");
	}

	/** Four entries: A 80, B and C tied at 70 on everything, D 60 (one judge each for simplicity). */
	private static List<Line> tiedAtTheCut() {
		return RoundResults.compute(List.of(entry(1, 0), entry(2, 1), entry(3, 2), entry(4, 3)),
				List.of(new Sheet(9, 1, 80, 8), new Sheet(9, 3, 70, 7), new Sheet(9, 2, 70, 7), new Sheet(9, 4, 60, 6)),
				false, 20);
	}

	@Test
	void advancingByRankTakesEveryEntryTiedAtTheCut() {
		List<Line> lines = tiedAtTheCut();
		// B was nominated before C: own places 2 and 3, but both share place 2
		assertThat(lines).extracting(Line::nominationId).containsExactly(1L, 2L, 3L, 4L);
		assertThat(lines).extracting(Line::sharedPlace).containsExactly(1, 2, 2, 4);
		assertThat(RoundResults.advancing(lines, Advancement.TOP_N, d("2"))).containsExactly(1L, 2L, 3L);
		assertThat(RoundResults.advancing(lines, Advancement.TOP_N, d("1"))).containsExactly(1L);
		assertThat(RoundResults.advancing(lines, Advancement.TOP_N, d("4"))).containsExactly(1L, 2L, 3L, 4L);
		assertThat(RoundResults.advancing(lines, Advancement.NONE, null)).isEmpty();
	}

	@Test
	void advancingByCutOffIncludesScoresEqualToIt() {
		List<Line> lines = tiedAtTheCut();
		assertThat(RoundResults.advancing(lines, Advancement.CUT_OFF, d("70"))).containsExactly(1L, 2L, 3L);
		assertThat(RoundResults.advancing(lines, Advancement.CUT_OFF, d("70.01"))).containsExactly(1L);
		// compared as shown, to two decimals: 69.996 shows as 70.00 and passes a cut-off of 70
		List<Line> close = RoundResults.compute(List.of(entry(5, 0)), List.of(new Sheet(9, 5, 69.996, 7)), false, 20);
		assertThat(RoundResults.advancing(close, Advancement.CUT_OFF, d("70"))).containsExactly(5L);
	}

	@Test
	void unscoredEntriesNeverAdvance() {
		List<Line> lines = RoundResults.compute(List.of(entry(1, 0), entry(2, 1)), List.of(new Sheet(9, 1, 50, 5)), false, 20);
		assertThat(RoundResults.advancing(lines, Advancement.TOP_N, d("2"))).containsExactly(1L);
		assertThat(RoundResults.advancing(lines, Advancement.CUT_OFF, d("0"))).containsExactly(1L);
	}

	@Test
	void tiesOnTheAggregateAreBrokenByTheFirstCriterionThenTheLowestJudge() {
		// all three total 75: entry 1 has first criterion 7, entry 2 has 9; entry 3 has 9 too but a lower lowest judge score
		List<Line> lines = RoundResults.compute(List.of(entry(1, 0), entry(2, 1), entry(3, 2)),
				List.of(new Sheet(1, 1, 75, 7), new Sheet(2, 1, 75, 7), new Sheet(1, 2, 75, 9), new Sheet(2, 2, 75, 9),
						new Sheet(1, 3, 80, 9), new Sheet(2, 3, 70, 9)),
				false, 20);
		assertThat(lines).extracting(Line::nominationId).containsExactly(2L, 3L, 1L);
		assertThat(lines).extracting(Line::sharedPlace).containsExactly(1, 2, 3);
	}

	@Test
	void awardsAreProposedDownTheRankingWithExactCounts() {
		List<Line> lines = tiedAtTheCut();
		// 1 first, 1 second: B and C are tied, B was nominated earlier so B gets the second prize and C the third
		Map<Long, AwardTier> proposed = RoundResults.propose(lines, new AwardCounts(1, 1, 1, 5));
		assertThat(proposed).containsExactly(Map.entry(1L, AwardTier.FIRST), Map.entry(2L, AwardTier.SECOND),
				Map.entry(3L, AwardTier.THIRD), Map.entry(4L, AwardTier.CONSOLATION));
		// a tier with no awards is skipped; fewer awards than entries leave the rest without
		assertThat(RoundResults.propose(lines, new AwardCounts(1, 0, 2, 0))).containsExactly(Map.entry(1L, AwardTier.FIRST),
				Map.entry(2L, AwardTier.THIRD), Map.entry(3L, AwardTier.THIRD));
		// an entry nobody scored is never proposed
		List<Line> partly = RoundResults.compute(List.of(entry(1, 0), entry(2, 1)), List.of(new Sheet(9, 1, 50, 5)), false, 20);
		assertThat(RoundResults.propose(partly, AwardCounts.usual())).containsOnlyKeys(1L);
	}
}
