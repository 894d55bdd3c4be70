package vn.ideabank.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps this node's index (or, on OpenSearch, the index all nodes share) equal to the database. Changes reach the index only through the change log
 * ({@code search_outbox}, filled by triggers in the writing transaction, read by every node through its own
 * cursor, {@link ChangeLog}): the rows after the cursor are read in order, the ideas are (re)indexed or
 * purged and the Lucene commit is forced, and only then does the cursor move. A crash anywhere leaves the
 * cursor where it was, and the next poll (or the next start) processes the rows again. Rows are pruned once
 * every live node has passed them. The log is polled on a thread of its own, on every node (each node has its
 * own index; with a shared cluster index all nodes read through one cursor, each change is written once, see
 * {@link IndexState}), never on the application's scheduler, so no other job (an e-mail send waiting on a mail server)
 * can delay indexing. Also checks the index against the database at start and starts the rebuild
 * ({@link IndexRebuild}) when it is really incomplete, or when the log was pruned past this node.
 */
@Component
class SearchIndexing implements SmartLifecycle {

	/** The indexed entity's name (JPA), for Hibernate Search scopes and queries. */
	static final String ENTITY = "Idea";

	/** Its Hibernate entity name, for loading by id. */
	static final String ORM_ENTITY = "vn.ideabank.idea.Idea";

	private static final Logger log = LoggerFactory.getLogger(SearchIndexing.class);

	private final EntityManager em;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final IndexRebuild rebuild;

	private final IndexState state;

	private final ChangeLog changes;

	private final SearchBackend backend;

	private final boolean pollingEnabled;

	private final boolean checkAtStart;

	private final int batchSize;

	private final Duration pollInterval;

	private volatile ScheduledExecutorService poller;

	/** When the heartbeat, the pruning and the lost-rows check ran last (every {@link #HOUSEKEEPING}). */
	private volatile long housekeptAt;

	/** Heartbeat, pruning and the lost-rows check: far below the live window, rare enough to cost nothing. */
	static final Duration HOUSEKEEPING = Duration.ofSeconds(10);

	/** Stops the poller without stopping the application (tests simulate a crash between commit and indexing). */
	private volatile boolean paused;

	/** Held by a poll while it runs, so that {@link #pause} returns only once no poll is under way. */
	private final Object polling = new Object();

	SearchIndexing(EntityManager em, JdbcClient jdbc, PlatformTransactionManager transactions, IndexRebuild rebuild,
			IndexState state, ChangeLog changes, SearchBackend backend,
			@Value("${ideabank.search.outbox.enabled:true}") boolean pollingEnabled,
			@Value("${ideabank.search.check-at-start:true}") boolean checkAtStart,
			@Value("${ideabank.search.outbox.batch-size:200}") int batchSize,
			@Value("${ideabank.search.outbox.poll-interval:500ms}") Duration pollInterval) {
		this.em = em;
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		this.rebuild = rebuild;
		this.state = state;
		this.changes = changes;
		this.backend = backend;
		this.pollingEnabled = pollingEnabled;
		this.checkAtStart = checkAtStart;
		this.batchSize = batchSize;
		this.pollInterval = pollInterval;
	}

	// --- the poller's own thread -------------------------------------------------------------

