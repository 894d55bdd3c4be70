package vn.ideabank.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.org.UnitService;

/**
 * A rebuild of the index while ideas are written: never two documents for one idea, never an idea
 * missing, and the ideas that existed before it stay searchable while it runs. Years 2007 and 2008
 * are this class's own, so other tests' counts are not disturbed.
 */
class IndexRebuildTests extends IntegrationTest {

	private static final int WRITERS = 6;

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	SearchIndexing indexing;

	@Autowired
	SearchService search;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	EntityManager em;

	@Autowired
	EntityManagerFactory emf;

	private long unit() {
		return units.findByCode("TS-THODAN").orElseThrow().id();
	}

	private Caller officer() {
		return caller("doan.thodan");
	}

	/** Creates ideas from several threads (faster than one), returns them in creation order. */
	private List<IdeaView> createIdeas(int count, int year, String word) throws Exception {
		Caller caller = officer();
		long unit = unit();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<IdeaView>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int n = i;
				futures.add(pool.submit(() -> ideas.create(caller,
						SearchTestData.idea(unit, year, "Ý tưởng thử " + word + " số " + n, "Nội dung thử " + word + " thứ " + n + "."))));
			}
			List<IdeaView> created = new ArrayList<>();
			for (Future<IdeaView> f : futures) {
				created.add(f.get());
			}
			return created;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private void awaitRebuild() throws InterruptedException {
		for (int i = 0; i < 600 && indexing.status().rebuilding(); i++) {
			Thread.sleep(50);
		}
		assertThat(indexing.status().rebuilding()).as("rebuild finished within 30 s").isFalse();
		assertThat(indexing.status().error()).isNull();
	}

	/** Until the outbox is empty: the poller may hold a batch that {@code processOutbox} skips. */
	private void drainOutbox() throws InterruptedException {
		for (int i = 0; i < 200; i++) {
			indexing.processOutbox();
			if (indexing.pendingOutbox() == 0) {
				return;
			}
			Thread.sleep(25);
		}
		assertThat(indexing.pendingOutbox()).isZero();
	}

	/** How many documents the index holds for each idea id. */
	private Map<Long, Integer> documentsPerId() {
		return new TransactionTemplate(transactions).execute(s -> {
			var session = Search.session(em);
			Map<Long, Integer> counts = new HashMap<>();
			session.search(session.scope(Object.class, SearchIndexing.ENTITY)).select(f -> f.id(Long.class))
				.where(f -> f.matchAll()).fetchAllHits().forEach(id -> counts.merge(id, 1, Integer::sum));
			return counts;
		});
	}

	private List<Long> foundIds(String word, int year) {
		return search.search(officer(), new SearchQuery(word, null, year, null, null, null, null), 0, 1000).content().stream()
			.map(SearchHit::id).toList();
	}

