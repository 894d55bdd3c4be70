package vn.ideabank.search;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * The administrators' additions to the thesaurus, one row of {@code search_thesaurus} (V110) that every node
 * reads: its text, and a version that each save increments (nodes compare it to reload, a form sends it back).
 */
@Component
class ThesaurusStore {

	/** The saved text, its version and who saved it last (null before the first save). */
	record Saved(String body, long version, Instant updatedAt, String updatedBy) {

		static final Saved NONE = new Saved("", 0, null, null);
	}

	private final JdbcClient jdbc;

	ThesaurusStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The version alone: what each node asks every few seconds (a primary-key read). */
	Optional<Long> version() {
		return jdbc.sql("select version from search_thesaurus where id = 1").query(Long.class).optional();
	}

	Saved read() {
		return jdbc.sql("select body, version, updated_at, updated_by from search_thesaurus where id = 1")
			.query((rs, n) -> new Saved(rs.getString(1), rs.getLong(2),
					Optional.ofNullable(rs.getObject(3, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null),
					rs.getString(4)))
			.optional().orElse(Saved.NONE);
	}

	/**
	 * Replaces the text if nobody saved since {@code version} was read; returns the new version. Stale: the
	 * optimistic-locking failure every form answers with "someone else changed this" (409).
	 */
	long save(String body, long version, String by) {
		int updated = jdbc.sql("""
				update search_thesaurus set body = :b, version = version + 1, updated_at = now(), updated_by = :u
				 where id = 1 and version = :v""")
			.param("b", body).param("u", by.length() > 200 ? by.substring(0, 200) : by).param("v", version).update();
		if (updated == 0) {
			throw new ObjectOptimisticLockingFailureException("search_thesaurus", 1);
		}
		return version + 1;
	}
}