	@Override
	public void start() {
		try {
			changes.forgetForeignTransactionIds();
			changes.register();
		}
		catch (RuntimeException e) {
			log.warn("Search change log: this node could not register yet; the poller tries again", e);
		}
		if (pollingEnabled && poller == null) {
			ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
				Thread t = new Thread(r, "search-outbox");
				t.setDaemon(true);
				return t;
			});
			long ms = Math.max(10, pollInterval.toMillis());
			executor.scheduleWithFixedDelay(this::poll, ms, ms, TimeUnit.MILLISECONDS);
			poller = executor;
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = poller;
		poller = null;
		if (executor != null) {
			executor.shutdown();
			try {
				// a batch in progress finishes (or its rows stay for the next start)
				executor.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return poller != null;
	}

	void poll() {
		synchronized (polling) {
			pollUnlessPaused();
		}
	}

	private void pollUnlessPaused() {
		if (!paused) {
			try {
				processOutbox();
				if (System.nanoTime() - housekeptAt > HOUSEKEEPING.toNanos()) {
					housekeep();
					housekeptAt = System.nanoTime();
				}
			}
			catch (RuntimeException e) {
				log.warn("Search change log processing failed; the cursor stays and the rows are retried", e);
			}
		}
	}

	void pause(boolean pause) {
		this.paused = pause;
		synchronized (polling) {
			// a poll under way when the pause was asked has finished: nothing is indexed from here on
		}
	}

	// --- the outbox --------------------------------------------------------------------------

	/** Indexes the log's rows after this node's cursor until none is left; returns how many were handled. */
	int processOutbox() {
		int total = 0;
		while (true) {
			Integer done = tx.execute(s -> processBatch());
			if (done == null || done == 0) {
				break;
			}
			total += done;
		}
		return total;
	}

	private int processBatch() {
		// before the rows are read: a rebuild batch that read these ideas earlier has written them by now
		IndexLock.exclusive(jdbc, state.lockKey());
		ChangeLog.Position from = changes.cursor().orElseGet(changes::register);
		List<ChangeLog.Change> rows = changes.after(from, batchSize);
		if (rows.isEmpty()) {
			return 0;
		}
		Set<Long> ideaIds = new LinkedHashSet<>();
		for (ChangeLog.Change row : rows) {
			ideaIds.add(row.ideaId());
		}
		Session session = em.unwrap(Session.class);
		SearchSession search = Search.session(em);
		// the Lucene commit is forced here, whatever the backend's commit interval (which the rebuild uses); a
		// cluster is also refreshed, so that the next search finds the batch
		search.indexingPlanSynchronizationStrategy(backend.changeLogWrites());
		SearchIndexingPlan plan = search.indexingPlan();
		List<Long> ids = new ArrayList<>(ideaIds);
		List<?> loaded = session.byMultipleIds(ORM_ENTITY).multiLoad(ids);
		for (int i = 0; i < ids.size(); i++) {
			Object idea = loaded.get(i);
			if (idea == null) {
				plan.purge(ENTITY, ids.get(i), null);
			}
			else {
				plan.addOrUpdate(idea); // an update by id: never a second document for one idea
			}
		}
		plan.execute();
		// only after Lucene's commit, at the transaction's end (a crash before its commit leaves the cursor)
		changes.advance(rows.get(rows.size() - 1).position());
		// what every live node has now read goes in the same commit: with one node, the rows this batch indexed
		// (as the outbox deleted them before)
		changes.prune();
		session.clear();
		return rows.size();
	}

	/**
	 * The node says it is alive, prunes what every live node has read, and rebuilds when rows it had not read
	 * were pruned (it was away, or stuck, longer than the live window).
	 */
	void housekeep() {
		changes.heartbeat();
		changes.prune();
		if (changes.lost() && !rebuild.running()) {
			log.warn("Search change log was pruned past this node ({}): rebuilding its index in place", changes.node());
			startRebuild("change log pruned past this node");
		}
	}

	/** Rows of the log this node has not indexed yet. */
	long pendingOutbox() {
		return changes.pending()[0];
	}

	long indexedDocuments() {
		return tx.execute(s -> {
			SearchSession session = Search.session(em);
			return session.search(session.scope(Object.class, ENTITY)).where(f -> f.matchAll()).fetchTotalHitCount();
		});
	}

	/** Ideas in the database (by table: this module never imports the idea module's classes). */
	long databaseDocuments() {
		return jdbc.sql("select count(*) from idea").query(Long.class).single();
	}

	// --- status and rebuild ------------------------------------------------------------------

	record Status(long indexed, long inDatabase, long pending, boolean rebuilding, long done, long total, String error,
			Instant rebuiltAt, String rebuiltBy) {

		int percent() {
			return total <= 0 ? (rebuilding ? 0 : 100) : (int) Math.min(100, done * 100 / total);
		}
	}

	Status status() {
		var last = jdbc.sql("select rebuilt_at, rebuilt_by from search_index_state where id = 1")
			.query((rs, n) -> new Object[] { rs.getTimestamp(1), rs.getString(2) }).optional().orElse(new Object[2]);
		Instant at = last[0] == null ? null : ((java.sql.Timestamp) last[0]).toInstant();
		return new Status(indexedDocuments(), databaseDocuments(), pendingOutbox(), rebuild.running(), rebuild.done(),
				rebuild.total(), rebuild.error(), at, (String) last[1]);
	}

	/** Starts a full rebuild in the background; false when one is already running. */
	boolean startRebuild(String by) {
		return rebuild.start(by);
	}

	// --- the start-up check ------------------------------------------------------------------

	/**
	 * The index and the database, measured while the outbox and any rebuild are held back, the two
	 * database counts in one snapshot (see {@link IndexCheck}).
	 */
	IndexCheck inspect() {
		return tx.execute(s -> {
			IndexLock.exclusive(jdbc, state.lockKey());
			long indexed = indexedDocuments();
			changes.register();
			long[] db = jdbc.sql("""
					select (select count(*) from idea), (select count(distinct o.entity_id) from search_outbox o, search_node c
					  where c.node_id = :n and (o.txid, o.id) > (c.cursor_txid, c.cursor_id))""")
				.param("n", changes.node()).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
			return new IndexCheck(indexed, db[0], db[1], state.read().orElse(null), state.currentMapping(), changes.lost());
		});
	}

	/**
	 * At start: process what the outbox still holds, then rebuild (in the background, in place) only when
	 * the index is empty, was being rebuilt, has another mapping, or misses more than the outbox explains.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void checkAtStart() {
		if (!checkAtStart) {
			return;
		}
		try {
			int pending = processOutbox();
			if (pending > 0) {
				log.info("Search index: {} changes left in the outbox were indexed at start", pending);
			}
			IndexCheck check = inspect();
			IndexCheck.Verdict verdict = check.verdict();
			if (verdict.rebuild()) {
				log.warn("Search index is {} ({} documents, {} ideas in the database, {} waiting in the outbox): rebuilding in place",
						verdict, check.indexed(), check.inDatabase(), check.pendingIdeas());
				startRebuild("start-up check");
			}
			else {
				log.info("Search index is current: {} documents, {} ideas in the database, {} waiting in the outbox",
						check.indexed(), check.inDatabase(), check.pendingIdeas());
				if (check.stamp() == null) {
					state.complete();
				}
			}
		}
		catch (RuntimeException e) {
			log.error("Search index check at start failed", e);
		}
	}
}
