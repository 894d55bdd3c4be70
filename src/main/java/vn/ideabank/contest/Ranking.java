package vn.ideabank.contest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks entries by their final-round aggregate score with deterministic tie-breaks, in this order:
 * <ol>
 * <li>higher aggregate score;</li>
 * <li>higher score on the first criterion of the rubric (novelty);</li>
 * <li>higher lowest judge's score (the entry no judge rated poorly wins);</li>
 * <li>earlier nomination time;</li>
 * <li>lower entry id (always distinct, so the order is total).</li>
 * </ol>
 * Entries equal on the first three share a place number ("đồng hạng") only when {@code sharePlaces} is set;
 * by default every entry gets its own place. Missing scores rank below any score. The scores themselves
 * come from the review module's aggregation; this class only orders them.
 */
public final class Ranking {

	/** One entry's figures; any score may be null (not scored). */
	public record Entry(long id, BigDecimal aggregate, BigDecimal firstCriterion, BigDecimal minJudgeScore, Instant nominatedAt) {
	}

	/** An entry with its place (1-based). */
	public record Ranked(int place, Entry entry) {
	}

	private static final Comparator<BigDecimal> HIGHER_FIRST = Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder());

	/** The documented order; {@link #rank} applies it. */
	public static final Comparator<Entry> ORDER = Comparator.comparing(Entry::aggregate, HIGHER_FIRST)
		.thenComparing(Entry::firstCriterion, HIGHER_FIRST)
		.thenComparing(Entry::minJudgeScore, HIGHER_FIRST)
		.thenComparing(Entry::nominatedAt, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparingLong(Entry::id);

	private Ranking() {
	}

	public static List<Ranked> rank(List<Entry> entries, boolean sharePlaces) {
		List<Entry> sorted = new ArrayList<>(entries);
		sorted.sort(ORDER);
		List<Ranked> ranked = new ArrayList<>(sorted.size());
		for (int i = 0; i < sorted.size(); i++) {
			Entry e = sorted.get(i);
			int place = i + 1;
			if (sharePlaces && i > 0 && sameScores(sorted.get(i - 1), e)) {
				place = ranked.get(i - 1).place();
			}
			ranked.add(new Ranked(place, e));
		}
		return ranked;
	}

	private static boolean sameScores(Entry a, Entry b) {
		return eq(a.aggregate(), b.aggregate()) && eq(a.firstCriterion(), b.firstCriterion())
				&& eq(a.minJudgeScore(), b.minJudgeScore());
	}

	private static boolean eq(BigDecimal a, BigDecimal b) {
		return a == null ? b == null : b != null && a.compareTo(b) == 0;
	}
}
