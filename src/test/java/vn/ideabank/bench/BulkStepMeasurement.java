package vn.ideabank.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.IdeaBulkSteps;
import vn.ideabank.idea.IdeaBulkSteps.Selection;
import vn.ideabank.idea.IdeaStep;

/**
 * Times a 1,000-idea ENDORSE bulk step ({@link IdeaBulkSteps}, in process, as an administrator) on a
 * database of {@code -Dbulk.background} generated ideas (default 100,000, by {@code bench/generate}'s
 * own code, triggers off during the load and the tally rebuilt), with floors taken on the same 1,000
 * rows in the same run: one raw {@code UPDATE ... WHERE id = any(?)} (the least the database must do,
 * tally triggers included), and 1,000 single-row UPDATEs (what writing idea by idea costs). Both floors
 * are rolled back. Round 1 is cold (the first bulk step of the JVM, rows never read since the load);
 * rounds 2.. are warm. Each round takes 1,000 SUBMITTED ideas not yet used, spread over the table.
 * <p>
 * Not part of {@code ./mvnw verify} (the name ends in neither Test nor Tests). Run it alone:
 * {@code ./mvnw -B -o test -Dtest=BulkStepMeasurement -Dbulk.background=100000 -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints a Markdown table and writes it to {@code bench/results/bulk-step-<background>.txt}.
 */
class BulkStepMeasurement extends IntegrationTest {

	private static final int IDEAS = 1_000;

	@Autowired
	IdeaBulkSteps bulk;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	record Round(String kind, double stepMs, double deliveredMs, double floorMs, double perRowMs) {
	}

	@Test
	void aThousandIdeaBulkStepOnALargeDatabase() throws Exception {
		int background = Integer.getInteger("bulk.background", 100_000);
		int rounds = Integer.getInteger("bulk.rounds", 6);
		String loadBefore = loadAverage();
		long t0 = System.nanoTime();
		HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
		Generate.main(new String[] { "--ideas", Integer.toString(background), "--seed", "42", "--bulk", "--no-migrate",
				"--db-url", hikari.getJdbcUrl(), "--db-user", hikari.getUsername() == null ? "postgres" : hikari.getUsername(),
				"--db-password", hikari.getPassword() == null ? "" : hikari.getPassword(),
				"--out", "target/bench-data/bulk-step" });
		double loadSeconds = (System.nanoTime() - t0) / 1e9;
		long total = jdbc.sql("select count(*) from idea").query(Long.class).single();
		Caller admin = caller("admin");

		long submitted = jdbc.sql("select count(*) from idea where status = 'SUBMITTED' and duplicate_of is null")
			.query(Long.class).single();
		assertThat(submitted).as("SUBMITTED ideas for %d rounds of %d: generate more background ideas", rounds, IDEAS)
			.isGreaterThanOrEqualTo((long) rounds * IDEAS);
		List<Round> results = new ArrayList<>();
		for (int r = 0; r < rounds; r++) {
			List<Long> ids = jdbc.sql("select id from idea where status = 'SUBMITTED' and duplicate_of is null"
					+ " order by md5(id::text) limit " + IDEAS).query(Long.class).list();
			assertThat(ids).hasSize(IDEAS);
			long s = System.nanoTime();
			IdeaBulkSteps.Outcome outcome = bulk.step(admin, Selection.of(ids), IdeaStep.ENDORSE, null);
			double stepMs = (System.nanoTime() - s) / 1e6;
			assertThat(outcome.done()).as("refused: %s", outcome.refused()).hasSize(IDEAS);
			double deliveredMs = (waitForListeners() - s) / 1e6;
			results.add(new Round(r == 0 ? "cold" : "warm", stepMs, deliveredMs, floor(ids), perRow(ids)));
		}
		String report = report(background, total, loadSeconds, loadBefore, loadAverage(), results);
		System.out.println(report);
		Path out = Path.of("bench/results/bulk-step-" + background + ".txt");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report, StandardCharsets.UTF_8);
	}

	/**
	 * Waits until every event publication is completed (completed rows are deleted): the step's
	 * {@code IdeaStepsTaken} events (one per batch) reach their asynchronous listeners (notifications) after each
	 * batch's commit, partly while the next batches run. Returns the time they were all done.
	 */
	private long waitForListeners() throws InterruptedException {
		while (jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single() > 0) {
			Thread.sleep(20);
		}
		return System.nanoTime();
	}

	/** One UPDATE of the same rows, back to SUBMITTED (what the tally's triggers see is the same size), rolled back. */
	private double floor(List<Long> ids) throws Exception {
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			try (PreparedStatement p = c.prepareStatement("update idea set status = 'SUBMITTED', version = version + 1,"
					+ " updated_at = now() where id = any(?)")) {
				p.setArray(1, c.createArrayOf("bigint", ids.toArray()));
				long s = System.nanoTime();
				int n = p.executeUpdate();
				double ms = (System.nanoTime() - s) / 1e6;
				assertThat(n).isEqualTo(IDEAS);
				return ms;
			}
			finally {
				c.rollback();
			}
		}
	}

	/** The same change as one UPDATE per idea, in one transaction, rolled back: the cost bulk steps no longer pay. */
	private double perRow(List<Long> ids) throws Exception {
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			try (PreparedStatement p = c.prepareStatement("update idea set status = 'SUBMITTED', version = version + 1,"
					+ " updated_at = now() where id = ?")) {
				long s = System.nanoTime();
				for (Long id : ids) {
					p.setLong(1, id);
					p.executeUpdate();
				}
				return (System.nanoTime() - s) / 1e6;
			}
			finally {
				c.rollback();
			}
		}
	}

	private String report(int background, long total, double loadSeconds, String loadBefore, String loadAfter,
			List<Round> rounds) throws Exception {
		StringBuilder b = new StringBuilder();
		String pg;
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			var rs = s.executeQuery("show server_version");
			rs.next();
			pg = rs.getString(1);
		}
		b.append("Bulk step: %,d ideas ENDORSE, on %,d ideas (%,d generated in %.0f s), %s%n".formatted(IDEAS, total,
				background, loadSeconds, Instant.now()));
		b.append("Machine: %d cores, Java %s, PostgreSQL %s; load average before: %s, after: %s%n%n".formatted(
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), pg, loadBefore, loadAfter));
		b.append("| round | bulk step ms | + notices delivered ms | floor: one UPDATE ms | step ÷ floor | one UPDATE per idea ms | per idea ÷ floor |\n");
		b.append("|---|---|---|---|---|---|---|\n");
		for (Round r : rounds) {
			b.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.1f | %.0f | %.1f |%n", r.kind(), r.stepMs(),
					r.deliveredMs(), r.floorMs(), r.stepMs() / r.floorMs(), r.perRowMs(), r.perRowMs() / r.floorMs()));
		}
		List<Round> warm = rounds.subList(1, rounds.size());
		if (!warm.isEmpty()) {
			double step = median(warm.stream().map(Round::stepMs).toList());
			double floor = median(warm.stream().map(Round::floorMs).toList());
			double perRow = median(warm.stream().map(Round::perRowMs).toList());
			double delivered = median(warm.stream().map(Round::deliveredMs).toList());
			b.append(String.format(Locale.ROOT, "| warm median | %.0f | %.0f | %.0f | %.1f | %.0f | %.1f |%n", step, delivered,
					floor, step / floor, perRow, perRow / floor));
		}
		return b.toString();
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	private static String loadAverage() {
		try {
			String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return f[0] + " " + f[1] + " " + f[2];
		}
		catch (Exception e) {
			return "?";
		}
	}
}
