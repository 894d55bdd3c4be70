package vn.ideabank.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.Session;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the index equal to the database. Changes reach the index only through the outbox
 * ({@code search_outbox}, filled by triggers in the writing transaction): a batch of rows is locked,
 * the ideas are (re)indexed or purged and the Lucene commit is forced, and only then are the rows
 * deleted. A crash anywhere leaves the rows, which the next poll (or the next start) processes again.
 * Also runs the full rebuild (Hibernate Search's mass indexer) with progress, and checks the index
 * against the database at start.
 */
@Component
class SearchIndexing {

	/** The indexed entity's name (JPA), for Hibernate Search scopes and queries. */
	static final String ENTITY = "Idea";

	/** Its Hibernate entity name, for loading by id. */
	private static final String ORM_ENTITY = "vn.ideabank.idea.Idea";

	private static final Logger log = LoggerFactory.getLogger(SearchIndexing.class);

	private final EntityManagerFactory emf;

	private final EntityManager em;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final boolean pollingEnabled;

	private final boolean checkAtStart;

	private final int batchSize;

	private final int rebuildThreads;

	private final AtomicBoolean rebuilding = new AtomicBoolean();

	private final AtomicLong rebuildDone = new AtomicLong();

	private final AtomicLong rebuildTotal = new AtomicLong();

	private volatile String rebuildError;

	/** Stops the poller without stopping the application (tests simulate a crash between commit and indexing). */
	private volatile boolean paused;

	SearchIndexing(EntityManagerFactory emf, EntityManager em, JdbcClient jdbc, PlatformTransactionManager transactions,
			@Value("${ideabank.search.outbox.enabled:true}") boolean pollingEnabled,
			@Value("${ideabank.search.check-at-start:true}") boolean checkAtStart,
			@Value("${ideabank.search.outbox.batch-size:200}") int batchSize,
			@Value("${ideabank.search.rebuild.threads:1}") int rebuildThreads) {
		this.emf = emf;
		this.em = em;
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		this.pollingEnabled = pollingEnabled;
		this.checkAtStart = checkAtStart;
		this.batchSize = batchSize;
		this.rebuildThreads = Math.max(1, rebuildThreads);
	}

	@Scheduled(fixedDelayString = "${ideabank.search.outbox.poll-interval:500ms}", initialDelayString = "${ideabank.search.outbox.poll-interval:500ms}")
	void poll() {
		if (pollingEnabled && !paused) {
			try {
				processOutbox();
			}
			catch (RuntimeException e) {
				log.warn("Search outbox processing failed; the rows stay and are retried", e);
			}
		}
	}

	void pause(boolean pause) {
		this.paused = pause;
	}

	/** Processes the outbox until it is empty; returns how many rows were handled. */
	int processOutbox() {
		int total = 0;
		while (true) {
			Integer done = tx.execute(s -> processBatch());
			if (done == null || done == 0) {
				return total;
			}
			total += done;
		}
	}

	private int processBatch() {
		List<Map<String, Object>> rows = jdbc.sql("select id, entity_id from search_outbox order by id limit :n for update skip locked")
			.param("n", batchSize).query().listOfRows();
		if (rows.isEmpty()) {
			return 0;
		}
		List<Long> rowIds = new ArrayList<>();
		Set<Long> ideaIds = new LinkedHashSet<>();
		for (Map<String, Object> row : rows) {
			rowIds.add(((Number) row.get("id")).longValue());
			ideaIds.add(((Number) row.get("entity_id")).longValue());
		}
		Session session = em.unwrap(Session.class);
		SearchSession search = Search.session(em);
		// the Lucene commit is forced here, whatever the backend's commit interval (which the rebuild uses)
		search.indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.writeSync());
		SearchIndexingPlan plan = search.indexingPlan();
		List<Long> ids = new ArrayList<>(ideaIds);
		List<?> loaded = session.byMultipleIds(ORM_ENTITY).multiLoad(ids);
		for (int i = 0; i < ids.size(); i++) {
			Object idea = loaded.get(i);
			if (idea == null) {
				plan.purge(ENTITY, ids.get(i), null);
			}
			else {
				plan.addOrUpdate(idea);
			}
		}
		plan.execute();
		jdbc.sql("delete from search_outbox where id in (:ids)").param("ids", rowIds).update();
		session.clear();
		return rows.size();
	}

	long pendingOutbox() {
		return jdbc.sql("select count(*) from search_outbox").query(Long.class).single();
	}

	long indexedDocuments() {
		return tx.execute(s -> {
			SearchSession session = Search.session(em);
			return session.search(session.scope(Object.class, ENTITY)).where(f -> f.matchAll()).fetchTotalHitCount();
		});
	}

	/** Ideas in the database (the entity by name: this module never imports the idea module's classes). */
	long databaseDocuments() {
		return tx.execute(s -> em.createQuery("select count(i) from " + ENTITY + " i", Long.class).getSingleResult());
	}

	// --- rebuild -----------------------------------------------------------------------------

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
		return new Status(indexedDocuments(), databaseDocuments(), pendingOutbox(), rebuilding.get(), rebuildDone.get(),
				rebuildTotal.get(), rebuildError, at, (String) last[1]);
	}

	/** Starts a full rebuild in the background; false when one is already running. */
	boolean startRebuild(String by) {
		if (!rebuilding.compareAndSet(false, true)) {
			return false;
		}
		rebuildDone.set(0);
		rebuildTotal.set(0);
		rebuildError = null;
		try {
			Search.mapping(emf).scope(Object.class, ENTITY).massIndexer()
				.threadsToLoadObjects(rebuildThreads)
				.batchSizeToLoadObjects(100)
				.monitor(new Progress())
				.start()
				.whenComplete((ok, failure) -> {
					if (failure != null) {
						rebuildError = String.valueOf(failure.getMessage());
						log.error("Search index rebuild failed", failure);
					}
					else {
						long docs = indexedDocuments();
						jdbc.sql("update search_index_state set rebuilt_at = now(), rebuilt_by = :by, documents = :d where id = 1")
							.param("by", by).param("d", docs).update();
						log.info("Search index rebuilt by {}: {} documents", by, docs);
					}
					rebuilding.set(false);
				});
		}
		catch (RuntimeException e) {
			rebuilding.set(false);
			throw e;
		}
		return true;
	}

	private final class Progress implements MassIndexingMonitor {

		@Override
		public void documentsAdded(long increment) {
			rebuildDone.addAndGet(increment);
		}

		@Override
		public void documentsBuilt(long increment) {
		}

		@Override
		public void entitiesLoaded(long increment) {
		}

		@Override
		public void addToTotalCount(long increment) {
			rebuildTotal.addAndGet(increment);
		}

		@Override
		public void indexingCompleted() {
		}
	}

	/** At start: process what the outbox still holds, then rebuild when the index and the database disagree. */
	@EventListener(ApplicationReadyEvent.class)
	void checkAtStart() {
		if (!checkAtStart) {
			return;
		}
		try {
			int pending = processOutbox();
			long indexed = indexedDocuments();
			long inDatabase = databaseDocuments();
			if (pending > 0) {
				log.info("Search index: {} changes left in the outbox were indexed at start", pending);
			}
			if (indexed != inDatabase) {
				log.warn("Search index is {} ({} documents, {} ideas in the database): rebuilding",
						indexed == 0 ? "empty" : "stale", indexed, inDatabase);
				startRebuild("start-up check");
			}
			else {
				log.info("Search index holds all {} ideas", indexed);
			}
		}
		catch (RuntimeException e) {
			log.error("Search index check at start failed", e);
		}
	}
}
