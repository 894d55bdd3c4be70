package vn.ideabank.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Conflict of interest and automatic assignment, pure (see docs/evaluation.md). */
final class AssignmentRules {

	private AssignmentRules() {
	}

	/** A council member as the rules see them. */
	record Reviewer(long accountId, String homeUnitPath) {
	}

	/** An idea under evaluation as the rules see it. */
	record Subject(long itemId, String unitPath, Long authorAccountId, String field) {
	}

	record Pair(long itemId, long reviewerId) {
	}

	/**
	 * Whether the reviewer may not score the idea: it is their own (they entered it), or it comes
	 * from their home unit's subtree. A home unit at or above the council's unit (the organising
	 * office itself, a province officer) does not count, or nobody there could review anything.
	 */
	static boolean conflict(String councilUnitPath, Reviewer reviewer, Subject subject) {
		return ConflictOfInterest.conflict(councilUnitPath, reviewer.accountId(), reviewer.homeUnitPath(),
				subject.authorAccountId() == null ? List.of() : List.of(subject.authorAccountId()), subject.unitPath());
	}

	/**
	 * New assignments so that every subject has {@code perIdea} reviewers where possible: subjects in
	 * the given order; for each, among members without a conflict and not yet on it, the one with the
	 * fewest assignments, then with the fewest subjects of the same sector field, then the lowest
	 * account id. Deterministic for the same input.
	 * @param existing assignments already made (those with a declared conflict included: they stay
	 * unusable and do not count toward perIdea)
	 * @param declared pairs whose reviewer declared a conflict
	 */
	static List<Pair> plan(String councilUnitPath, List<Reviewer> reviewers, List<Subject> subjects,
			List<Pair> existing, Set<Pair> declared, int perIdea) {
		Map<Long, Integer> load = new HashMap<>();
		Map<Long, Map<String, Integer>> fieldLoad = new HashMap<>();
		Map<Long, String> fieldOf = new HashMap<>();
		subjects.forEach(s -> fieldOf.put(s.itemId(), String.valueOf(s.field())));
		Set<Pair> taken = new HashSet<>(existing);
		for (Pair p : existing) {
			if (!declared.contains(p)) {
				load.merge(p.reviewerId(), 1, Integer::sum);
				fieldLoad.computeIfAbsent(p.reviewerId(), k -> new HashMap<>())
					.merge(fieldOf.getOrDefault(p.itemId(), "null"), 1, Integer::sum);
			}
		}
		List<Pair> result = new ArrayList<>();
		for (Subject s : subjects) {
			long have = existing.stream().filter(p -> p.itemId() == s.itemId() && !declared.contains(p)).count();
			String field = String.valueOf(s.field());
			List<Reviewer> candidates = reviewers.stream()
				.filter(r -> !taken.contains(new Pair(s.itemId(), r.accountId())))
				.filter(r -> !conflict(councilUnitPath, r, s))
				.sorted(Comparator.<Reviewer>comparingInt(r -> load.getOrDefault(r.accountId(), 0))
					.thenComparingInt(r -> fieldLoad.getOrDefault(r.accountId(), Map.of()).getOrDefault(field, 0))
					.thenComparingLong(Reviewer::accountId))
				.toList();
			for (int i = 0; i < candidates.size() && have < perIdea; i++) {
				Reviewer r = candidates.get(i);
				Pair p = new Pair(s.itemId(), r.accountId());
				result.add(p);
				taken.add(p);
				load.merge(r.accountId(), 1, Integer::sum);
				fieldLoad.computeIfAbsent(r.accountId(), k -> new HashMap<>()).merge(field, 1, Integer::sum);
				have++;
			}
		}
		return result;
	}
}
