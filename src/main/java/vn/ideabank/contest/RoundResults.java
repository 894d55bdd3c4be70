package vn.ideabank.contest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import vn.ideabank.contest.RoundCommands.AwardCounts;
import vn.ideabank.contest.RoundViews.Advancement;
import vn.ideabank.review.ScoreAggregation;

/**
 * The arithmetic of a round, pure: aggregates through {@link ScoreAggregation} (optionally normalised
 * per judge), the order by {@link Ranking}, advancement and the awards proposed from the final ranking.
 * Figures are compared as shown: rounded to two decimals (half up).
 */
final class RoundResults {

	/** An entry of the round. */
	record Entry(long nominationId, Instant nominatedAt) {
	}

	/** One judge's score of one entry: total (0–100) and the value of the rubric's first criterion. */
	record Sheet(long judgeId, long nominationId, double total, int firstValue) {
	}

	/** One entry's figures with its places; scores null when nobody scored it. */
	record Line(long nominationId, int place, int sharedPlace, int sheets, BigDecimal aggregate, BigDecimal spread,
			boolean flagged, BigDecimal firstCriterion, BigDecimal minJudgeScore) {
	}

	private RoundResults() {
	}

	/** Every entry's line, in ranking order. */
	static List<Line> compute(List<Entry> entries, List<Sheet> sheets, boolean normalise, double threshold) {
		List<ScoreAggregation.Sheet> plain = sheets.stream()
			.map(s -> new ScoreAggregation.Sheet(s.judgeId(), s.nominationId(), s.total())).toList();
		Map<Long, ScoreAggregation.Result> results = ScoreAggregation.aggregate(plain, normalise, threshold).stream()
			.collect(Collectors.toMap(ScoreAggregation.Result::subjectId, Function.identity()));
		Map<Long, Double> lowest = new HashMap<>();
		for (ScoreAggregation.Sheet s : normalise ? ScoreAggregation.normalise(plain) : plain) {
			lowest.merge(s.subjectId(), s.total(), Math::min);
		}
		Map<Long, double[]> first = new HashMap<>(); // sum, count
		for (Sheet s : sheets) {
			double[] acc = first.computeIfAbsent(s.nominationId(), k -> new double[2]);
			acc[0] += s.firstValue();
			acc[1]++;
		}
		Map<Long, Ranking.Entry> byId = new LinkedHashMap<>();
		for (Entry e : entries) {
			ScoreAggregation.Result r = results.get(e.nominationId());
			double[] f = first.get(e.nominationId());
			byId.put(e.nominationId(), new Ranking.Entry(e.nominationId(), r == null ? null : round(r.aggregate()),
					f == null ? null : round(f[0] / f[1]), r == null ? null : round(lowest.get(e.nominationId())),
					e.nominatedAt()));
		}
		List<Ranking.Ranked> own = Ranking.rank(List.copyOf(byId.values()), false);
		List<Ranking.Ranked> shared = Ranking.rank(List.copyOf(byId.values()), true);
		List<Line> lines = new ArrayList<>(own.size());
		for (int i = 0; i < own.size(); i++) {
			Ranking.Entry e = own.get(i).entry();
			ScoreAggregation.Result r = results.get(e.id());
			lines.add(new Line(e.id(), own.get(i).place(), shared.get(i).place(), r == null ? 0 : r.sheets(), e.aggregate(),
					r == null ? null : round(r.spread()), r != null && r.flagged(), e.firstCriterion(), e.minJudgeScore()));
		}
		return lines;
	}

	/**
	 * The entries that go on: by rank, those whose shared place is at most N (so entries tied at the cut on
	 * aggregate, first criterion and lowest judge's score all go on); by cut-off, those whose aggregate is
	 * at least the value. Entries nobody scored never go on.
	 */
	static Set<Long> advancing(List<Line> lines, Advancement rule, BigDecimal value) {
		Set<Long> out = new LinkedHashSet<>();
		for (Line l : lines) {
			if (l.aggregate() == null) {
				continue;
			}
			boolean goes = switch (rule) {
				case TOP_N -> l.sharedPlace() <= value.intValue();
				case CUT_OFF -> l.aggregate().compareTo(value) >= 0;
				case NONE -> false;
			};
			if (goes) {
				out.add(l.nominationId());
			}
		}
		return out;
	}

	/**
	 * Award tiers proposed from the final ranking: down the order (every tie broken by the ranking's
	 * steps, so the counts are exact), the first {@code first} entries get FIRST, the next {@code second}
	 * SECOND, and so on. Entries nobody scored get nothing.
	 */
	static Map<Long, AwardTier> propose(List<Line> lines, AwardCounts counts) {
		AwardTier[] tiers = { AwardTier.FIRST, AwardTier.SECOND, AwardTier.THIRD, AwardTier.CONSOLATION };
		int[] left = { counts.first(), counts.second(), counts.third(), counts.consolation() };
		Map<Long, AwardTier> proposed = new LinkedHashMap<>();
		int tier = 0;
		for (Line l : lines) {
			while (tier < tiers.length && left[tier] <= 0) {
				tier++;
			}
			if (tier == tiers.length || l.aggregate() == null) {
				break;
			}
			proposed.put(l.nominationId(), tiers[tier]);
			left[tier]--;
		}
		return proposed;
	}

	static BigDecimal round(double value) {
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
	}
}
