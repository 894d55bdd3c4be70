package vn.ideabank.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.ideabank.review.AssignmentRules.Pair;
import vn.ideabank.review.AssignmentRules.Reviewer;
import vn.ideabank.review.AssignmentRules.Subject;

class AssignmentRulesTests {

	static final String COUNCIL = "/1/2/";

	@Test
	void nobodyScoresTheirOwnIdea() {
		assertThat(AssignmentRules.conflict(COUNCIL, new Reviewer(7, "/1/2/"), new Subject(1, "/1/2/9/", 7L, "IT"))).isTrue();
		assertThat(AssignmentRules.conflict(COUNCIL, new Reviewer(8, "/1/2/"), new Subject(1, "/1/2/9/", 7L, "IT"))).isFalse();
	}

	@Test
	void nobodyScoresAnIdeaOfTheirOwnUnitSubtree() {
		Reviewer commune = new Reviewer(8, "/1/2/9/");
		assertThat(AssignmentRules.conflict(COUNCIL, commune, new Subject(1, "/1/2/9/", null, "IT"))).isTrue();
		assertThat(AssignmentRules.conflict(COUNCIL, commune, new Subject(1, "/1/2/9/15/", null, "IT"))).isTrue();
		assertThat(AssignmentRules.conflict(COUNCIL, commune, new Subject(1, "/1/2/10/", null, "IT"))).isFalse();
		// a path prefix that is not an ancestor: /1/2/9/ is not inside /1/2/91/
		assertThat(AssignmentRules.conflict(COUNCIL, commune, new Subject(1, "/1/2/91/", null, "IT"))).isFalse();
	}

	@Test
	void theOrganisingOfficeAndLevelsAboveAreNotInConflictByUnit() {
		assertThat(AssignmentRules.conflict(COUNCIL, new Reviewer(8, "/1/2/"), new Subject(1, "/1/2/9/", null, "IT"))).isFalse();
		assertThat(AssignmentRules.conflict(COUNCIL, new Reviewer(8, "/1/"), new Subject(1, "/1/2/9/", null, "IT"))).isFalse();
		assertThat(AssignmentRules.conflict(COUNCIL, new Reviewer(8, null), new Subject(1, "/1/2/9/", null, "IT"))).isFalse();
	}

	@Test
	void autoAssignmentBalancesLoadAvoidsConflictsAndIsDeterministic() {
		var reviewers = List.of(new Reviewer(1, "/1/2/"), new Reviewer(2, "/1/2/9/"), new Reviewer(3, "/1/2/"));
		var subjects = List.of(new Subject(10, "/1/2/9/", null, "IT"), new Subject(11, "/1/2/10/", null, "IT"),
				new Subject(12, "/1/2/10/", 3L, "HEALTH"));
		List<Pair> plan = AssignmentRules.plan(COUNCIL, reviewers, subjects, List.of(), Set.of(), 2);
		// 10: reviewer 2 is from /1/2/9/ → 1 and 3; 11: loads 1,0,1 → 2 then 1 (lower id at equal load and field);
		// 12: 3 is the author → loads 2,1 → 2 then 1
		assertThat(plan).containsExactly(new Pair(10, 1), new Pair(10, 3), new Pair(11, 2), new Pair(11, 1),
				new Pair(12, 2), new Pair(12, 1));
		assertThat(AssignmentRules.plan(COUNCIL, reviewers, subjects, List.of(), Set.of(), 2)).isEqualTo(plan);
	}

	@Test
	void autoAssignmentKeepsExistingAssignmentsAndReplacesDeclaredConflicts() {
		var reviewers = List.of(new Reviewer(1, "/1/2/"), new Reviewer(2, "/1/2/"), new Reviewer(3, "/1/2/"));
		var subjects = List.of(new Subject(10, "/1/2/9/", null, "IT"));
		var existing = List.of(new Pair(10, 1), new Pair(10, 2));
		List<Pair> plan = AssignmentRules.plan(COUNCIL, reviewers, subjects, existing, Set.of(new Pair(10, 2)), 2);
		assertThat(plan).containsExactly(new Pair(10, 3));
		assertThat(AssignmentRules.plan(COUNCIL, reviewers, subjects, existing, Set.of(), 2)).isEmpty();
	}

	@Test
	void withEqualLoadTheFieldSpreadDecides() {
		var reviewers = List.of(new Reviewer(1, "/1/2/"), new Reviewer(2, "/1/2/"));
		// 1 already has an IT idea, 2 a HEALTH idea: the next IT idea goes to 2
		var subjects = List.of(new Subject(10, "/1/2/9/", null, "IT"), new Subject(11, "/1/2/9/", null, "HEALTH"),
				new Subject(12, "/1/2/9/", null, "IT"));
		var existing = List.of(new Pair(10, 1), new Pair(11, 2));
		var all = AssignmentRules.plan(COUNCIL, reviewers, subjects, existing, Set.of(), 1);
		assertThat(all).containsExactly(new Pair(12, 2));
	}
}
