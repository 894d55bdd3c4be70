package vn.ideabank.contest;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.ideabank.review.RubricUsage;

/** Rubric versions a judge of a contest round has scored with: review keeps them unchanged. */
@Component
class ContestRubricUsage implements RubricUsage {

	private final JdbcClient jdbc;

	ContestRubricUsage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<Long> scoredVersions(Collection<Long> versionIds) {
		if (versionIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("""
				select distinct r.rubric_version_id from contest_round r
				 where r.rubric_version_id in (:v)
				   and exists (select 1 from contest_round_score s where s.round_id = r.id)""")
			.param("v", versionIds).query(Long.class).list());
	}
}
