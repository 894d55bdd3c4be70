package vn.ideabank.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.persistence.EntityManager;

import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ideabank.IntegrationTest;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.org.UnitService;

/**
 * No acknowledged idea goes missing from search: the outbox row is written in the idea's own
 * transaction, survives while nothing indexes (a crash), and is indexed at the next start.
 */
class IndexSafetyTests extends IntegrationTest {

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	SearchIndexing indexing;

	@Autowired
	SearchService search;

	@Autowired
	IndexState state;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	EntityManager em;

	private long unit() {
		return units.findByCode("TS-THODAN").orElseThrow().id();
	}

	private long outboxRows(long ideaId) {
		return jdbc.sql("select count(*) from search_outbox where entity_id = :id").param("id", ideaId).query(Long.class).single();
	}

	private List<String> found(String q) {
		return search.search(caller("doan.thodan"), SearchQuery.of(q), 0, 10).content().stream().map(SearchHit::code).toList();
	}

	@Test
	void theOutboxRowIsPartOfTheIdeasTransactionAndGoesWithItsRollback() {
		TransactionTemplate tx = new TransactionTemplate(transactions);
		Long[] id = new Long[1];
		tx.executeWithoutResult(status -> {
			IdeaView idea = ideas.create(caller("doan.thodan"), SearchTestData.idea(unit(), "Trong giao dịch xgiaodich", "Nội dung."));
			id[0] = idea.id();
			assertThat(outboxRows(idea.id())).isPositive();
			status.setRollbackOnly();
		});
		assertThat(outboxRows(id[0])).isZero();
	}

	@Test
	void anIdeaCommittedWhileNothingIndexesIsSearchableAfterTheRestart() {
		indexing.pause(true);
		try {
			IdeaView idea = ideas.create(caller("doan.thodan"),
					SearchTestData.idea(unit(), "Sau sự cố xsausuco", "Ghi vào cơ sở dữ liệu trước khi chỉ mục kịp cập nhật."));
			// the "crash": committed and acknowledged, not indexed; the outbox holds it
			assertThat(outboxRows(idea.id())).isPositive();
			assertThat(found("xsausuco")).isEmpty();
			// what a start does
			indexing.checkAtStart();
			assertThat(outboxRows(idea.id())).isZero();
			assertThat(found("xsausuco")).containsExactly(idea.code());
		}
		finally {
			indexing.pause(false);
		}
	}

	@Test
	void writesWaitingInTheOutboxAtStartAreNotMistakenForAStaleIndex() {
		indexing.processOutbox();
		indexing.pause(true);
		try {
			// requests served while the application starts: committed, not yet indexed
			for (int i = 0; i < 3; i++) {
				ideas.create(caller("doan.thodan"), SearchTestData.idea(unit(), "Đang ghi xdangghi " + i, "Nội dung."));
			}
			IndexCheck check = indexing.inspect();
			assertThat(check.pendingIdeas()).isGreaterThanOrEqualTo(3);
			assertThat(check.inDatabase()).isGreaterThan(check.indexed());
			assertThat(check.verdict()).isEqualTo(IndexCheck.Verdict.CURRENT);
		}
		finally {
			indexing.pause(false);
		}
	}

	@Test
	void aRebuildCutShortByACrashRunsAgainAtTheNextStart() throws InterruptedException {
		// what a crash in the middle of a rebuild leaves: a complete index, and a state file saying "under way"
		state.rebuildStarted();
		assertThat(indexing.inspect().verdict()).isEqualTo(IndexCheck.Verdict.INTERRUPTED);
		indexing.checkAtStart();
		for (int i = 0; i < 300 && indexing.status().rebuilding(); i++) {
			Thread.sleep(100);
		}
		assertThat(state.read()).hasValue(new IndexState.Stamp(state.currentMapping(), false));
		assertThat(indexing.inspect().verdict()).isEqualTo(IndexCheck.Verdict.CURRENT);
	}

	@Test
	void aStaleIndexIsNoticedAtStartAndRebuilt() throws InterruptedException {
		IdeaView idea = ideas.create(caller("doan.thodan"), SearchTestData.idea(unit(), "Chỉ mục cũ xchimuccu", "Nội dung."));
		indexing.processOutbox();
		// the document disappears from the index behind the database's back
		new TransactionTemplate(transactions).executeWithoutResult(s -> {
			var plan = Search.session(em).indexingPlan();
			plan.purge(SearchIndexing.ENTITY, idea.id(), null);
			plan.execute();
		});
		assertThat(found("xchimuccu")).isEmpty();
		indexing.checkAtStart();
		for (int i = 0; i < 300 && indexing.status().rebuilding(); i++) {
			Thread.sleep(100);
		}
		assertThat(found("xchimuccu")).containsExactly(idea.code());
	}
}