	@Test
	void aRebuildUnderConcurrentWritesLeavesExactlyOneDocumentPerIdea() throws Exception {
		String word = "xtaidung";
		List<IdeaView> existing = createIdeas(200, 2007, word);
		drainOutbox();

		// writers edit the newest ideas (which a rebuild in id order reaches last) and create new ones,
		// draining the outbox after each write as a fast poller would
		List<IdeaView> shared = Collections.synchronizedList(new ArrayList<>(existing.subList(100, 200)));
		List<Long> createdDuringRebuild = Collections.synchronizedList(new ArrayList<>());
		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger writes = new AtomicInteger();
		Caller caller = officer();
		long unit = unit();
		ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
		List<Future<?>> running = new ArrayList<>();
		for (int w = 0; w < WRITERS; w++) {
			int writer = w;
			running.add(writers.submit(() -> {
				for (int i = 0; !stop.get() || i < 10; i++) {
					if (i % 3 == 2) {
						IdeaView created = ideas.create(caller, SearchTestData.idea(unit, 2007,
								"Ý tưởng mới " + word + " " + writer + "-" + i, "Viết trong lúc dựng lại chỉ mục " + word + "."));
						createdDuringRebuild.add(created.id());
					}
					else {
						// each writer edits its own slice, so no two writers race on one version
						int slot = writer + WRITERS * (i % (100 / WRITERS));
						IdeaView before = shared.get(slot);
						IdeaView after = ideas.update(caller, before.id(), SearchTestData.idea(unit, 2007,
								"Ý tưởng sửa " + word + " " + writer + "-" + i, "Sửa trong lúc dựng lại chỉ mục " + word + "."),
								before.version());
						shared.set(slot, after);
					}
					writes.incrementAndGet();
					indexing.processOutbox();
				}
				return null;
			}));
		}
		try {
			Thread.sleep(100);
			assertThat(indexing.startRebuild("test")).isTrue();
			awaitRebuild();
		}
		finally {
			stop.set(true);
			for (Future<?> f : running) {
				f.get(60, TimeUnit.SECONDS);
			}
			writers.shutdownNow();
		}
		drainOutbox();
		assertThat(writes.get()).isGreaterThan(WRITERS * 10 - 1);

		Map<Long, Integer> documents = documentsPerId();
		assertThat(documents.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
			.as("ideas with more than one document").isEmpty();
		Set<Long> inDatabase = new HashSet<>(jdbc.sql("select id from idea").query(Long.class).list());
		assertThat(documents.keySet()).isEqualTo(inDatabase);

		// every idea of this test is found, with its latest text, by a search that answers normally
		Set<Long> expected = new HashSet<>(existing.stream().map(IdeaView::id).toList());
		expected.addAll(createdDuringRebuild);
		assertThat(new HashSet<>(foundIds(word, 2007))).isEqualTo(expected);
		for (IdeaView edited : shared) {
			String latest = ideas.get(caller, edited.id()).title();
			assertThat(search.search(caller, new SearchQuery(latest, null, 2007, null, null, null, null), 0, 5).content())
				.extracting(SearchHit::id).first().isEqualTo(edited.id());
		}
	}

	@Test
	void aSecondDocumentOfAnIdeaNeitherBreaksSearchNorSurvivesARebuild() throws Exception {
		// a cluster index keeps one document per id whatever writes it: the mass indexer's second copy cannot exist there
		org.junit.jupiter.api.Assumptions.assumeFalse(TestOpenSearch.enabled(), "a Lucene-only failure");
		IdeaView idea = ideas.create(officer(), SearchTestData.idea(unit(), 2007, "Bản sao xbansao", "Hai tài liệu cho một ý tưởng."));
		drainOutbox();
		// what Hibernate Search's mass indexer did to ideas edited during a rebuild: add without replacing
		Search.mapping(emf).scope(Object.class, SearchIndexing.ENTITY).massIndexer().purgeAllOnStart(false)
			.mergeSegmentsOnFinish(false).startAndWait();
		assertThat(documentsPerId().get(idea.id())).isEqualTo(2);
		// search answers (it failed with "Duplicate key" in the highlights) and shows the idea once
		assertThat(foundIds("xbansao", 2007)).containsExactly(idea.id());

		assertThat(indexing.startRebuild("test")).isTrue();
		awaitRebuild();
		assertThat(documentsPerId()).containsEntry(idea.id(), 1).allSatisfy((id, n) -> assertThat(n).isOne());
	}

	@Test
	void searchesDuringARebuildKeepFindingTheIdeasThatExistedBeforeIt() throws Exception {
		createIdeas(300, 2008, "xtruockhi");
		// created last: a rebuild in id order reaches it last
		IdeaView marker = ideas.create(officer(), SearchTestData.idea(unit(), 2008, "Dấu mốc xdaumoc", "Có từ trước khi dựng lại."));
		drainOutbox();
		assertThat(foundIds("xdaumoc", 2008)).containsExactly(marker.id());

		assertThat(indexing.startRebuild("test")).isTrue();
		int searches = 0;
		do {
			assertThat(foundIds("xdaumoc", 2008)).as("search %d during the rebuild", searches).containsExactly(marker.id());
			assertThat(foundIds("xtruockhi", 2008)).as("search %d during the rebuild", searches).hasSize(300);
			searches++;
		}
		while (indexing.status().rebuilding());
		awaitRebuild();
		assertThat(foundIds("xdaumoc", 2008)).containsExactly(marker.id());
	}
}
