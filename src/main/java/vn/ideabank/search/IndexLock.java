package vn.ideabank.search;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Orders the index writes of the change log and of a rebuild on one index, so that an idea's newest text
 * always lands last. Each write reads the ideas and writes their documents while holding a PostgreSQL advisory lock
 * of its transaction: the outbox (and the start-up check) exclusively, the rebuild's batches shared (they
 * touch different ideas and may run side by side). A rebuild batch that read an idea before an edit is
 * therefore written before the outbox reads that edit; one that reads after it writes the edit itself.
 * The key is the index's own ({@link IndexState#lockKey()}): each node's Lucene index is ordered on its own, and
 * a rebuild on one node never holds back another node's indexing. (A database lock rather than a Java one, so
 * that nodes writing one shared Elasticsearch index could share a key.)
 */
final class IndexLock {

	/** The high half of every key ("IDEA" "5EA4"); the low half names the index. */
	static final long KEY = 0x1DEA_5EA4L;

	private IndexLock() {
	}

	/** Waits until no rebuild batch nor other outbox batch writes, until the transaction ends. */
	static void exclusive(JdbcClient jdbc, long key) {
		jdbc.sql("select pg_advisory_xact_lock(:k)").param("k", key).query((rs, n) -> 1).list();
	}

	/** Waits until no outbox batch writes; other rebuild batches may, until the transaction ends. */
	static void shared(JdbcClient jdbc, long key) {
		jdbc.sql("select pg_advisory_xact_lock_shared(:k)").param("k", key).query((rs, n) -> 1).list();
	}
}
