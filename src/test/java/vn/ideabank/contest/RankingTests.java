package vn.ideabank.contest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.ideabank.contest.Ranking.Entry;
import vn.ideabank.contest.Ranking.Ranked;

class RankingTests {

	private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

	private static Entry e(long id, String agg, String first, String min, int minutes) {
		return new Entry(id, agg == null ? null : new BigDecimal(agg), first == null ? null : new BigDecimal(first),
				min == null ? null : new BigDecimal(min), T0.plusSeconds(60L * minutes));
	}

	private static List<Long> order(List<Ranked> ranked) {
		return ranked.stream().map(r -> r.entry().id()).toList();
	}

	@Test
	void higherAggregateFirst() {
		assertThat(order(Ranking.rank(List.of(e(1, "70", "8", "6", 0), e(2, "85.5", "5", "5", 0)), false)))
			.containsExactly(2L, 1L);
	}

	@Test
	void equalAggregateIsBrokenByTheFirstCriterionThenTheLowestJudgeScore() {
		var ranked = Ranking.rank(List.of(e(1, "80", "7", "9", 0), e(2, "80.00", "9", "5", 0), e(3, "80", "7", "9.5", 0)), false);
		assertThat(order(ranked)).containsExactly(2L, 3L, 1L);
		assertThat(ranked).extracting(Ranked::place).containsExactly(1, 2, 3);
	}

	@Test
	void equalScoresAreBrokenByEarlierNominationThenLowerId() {
		assertThat(order(Ranking.rank(List.of(e(5, "80", "7", "6", 10), e(4, "80", "7", "6", 20), e(3, "80", "7", "6", 10)), false)))
			.containsExactly(3L, 5L, 4L);
	}

	@Test
	void sharedPlacesOnlyWhenAskedAndOnlyForEqualScores() {
		var ranked = Ranking.rank(List.of(e(1, "80", "7", "6", 0), e(2, "80", "7", "6", 5), e(3, "79", "9", "9", 0)), true);
		assertThat(ranked).extracting(Ranked::place).containsExactly(1, 1, 3);
	}

	@Test
	void unscoredEntriesRankLast() {
		assertThat(order(Ranking.rank(List.of(e(1, null, null, null, 0), e(2, "10", null, null, 5)), false)))
			.containsExactly(2L, 1L);
	}
}
