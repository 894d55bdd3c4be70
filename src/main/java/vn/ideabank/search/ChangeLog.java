package vn.ideabank.search;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The search change log ({@code search_outbox}) as this node reads it. Every node keeps its own cursor
 * ({@code search_node}) and reads every row, so each node's Lucene index gets every change; rows are pruned
 * only once every live node has passed them (docs/search.md, "Several nodes").
 * <p>
 * A position is a pair (writing transaction's id, row id). Row ids come from a sequence taken in the writing
 * transaction, so a lower id can commit after a higher one; a cursor over ids alone would skip it. A reader
 * therefore takes only rows of transactions that are over ({@code txid} below the oldest transaction still
 * running, {@code pg_snapshot_xmin}): those rows are all visible, and no row can appear later below the
 * cursor. The price: indexing waits for the oldest write transaction still open.
 */
@Component
class ChangeLog {

	/** A place in the log: every row at or below it (by transaction id, then row id) is in the index. */
	record Position(long txid, long id) implements Comparable<Position> {

		/** Below every row: where a node that lost rows (pruned while it was away) is put, so that it rebuilds. */
		static final Position LOST = new Position(-1, -1);

		static final Position ZERO = new Position(0, 0);

		@Override
		public int compareTo(Position o) {
			int c = Long.compare(txid, o.txid);
			return c != 0 ? c : Long.compare(id, o.id);
		}
	}

	/** One row of the log. */
	record Change(Position position, long ideaId) {
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final IndexState state;

	private final Duration liveWindow;

	ChangeLog(JdbcClient jdbc, PlatformTransactionManager transactions, IndexState state,
			@Value("${ideabank.search.nodes.live-window:PT1H}") Duration liveWindow) {
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		this.state = state;
		this.liveWindow = liveWindow;
	}

	String node() {
		return state.nodeId();
	}

	/**
	 * Makes sure this node has a cursor and returns it. A new node starts where the log now begins (its index is
	 * empty, so the start-up check rebuilds it). A node that had one and finds it gone (a restored or cleaned
	 * database) starts below everything when rows were pruned meanwhile, so it rebuilds too.
	 */
	Position register() {
		return tx.execute(s -> {
			Position pruned = lockPruned();
			Optional<Position> cursor = cursor();
			if (cursor.isPresent()) {
				return cursor.get();
			}
			Position start = state.nodeIdIsNew() || pruned.equals(Position.ZERO) ? pruned : Position.LOST;
			jdbc.sql("""
					insert into search_node (node_id, cursor_txid, cursor_id, host) values (:n, :t, :i, :h)
					on conflict (node_id) do nothing""")
				.param("n", node()).param("t", start.txid()).param("i", start.id()).param("h", host()).update();
			return cursor().orElseThrow();
		});
	}

	/**
	 * Rows restored from another PostgreSQL cluster (a backup) carry its transaction ids, which this cluster
	 * may not have reached yet: they would wait for ever. Such ids are set back to 0 (read first), and a pruned
	 * mark or a cursor from there is reset. Called at start, before reading.
	 */
	void forgetForeignTransactionIds() {
		tx.executeWithoutResult(s -> {
			lockPruned();
			String next = "pg_snapshot_xmax(pg_current_snapshot())::text::bigint";
			jdbc.sql("update search_outbox set txid = 0 where txid >= " + next).update();
			jdbc.sql("update search_index_state set pruned_txid = 0, pruned_id = 0 where id = 1 and pruned_txid >= " + next).update();
			jdbc.sql("update search_node set cursor_txid = -1, cursor_id = -1 where cursor_txid >= " + next).update();
		});
	}

	private Position lockPruned() {
		return jdbc.sql("select pruned_txid, pruned_id from search_index_state where id = 1 for update")
			.query((rs, n) -> new Position(rs.getLong(1), rs.getLong(2))).single();
	}

	Optional<Position> cursor() {
		return jdbc.sql("select cursor_txid, cursor_id from search_node where node_id = :n").param("n", node())
			.query((rs, n) -> new Position(rs.getLong(1), rs.getLong(2))).optional();
	}

	/** True when rows this node had not read were pruned (it was away longer than the live window): it must rebuild. */
	boolean lost() {
		return jdbc.sql("""
				select (c.cursor_txid, c.cursor_id) < (s.pruned_txid, s.pruned_id)
				  from search_node c, search_index_state s where c.node_id = :n and s.id = 1""")
			.param("n", node()).query(Boolean.class).optional().orElse(false);
	}

	/** The next rows after {@code from}, in order, of transactions that are over. */
	List<Change> after(Position from, int limit) {
		return jdbc.sql("""
				select txid, id, entity_id from search_outbox
				 where (txid, id) > (:t, :i) and txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
				 order by txid, id limit :n""")
			.param("t", from.txid()).param("i", from.id()).param("n", limit)
			.query((rs, n) -> new Change(new Position(rs.getLong(1), rs.getLong(2)), rs.getLong(3))).list();
	}

	/**
	 * Where a rebuild starting now may resume the log: every transaction below the oldest one still running has
	 * committed (the rebuild's reads see it); the rest are read from the log afterwards.
	 */
	Position horizon() {
		return new Position(jdbc.sql("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint").query(Long.class).single(), 0);
	}

	/** Moves the cursor forward (never back) and notes that the node is alive. */
	void advance(Position to) {
		jdbc.sql("""
				update search_node set cursor_txid = :t, cursor_id = :i, heartbeat_at = now()
				 where node_id = :n and (cursor_txid, cursor_id) < (:t, :i)""")
			.param("n", node()).param("t", to.txid()).param("i", to.id()).update();
	}

	void heartbeat() {
		jdbc.sql("update search_node set heartbeat_at = now(), host = :h where node_id = :n").param("n", node()).param("h", host())
			.update();
	}

	/** Rows after this node's cursor (committed ones), and the distinct ideas they name. */
	long[] pending() {
		return jdbc.sql("""
				select count(*), count(distinct o.entity_id) from search_outbox o, search_node c
				 where c.node_id = :n and (o.txid, o.id) > (c.cursor_txid, c.cursor_id)""")
			.param("n", node()).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
	}

	/**
	 * Deletes the rows every live node (heartbeat within the live window) has passed; returns how many. Under
	 * the pruned mark's row lock, so a node registering meanwhile reads the mark after it moved. Joins the
	 * caller's transaction (a batch prunes in its own commit).
	 */
	long prune() {
		Long n = tx.execute(s -> {
			Position pruned = lockPruned();
			Optional<Position> slowest = jdbc.sql("""
					select cursor_txid, cursor_id from search_node
					 where heartbeat_at > now() - make_interval(secs => :w) order by cursor_txid, cursor_id limit 1""")
				.param("w", liveWindow.toSeconds()).query((rs, i) -> new Position(rs.getLong(1), rs.getLong(2))).optional();
			if (slowest.isEmpty() || slowest.get().compareTo(pruned) <= 0) {
				return 0L;
			}
			Position to = slowest.get();
			long deleted = jdbc.sql("delete from search_outbox where (txid, id) <= (:t, :i)").param("t", to.txid())
				.param("i", to.id()).update();
			jdbc.sql("update search_index_state set pruned_txid = :t, pruned_id = :i where id = 1").param("t", to.txid())
				.param("i", to.id()).update();
			return deleted;
		});
		return n == null ? 0 : n;
	}

	/**
	 * A node as the log knows it: its name and host, its cursor, when it last showed it was alive (and seconds
	 * since), whether that is within the live window, the log's committed rows after its cursor (counted up to
	 * 100,001) and the age in seconds of the first of them (its lag; 0 when it has read everything).
	 */
	record Node(String name, String host, Position cursor, java.time.Instant lastSeen, long secondsSinceSeen, boolean live,
			long behind, long lagSeconds) {
	}

	/** Every node of {@code search_node}, the most recently seen first (at most 100). */
	List<Node> nodes() {
		return jdbc.sql("""
				select n.node_id, n.host, n.cursor_txid, n.cursor_id, n.heartbeat_at,
				       greatest(0, extract(epoch from now() - n.heartbeat_at))::bigint,
				       n.heartbeat_at > now() - make_interval(secs => :w),
				       (select count(*) from (select 1 from search_outbox o
				         where (o.txid, o.id) > (n.cursor_txid, n.cursor_id)
				           and o.txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint limit 100001) b),
				       coalesce((select greatest(0, extract(epoch from now() - o.created_at))::bigint from search_outbox o
				         where (o.txid, o.id) > (n.cursor_txid, n.cursor_id)
				           and o.txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
				         order by o.txid, o.id limit 1), 0)
				  from search_node n order by n.heartbeat_at desc, n.node_id limit 100""")
			.param("w", liveWindow.toSeconds())
			.query((rs, n) -> new Node(rs.getString(1), rs.getString(2), new Position(rs.getLong(3), rs.getLong(4)),
					rs.getObject(5, java.time.OffsetDateTime.class).toInstant(), rs.getLong(6), rs.getBoolean(7), rs.getLong(8),
					rs.getLong(9)))
			.list();
	}

	private static String host() {
		String h = System.getenv("HOSTNAME");
		if (h == null || h.isBlank()) {
			try {
				h = java.net.InetAddress.getLocalHost().getHostName();
			}
			catch (java.io.IOException e) {
				h = "?";
			}
		}
		return h.length() > 200 ? h.substring(0, 200) : h;
	}
}
