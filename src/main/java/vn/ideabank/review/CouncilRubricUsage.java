package vn.ideabank.review;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Rubric versions a council's reviewer has scored with. */
@Component
class CouncilRubricUsage implements RubricUsage {

	private final JdbcClient jdbc;

	CouncilRubricUsage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<Long> scoredVersions(Collection<Long> versionIds) {
		if (versionIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("""
				select distinct c.rubric_version_id from review_council c
				 where c.rubric_version_id in (:v)
				   and exists (select 1 from review_assignment a join review_score s on s.assignment_id = a.id
				                where a.council_id = c.id)""").param("v", versionIds).query(Long.class).list());
	}
}
