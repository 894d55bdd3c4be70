package vn.ideabank.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.IntegrationTest;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.org.UnitService;

/**
 * The change log read by several nodes (docs/search.md, "Several nodes"): a row whose id commits after a
 * higher one is not skipped, rows stay for a live node that has not read them and go once it is no longer
 * live, and a node the log was pruned past rebuilds.
 */
class ChangeLogTests extends IntegrationTest {

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	SearchIndexing indexing;

	@Autowired
	ChangeLog changes;

	@Autowired
	SearchService search;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	private long unit() {
		return units.findByCode("TS-THODAN").orElseThrow().id();
	}

	private List<String> found(String q) {
		return search.search(caller("doan.thodan"), SearchQuery.of(q), 0, 10).content().stream().map(SearchHit::code).toList();
	}

	@Test
	void aChangeThatCommitsAfterALaterOneIsNotSkipped() throws Exception {
		IdeaView slow = ideas.create(caller("doan.thodan"), SearchTestData.idea(unit(), "Chậm xchamtruoc", "Nội dung."));
		indexing.processOutbox();
		indexing.pause(true);
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			// transaction 1 takes the lower log id and stays open
			try (PreparedStatement s = c.prepareStatement("update idea set title = 'Chậm xchamsau' where id = ?")) {
				s.setLong(1, slow.id());
				s.executeUpdate();
			}
			// transaction 2 takes a higher id and commits first
			IdeaView fast = ideas.create(caller("doan.thodan"), SearchTestData.idea(unit(), "Nhanh xnhanhsau", "Nội dung."));
			indexing.processOutbox();
			// it waits for the older transaction (the horizon), rather than letting the cursor pass the lower id
			assertThat(found("xnhanhsau")).isEmpty();
			c.commit();
			indexing.processOutbox();
			assertThat(found("xnhanhsau")).containsExactly(fast.code());
			assertThat(found("xchamsau")).containsExactly(slow.code());
		}
		finally {
			indexing.pause(false);
		}
	}

	@Test
	void rowsStayForALiveNodeThatHasNotReadThemAndGoWhenItIsNoLongerLive() {
		indexing.processOutbox();
		ChangeLog.Position mine = changes.cursor().orElseThrow();
		jdbc.sql("insert into search_node (node_id, cursor_txid, cursor_id) values ('other-node', :t, :i)")
			.param("t", mine.txid()).param("i", mine.id()).update();
		try {
			IdeaView idea = ideas.create(caller("doan.thodan"), SearchTestData.idea(unit(), "Hai nút xhainut", "Nội dung."));
			indexing.processOutbox();
			assertThat(found("xhainut")).containsExactly(idea.code());
			assertThat(rows(idea.id())).as("kept for the other node").isPositive();
			// the other node falls silent for longer than the live window (1 h)
			jdbc.sql("update search_node set heartbeat_at = now() - interval '2 hours' where node_id = 'other-node'").update();
			changes.prune();
			assertThat(rows(idea.id())).isZero();
			// had it come back now, it would have to rebuild: rows it had not read are gone
			assertThat(jdbc.sql("""
					select (c.cursor_txid, c.cursor_id) < (s.pruned_txid, s.pruned_id) from search_node c, search_index_state s
					 where c.node_id = 'other-node' and s.id = 1""").query(Boolean.class).single()).isTrue();
		}
		finally {
			jdbc.sql("delete from search_node where node_id = 'other-node'").update();
		}
	}

	@Test
	void aNodeTheLogWasPrunedPastRebuildsAndContinuesFromTheRebuildsStart() throws InterruptedException {
		IdeaView idea = ideas.create(caller("doan.thodan"), SearchTestData.idea(unit(), "Vắng lâu xvanglau", "Nội dung."));
		indexing.processOutbox();
		// what a node away for longer than the window finds: its cursor below the pruned mark
		jdbc.sql("update search_node set cursor_txid = -1, cursor_id = -1 where node_id = :n").param("n", changes.node()).update();
		assertThat(changes.lost()).isTrue();
		assertThat(indexing.inspect().verdict()).isEqualTo(IndexCheck.Verdict.LOG_PRUNED);
		indexing.housekeep();
		for (int i = 0; i < 300 && indexing.status().rebuilding(); i++) {
			Thread.sleep(100);
		}
		assertThat(changes.lost()).isFalse();
		assertThat(indexing.inspect().verdict()).isEqualTo(IndexCheck.Verdict.CURRENT);
		assertThat(found("xvanglau")).containsExactly(idea.code());
	}

	private long rows(long ideaId) {
		return jdbc.sql("select count(*) from search_outbox where entity_id = :id").param("id", ideaId).query(Long.class).single();
	}
}
