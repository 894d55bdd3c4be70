package vn.ideabank.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.Session;
import org.hibernate.search.engine.backend.work.execution.DocumentCommitStrategy;
import org.hibernate.search.engine.backend.work.execution.DocumentRefreshStrategy;
import org.hibernate.search.engine.search.query.SearchScroll;
import org.hibernate.search.engine.search.query.SearchScrollResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The full rebuild, done in place so that the index is never emptied while it is read: every idea of the
 * database is written again as an update by its id (which also removes any second copy), in batches of
 * consecutive ids, then the documents whose idea no longer exists are purged. Searches keep finding every
 * idea throughout, and a crash at any point leaves a complete index (each document the old or the new
 * version); the state file says a rebuild was under way, so the next start runs it again.
 * <p>
 * Each batch reads its ideas and writes their documents under {@link IndexLock} (shared), so an edit the
 * outbox indexes during the rebuild is never overwritten by the rebuild's older copy. Hibernate Search's
 * mass indexer is not used: it purges the index first and then adds documents without replacing, so a
 * change indexed by the outbox meanwhile ended up twice.
 */
@Component
class IndexRebuild implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(IndexRebuild.class);

	/** Ids per batch (ideas and their authors are loaded in batches of 100). */
	private static final int BATCH_IDS = 200;

	/** Documents looked up at a time when purging those whose idea is gone. */
	private static final int ORPHAN_CHUNK = 1000;

	/** Waits for the batch's documents to be written (so the lock orders them) but leaves the commit to the backend's interval. */
	private static final IndexingPlanSynchronizationStrategy WRITTEN_NOT_COMMITTED = context -> {
		context.documentCommitStrategy(DocumentCommitStrategy.NONE);
		context.documentRefreshStrategy(DocumentRefreshStrategy.NONE);
		context.indexingFutureHandler(future -> future.join().throwable().ifPresent(t -> {
			throw new IllegalStateException("Indexing failed: " + t.getMessage(), t);
		}));
	};

	private final EntityManagerFactory emf;

	private final EntityManager em;

	private final JdbcClient jdbc;

	private final TransactionTemplate readOnly;

	private final IndexState state;

	private final ChangeLog changes;

	private final int threads;

	private final AtomicBoolean running = new AtomicBoolean();

	private final AtomicLong done = new AtomicLong();

	private final AtomicLong total = new AtomicLong();

	private volatile boolean stopping;

	private volatile String error;

	private volatile Thread coordinator;

	IndexRebuild(EntityManagerFactory emf, EntityManager em, JdbcClient jdbc, PlatformTransactionManager transactions,
			IndexState state, ChangeLog changes, @Value("${ideabank.search.rebuild.threads:1}") int threads) {
		this.emf = emf;
		this.em = em;
		this.jdbc = jdbc;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.state = state;
		this.changes = changes;
		this.threads = Math.max(1, threads);
	}

	boolean running() {
		return running.get();
	}

	long done() {
		return done.get();
	}

	long total() {
		return total.get();
	}

	String error() {
		return error;
	}

	/** Starts a rebuild in the background; false when one is already running. */
	boolean start(String by) {
		if (stopping || !running.compareAndSet(false, true)) {
			return false;
		}
		done.set(0);
		total.set(0);
		error = null;
		Thread t = new Thread(() -> {
			try {
				run(by);
			}
			catch (RuntimeException | InterruptedException e) {
				error = String.valueOf(e.getMessage());
				log.error("Search index rebuild failed; the index keeps its documents, the next start rebuilds again", e);
			}
			finally {
				running.set(false);
			}
		}, "search-rebuild");
		t.setDaemon(true);
		coordinator = t;
		t.start();
		return true;
	}

	private void run(String by) throws InterruptedException {
		long started = System.nanoTime();
		state.rebuildStarted();
		// the log position taken before any read: what committed before it the batches read from the database,
		// the rest the log brings (a node whose log was pruned away continues from here)
		changes.register();
		changes.advance(changes.horizon());
		long[] range = jdbc.sql("select coalesce(min(id), 1) - 1, coalesce(max(id), 0), count(*) from idea")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).single();
		total.set(range[2]);
		// ideas committed after this point reach the index through the change log anyway
		AtomicLong next = new AtomicLong(range[0]);
		Runnable worker = () -> {
			for (long from = next.getAndAdd(BATCH_IDS); from < range[1] && !stopping; from = next.getAndAdd(BATCH_IDS)) {
				long lo = from;
				Integer n = readOnly.execute(s -> indexBatch(lo, lo + BATCH_IDS));
				done.addAndGet(n == null ? 0 : n);
			}
		};
		if (threads == 1) {
			worker.run();
		}
		else {
			ExecutorService pool = Executors.newFixedThreadPool(threads, r -> new Thread(r, "search-rebuild-worker"));
			try {
				List<Future<?>> futures = new ArrayList<>();
				for (int i = 0; i < threads; i++) {
					futures.add(pool.submit(worker));
				}
				for (Future<?> f : futures) {
					join(f);
				}
			}
			finally {
				pool.shutdownNow();
			}
		}
		if (stopping) {
			log.info("Search index rebuild stopped with the application; the next start runs it again");
			return;
		}
		long purged = purgeOrphans();
		var workspace = Search.mapping(emf).scope(Object.class, SearchIndexing.ENTITY).workspace();
		workspace.flush();
		workspace.refresh(); // a cluster shows the last batches to searches now, not at its next refresh
		state.complete();
		long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
		jdbc.sql("update search_index_state set rebuilt_at = now(), rebuilt_by = :by, documents = :d where id = 1")
			.param("by", by).param("d", done.get()).update();
		log.info("Search index rebuilt by {}: {} ideas in {} s ({} per second), {} documents of deleted ideas purged", by,
				done.get(), seconds, done.get() / seconds, purged);
	}

	private static void join(Future<?> f) throws InterruptedException {
		try {
			f.get();
		}
		catch (java.util.concurrent.ExecutionException e) {
			throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
		}
	}

	/** Writes again the ideas whose id is above {@code from} and at most {@code to}, each as an update by id; returns how many. */
	private int indexBatch(long from, long to) {
		IndexLock.shared(jdbc, state.lockKey());
		List<Long> ids = jdbc.sql("select id from idea where id > :from and id <= :to order by id")
			.param("from", from).param("to", to).query(Long.class).list();
		if (ids.isEmpty()) {
			return 0;
		}
		Session session = em.unwrap(Session.class);
		SearchSession search = Search.session(em);
		search.indexingPlanSynchronizationStrategy(WRITTEN_NOT_COMMITTED);
		SearchIndexingPlan plan = search.indexingPlan();
		List<?> loaded = session.byMultipleIds(SearchIndexing.ORM_ENTITY).multiLoad(ids);
		for (int i = 0; i < ids.size(); i++) {
			if (loaded.get(i) == null) {
				plan.purge(SearchIndexing.ENTITY, ids.get(i), null); // deleted since the ids were read
			}
			else {
				plan.addOrUpdate(loaded.get(i));
			}
		}
		plan.execute();
		session.clear();
		return ids.size();
	}

	/** Purges the documents whose idea is no longer in the database (ids are never reused). */
	private long purgeOrphans() {
		Long purged = readOnly.execute(s -> {
			SearchSession search = Search.session(em);
			search.indexingPlanSynchronizationStrategy(WRITTEN_NOT_COMMITTED);
			long count = 0;
			try (SearchScroll<Long> scroll = search.search(search.scope(Object.class, SearchIndexing.ENTITY))
				.select(f -> f.id(Long.class)).where(f -> f.matchAll()).scroll(ORPHAN_CHUNK)) {
				for (SearchScrollResult<Long> chunk = scroll.next(); chunk.hasHits() && !stopping; chunk = scroll.next()) {
					Set<Long> gone = new HashSet<>(chunk.hits());
					gone.removeAll(jdbc.sql("select id from idea where id in (:ids)").param("ids", chunk.hits())
						.query(Long.class).list());
					if (!gone.isEmpty()) {
						SearchIndexingPlan plan = search.indexingPlan();
						gone.forEach(id -> plan.purge(SearchIndexing.ENTITY, id, null));
						plan.execute();
						count += gone.size();
					}
				}
			}
			return count;
		});
		return purged == null ? 0 : purged;
	}

	/** The application stops: the rebuild ends after its current batch (the state file still says it is under way). */
	@Override
	public void destroy() throws InterruptedException {
		stopping = true;
		Thread t = coordinator;
		if (t != null) {
			t.join(TimeUnit.SECONDS.toMillis(10));
		}
	}
}
