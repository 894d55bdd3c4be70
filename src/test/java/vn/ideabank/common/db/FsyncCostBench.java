package vn.ideabank.common.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * What durability costs: single-row committed inserts on the embedded PostgreSQL with the durable
 * settings (fsync, synchronous_commit, full_page_writes on) and with zonky's test settings (off).
 * Not part of the suite (the name does not end in Tests); run it alone:
 * {@code ./mvnw -B -o test -Dtest=FsyncCostBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class FsyncCostBench {

	static final int ROWS = 2_000;

	static final int ROUNDS = 5;

	@Test
	void singleRowCommitsWithAndWithoutFsync() throws Exception {
		for (int clients : new int[] { 1, 8 }) {
			List<Long> durable = new ArrayList<>();
			List<Long> fast = new ArrayList<>();
			for (int round = 0; round < ROUNDS; round++) {
				durable.add(insertMillis(false, clients));
				fast.add(insertMillis(true, clients));
			}
			durable.sort(null);
			fast.sort(null);
			long d = durable.get(ROUNDS / 2);
			long f = fast.get(ROUNDS / 2);
			System.out.printf("%n%,d single-row commits by %d client(s), median of %d: durable %d ms (%.0f commits/s), fsync off %d ms (%.0f commits/s), ratio %.1f; all durable %s, all off %s%n%n",
					ROWS, clients, ROUNDS, d, ROWS * 1000.0 / d, f, ROWS * 1000.0 / f, d / (double) f, durable, fast);
		}
	}

	private static long insertMillis(boolean ephemeral, int clients) throws Exception {
		Path dir = Files.createTempDirectory("fsync-bench-");
		try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("pg"), ephemeral, 0)) {
			try (Connection c = DriverManager.getConnection(db.jdbcUrl("postgres", "postgres")); Statement s = c.createStatement()) {
				s.execute("create table idea_like (id bigserial primary key, code varchar(20) not null unique, title text not null)");
			}
			ExecutorService pool = Executors.newFixedThreadPool(clients);
			List<Callable<Void>> work = new ArrayList<>();
			for (int client = 0; client < clients; client++) {
				int first = client;
				work.add(() -> {
					try (Connection c = DriverManager.getConnection(db.jdbcUrl("postgres", "postgres"));
							PreparedStatement insert = c.prepareStatement("insert into idea_like (code, title) values (?, ?)")) {
						// autocommit: one commit per row, as one submission is one transaction
						for (int i = first; i < ROWS; i += clients) {
							insert.setString(1, "TS-2026-" + i);
							insert.setString(2, "Ý tưởng số " + i);
							insert.executeUpdate();
						}
					}
					return null;
				});
			}
			long started = System.nanoTime();
			for (Future<Void> f : pool.invokeAll(work)) {
				f.get();
			}
			long millis = (System.nanoTime() - started) / 1_000_000;
			pool.shutdown();
			return millis;
		}
	}
}
