package vn.ideabank.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.IntegrationTest;

/** The scope's SQL condition, run by PostgreSQL: what it selects is what {@link UnitScope#covers} says. */
class UnitScopeDatabaseTests extends IntegrationTest {

	@Autowired
	private JdbcClient jdbc;

	private List<String> selected(UnitScope scope, String... paths) {
		UnitScope.Condition condition = scope.sql("x.unit_path");
		return condition.bind(jdbc.sql("select x.unit_path from unnest(string_to_array(:paths, ',')) as x(unit_path) where "
				+ condition)).param("paths", String.join(",", paths)).query(String.class).list();
	}

	@Test
	void theConditionSelectsExactlyTheCoveredPathsEvenWithWildcardsInThem() {
		String[] paths = { "/1/", "/1/7/", "/1/7/42/", "/1/70/", "/1/7_/", "/1/a%b/", "/1/aXb/", "/1/a%b/3/", "/2/" };
		UnitScope scope = UnitScope.ofPaths(List.of("/1/7/", "/1/a%b/"));
		assertThat(selected(scope, paths)).containsExactlyInAnyOrder("/1/7/", "/1/7/42/", "/1/a%b/", "/1/a%b/3/");
		assertThat(selected(scope, paths)).allMatch(scope::covers);
		assertThat(selected(scope, paths)).containsExactlyInAnyOrderElementsOf(List.of(paths).stream().filter(scope::covers).toList());
		// "_" is one character to LIKE: unescaped, /1/7_/ would take in /1/70/
		assertThat(selected(UnitScope.subtree("/1/7_/"), paths)).containsExactlyInAnyOrder("/1/7_/");
		assertThat(selected(UnitScope.everything(), paths)).hasSize(paths.length);
		assertThat(selected(UnitScope.nothing(), paths)).isEmpty();
	}
}
