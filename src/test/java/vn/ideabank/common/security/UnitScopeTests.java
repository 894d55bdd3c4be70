package vn.ideabank.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.ideabank.common.error.ForbiddenException;

/** The one subtree rule: which units a caller's grants cover, and the SQL that says the same. */
class UnitScopeTests {

	private static Caller caller(Grant... grants) {
		return new Caller(1, "x", "X", List.of(grants));
	}

	@Test
	void aGrantCoversItsUnitAndEverythingBelowItButNotASiblingWhosePathStartsTheSameDigits() {
		UnitScope scope = UnitScope.of(caller(new Grant(Role.OFFICE, 7L, "/1/7/")));
		assertThat(scope.covers("/1/7/")).isTrue();
		assertThat(scope.covers("/1/7/42/")).isTrue();
		assertThat(scope.covers("/1/70/")).isFalse();
		assertThat(scope.covers("/1/")).isFalse();
		assertThat(scope.covers(null)).isFalse();
	}

	@Test
	void onlyTheGrantsWithTheAskedRolesCount() {
		Caller c = caller(new Grant(Role.MEMBER, 7L, "/1/7/"), new Grant(Role.UNIT_OFFICER, 9L, "/1/9/"));
		assertThat(UnitScope.of(c, Roles.STAFF).prefixes()).containsExactly("/1/9/");
		assertThat(UnitScope.of(c).prefixes()).containsExactly("/1/7/", "/1/9/");
		assertThat(UnitScope.of(c, Roles.OFFICE).isNothing()).isTrue();
	}

	@Test
	void nestedAndRepeatedGrantsCollapseToTheOutermostUnits() {
		Caller c = caller(new Grant(Role.UNIT_OFFICER, 42L, "/1/7/42/"), new Grant(Role.OFFICE, 7L, "/1/7/"),
				new Grant(Role.REVIEWER, 7L, "/1/7/"), new Grant(Role.JUDGE, 70L, "/1/70/"), new Grant(Role.MEMBER, 8L, "/1/7/8/"));
		assertThat(UnitScope.of(c).prefixes()).containsExactly("/1/7/", "/1/70/");
		assertThat(UnitScope.of(c).sql("u.unit_path").sql())
			.isEqualTo("(u.unit_path like :scope0 escape '\\' or u.unit_path like :scope1 escape '\\')");
	}

	@Test
	void aSystemWideGrantCoversEverythingAndNeedsNoCondition() {
		UnitScope scope = UnitScope.of(caller(new Grant(Role.OFFICE, 7L, "/1/7/"), new Grant(Role.ADMIN, null, null)));
		assertThat(scope.isEverything()).isTrue();
		assertThat(scope.covers("/5/6/")).isTrue();
		assertThat(scope.sql("x.unit_path").sql()).isEqualTo("true");
		assertThat(scope.sql("x.unit_path").params()).isEmpty();
		// the system-wide grant counts only with its role
		assertThat(UnitScope.of(caller(new Grant(Role.ADMIN, null, null)), Roles.OFFICE).isEverything()).isTrue();
		assertThat(UnitScope.of(caller(new Grant(Role.ADMIN, null, null)), java.util.Set.of(Role.JUDGE)).isNothing()).isTrue();
	}

	@Test
	void noGrantsCoverNothingAndTheConditionIsFalse() {
		UnitScope scope = UnitScope.of(caller());
		assertThat(scope.isNothing()).isTrue();
		assertThat(scope.covers("/1/")).isFalse();
		assertThat(scope.sql("unit_path").sql()).isEqualTo("false");
		assertThat(UnitScope.nothing().coversOrIsAbove("/1/")).isFalse();
	}

	@Test
	void wildcardsInAPathAreEscapedSoTheyMatchOnlyThemselves() {
		UnitScope scope = UnitScope.subtree("/1/a_b%c\\/");
		UnitScope.Condition condition = scope.sql("t.unit_path", "p");
		assertThat(condition.sql()).isEqualTo("(t.unit_path like :p0 escape '\\')");
		assertThat(condition.params()).containsEntry("p0", "/1/a\\_b\\%c\\\\/%");
		assertThat(UnitScope.likePrefix("/1/7/")).isEqualTo("/1/7/%");
		// in memory nothing is a wildcard
		assertThat(scope.covers("/1/a_b%c\\/9/")).isTrue();
		assertThat(scope.covers("/1/aXbYc\\/9/")).isFalse();
	}

	@Test
	void withinAUnitTheScopeIsThatSubtreeIfCoveredElseOnlyTheDeeperGrantsInsideIt() {
		UnitScope district = UnitScope.of(caller(new Grant(Role.OFFICE, 7L, "/1/7/")));
		assertThat(district.within("/1/7/42/").prefixes()).containsExactly("/1/7/42/");
		assertThat(district.within("/1/9/").isNothing()).isTrue();
		assertThat(district.within(null)).isEqualTo(district);

		UnitScope communes = UnitScope.of(caller(new Grant(Role.UNIT_OFFICER, 42L, "/1/7/42/"),
				new Grant(Role.UNIT_OFFICER, 43L, "/1/7/43/"), new Grant(Role.UNIT_OFFICER, 90L, "/1/9/90/")));
		// a filter on their district keeps the communes there, not the district's other units
		assertThat(communes.within("/1/7/").prefixes()).containsExactly("/1/7/42/", "/1/7/43/");
		assertThat(UnitScope.everything().within("/1/7/").prefixes()).containsExactly("/1/7/");
	}

	@Test
	void aUnitFilterOutsideTheScopeCanBeRefused() {
		UnitScope commune = UnitScope.of(caller(new Grant(Role.UNIT_OFFICER, 42L, "/1/7/42/")));
		assertThatThrownBy(() -> commune.requireWithin("/1/7/43/")).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> commune.requireWithin("/1/7/")).isInstanceOf(ForbiddenException.class);
		assertThat(commune.requireWithin("/1/7/42/5/").prefixes()).containsExactly("/1/7/42/5/");
		assertThat(commune.requireWithin(null)).isEqualTo(commune);
	}

	@Test
	void aUnitAboveTheScopeIsReachedUpwardsButNotItsOtherBranches() {
		UnitScope commune = UnitScope.of(caller(new Grant(Role.MEMBER, 42L, "/1/7/42/")));
		assertThat(commune.coversOrIsAbove("/1/")).isTrue();
		assertThat(commune.coversOrIsAbove("/1/7/")).isTrue();
		assertThat(commune.coversOrIsAbove("/1/7/42/3/")).isTrue();
		assertThat(commune.coversOrIsAbove("/1/7/43/")).isFalse();
		assertThat(commune.coversOrIsAbove("/1/70/")).isFalse();
	}

	@Test
	void aUnitsAncestorsAreListedFromTheRootDown() {
		assertThat(UnitScope.pathAndAncestors("/1/7/42/")).containsExactly("/1/", "/1/7/", "/1/7/42/");
		assertThat(UnitScope.pathAndAncestors("/1/")).containsExactly("/1/");
	}
}
