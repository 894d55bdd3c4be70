package vn.ideabank.search;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Orders the index writes of the outbox and of a rebuild, so that an idea's newest text always lands
 * last. Each write reads the ideas and writes their documents while holding a PostgreSQL advisory lock
 * of its transaction: the outbox (and the start-up check) exclusively, the rebuild's batches shared (they
 * touch different ideas and may run side by side). A rebuild batch that read an idea before an edit is
 * therefore written before the outbox reads that edit; one that reads after it writes the edit itself.
 * A database lock rather than a Java one, so that it also orders several nodes writing one shared
 * Elasticsearch index.
 */
final class IndexLock {

	/** Any constant, the same on every node ("IDEA" "5EA4"). */
	private static final long KEY = 0x1DEA_5EA4L;

	private IndexLock() {
	}

	/** Waits until no rebuild batch nor other outbox batch writes, until the transaction ends. */
	static void exclusive(JdbcClient jdbc) {
		jdbc.sql("select pg_advisory_xact_lock(:k)").param("k", KEY).query((rs, n) -> 1).list();
	}

	/** Waits until no outbox batch writes; other rebuild batches may, until the transaction ends. */
	static void shared(JdbcClient jdbc) {
		jdbc.sql("select pg_advisory_xact_lock_shared(:k)").param("k", KEY).query((rs, n) -> 1).list();
	}
}
