package vn.ideabank.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Crash test of the embedded default (issue 19): the application runs as a child JVM on a durable
 * data directory while four clients create and submit ideas through the API. (a) The JVM is killed
 * with SIGKILL, its guard too, so its PostgreSQL lives on as an orphan: the next start stops the
 * orphan and starts in seconds. (b) Only the PostgreSQL processes are killed under the running
 * application: the health check says DOWN, requests answer 503 (never a bare 500), and the watchdog
 * restarts the server. After each: every acknowledged idea is there with its code, no id or code
 * was handed out twice, and every acknowledged idea is found by search.
 */
class CrashRecoveryTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String TOKEN = "ib_crash-recovery-test-token-0123456789";

	@TempDir
	Path tempDir;

	@Test
	void noAcknowledgedIdeaIsLostWhenTheAppOrItsDatabaseIsKilledUnderConcurrentWrites() throws Exception {
		try (ChildApplication app = new ChildApplication("crash-recovery", tempDir)) {
			app.start();
			addAdminToken(app);
			long unitId = createUnit(app);
			Writers writers = new Writers(app, unitId);

			// (a) kill -9 of the JVM (and of its guard): the database is left running as an orphan
			writers.start(4);
			await(Duration.ofSeconds(60), () -> writers.acks.size() >= 40, "40 ideas acknowledged");
			app.kill(true);
			ProcessHandle orphan = PostgresProcesses.livePostmaster(app.postgresDir()).orElse(null);
			assertThat(orphan).as("the embedded PostgreSQL outlives the killed JVM").isNotNull();
			writers.stop();
			long restart = System.nanoTime();
			app.start();
			Duration restartTook = Duration.ofNanos(System.nanoTime() - restart);
			assertThat(PostgresProcesses.running(orphan)).as("the orphan is stopped at start").isFalse();
			assertThat(app.log()).contains("Stopped an embedded PostgreSQL left running by a previous run (pid " + orphan.pid() + ")")
				.doesNotContain("Gave up waiting for server to start");
			assertEveryAcknowledgedIdeaIsThere(app, writers);
			assertEveryAcknowledgedIdeaIsFound(app, writers);
			int afterFirstCycle = writers.acks.size();

			// (b) kill -9 of the database's processes under the running application and its writers
			HealthWatch health = new HealthWatch(app);
			writers.start(4);
			await(Duration.ofSeconds(60), () -> writers.acks.size() >= afterFirstCycle + 30, "30 more ideas acknowledged");
			List<ProcessHandle> server = PostgresProcesses.of(app.postgresDir());
			assertThat(server).isNotEmpty();
			health.start();
			server.forEach(ProcessHandle::destroyForcibly);
			int atKill = writers.acks.size();
			await(Duration.ofSeconds(60), () -> health.sawDown() && health.upAgain(),
					() -> "health DOWN, then UP again; health answered: " + health.timeline() + "\nlog: " + app.tail());
			await(Duration.ofSeconds(60), () -> writers.acks.size() >= atKill + 30, "30 ideas acknowledged after the restart");
			writers.stop();
			health.stop();
			assertThat(app.log()).contains("Embedded PostgreSQL restarted in");
			assertThat(writers.failures).as("answers other than success or 503 while the database was down").isEmpty();
			assertEveryAcknowledgedIdeaIsThere(app, writers);
			assertEveryAcknowledgedIdeaIsFound(app, writers);

			// a stop takes seconds and leaves no server behind
			assertThat(app.stop()).isLessThan(Duration.ofSeconds(30));
			assertThat(PostgresProcesses.of(app.postgresDir())).isEmpty();
			System.out.printf("crash test: %d ideas acknowledged, %d submitted; start after the kill %d ms%n", writers.acks.size(),
					writers.acks.values().stream().filter(a -> a.submitted).count(), restartTook.toMillis());
		}
	}

	private static void assertEveryAcknowledgedIdeaIsThere(ChildApplication app, Writers writers) throws Exception {
		assertThat(writers.failures).as("an id or code handed out twice").noneMatch(f -> f.startsWith("reused"));
		try (Connection c = app.jdbc();
				PreparedStatement one = c.prepareStatement("select code, title, status from idea where id = ?");
				PreparedStatement dupes = c.prepareStatement("select count(*) - count(distinct code) from idea")) {
			for (Ack ack : writers.acks.values()) {
				one.setLong(1, ack.id);
				try (ResultSet rs = one.executeQuery()) {
					assertThat(rs.next()).as("acknowledged idea %d (%s) exists", ack.id, ack.code).isTrue();
					assertThat(rs.getString(1)).as("code of idea %d", ack.id).isEqualTo(ack.code);
					assertThat(rs.getString(2)).as("idea %d is the one acknowledged, not another with its id", ack.id).isEqualTo(ack.title);
					if (ack.submitted) {
						assertThat(rs.getString(3)).as("acknowledged submission of %s", ack.code).isEqualTo("SUBMITTED");
					}
				}
			}
			try (ResultSet rs = dupes.executeQuery()) {
				rs.next();
				assertThat(rs.getLong(1)).as("ideas sharing a code").isZero();
			}
		}
	}

	/** Search by code, polled until the index has caught up (the outbox is indexed every 200 ms here). */
	private static void assertEveryAcknowledgedIdeaIsFound(ChildApplication app, Writers writers) throws Exception {
		Set<Ack> missing = ConcurrentHashMap.newKeySet();
		missing.addAll(writers.acks.values());
		List<String> lastProblems = new ArrayList<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!missing.isEmpty() && System.nanoTime() < deadline) {
			lastProblems.clear();
			for (Ack ack : List.copyOf(missing)) {
				HttpResponse<String> r = app.get("/api/v1/search/ideas?size=5&q=" + URLEncoder.encode(ack.code, StandardCharsets.UTF_8), TOKEN);
				if (r.statusCode() != 200) {
					lastProblems.add(ack.code + " → HTTP " + r.statusCode());
					continue;
				}
				for (JsonNode hit : JSON.readTree(r.body()).get("content")) {
					if (hit.get("id").asLong() == ack.id) {
						missing.remove(ack);
					}
				}
			}
			if (!missing.isEmpty()) {
				Thread.sleep(500);
			}
		}
		assertThat(missing).as("acknowledged ideas not found by search within 60 s (last problems: %s)", lastProblems).isEmpty();
	}

	private static void addAdminToken(ChildApplication app) throws Exception {
		String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(TOKEN.getBytes(StandardCharsets.UTF_8)));
		try (Connection c = app.jdbc(); PreparedStatement insert = c.prepareStatement("""
				insert into api_token (account_id, name, token_hash, token_prefix)
				select id, 'crash test', ?, 'ib_crash' from account where username = 'admin'""")) {
			insert.setString(1, hash);
			assertThat(insert.executeUpdate()).as("the administrator exists").isEqualTo(1);
		}
	}

	private static long createUnit(ChildApplication app) throws Exception {
		HttpResponse<String> r = app.post("/api/v1/units", TOKEN, """
				{"parentId":null,"code":"CR","name":"Tỉnh đoàn thử độ bền","levelName":"Tỉnh đoàn","kind":"COMMITTEE","memberCount":1000}""");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		return JSON.readTree(r.body()).get("id").asLong();
	}

	static void await(Duration limit, BooleanSupplier condition, String what) throws InterruptedException {
		await(limit, condition, () -> what);
	}

	static void await(Duration limit, BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as(() -> "waiting for: " + what.get()).isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	static final class Ack {

		final long id;

		final String code;

		final String title;

		volatile boolean submitted;

		Ack(long id, String code, String title) {
			this.id = id;
			this.code = code;
			this.title = title;
		}
	}

	/**
	 * Asks /actuator/health every 25 ms, each request on a thread of its own: did it say DOWN
	 * (503) at least once, and UP after that? A request made just before the kill runs the validation
	 * query and may wait up to the pool's 5 s for a connection, then answer UP if the watchdog's
	 * restart (about 100 ms) was quicker; requests that do not wait for each other still see the outage.
	 */
	static final class HealthWatch {

		private final ChildApplication app;

		private final ConcurrentLinkedQueue<String> timeline = new ConcurrentLinkedQueue<>();

		private final long started = System.nanoTime();

		private volatile boolean running;

		private volatile long firstDown;

		private volatile boolean upAfterDown;

		private final ExecutorService askers = Executors.newCachedThreadPool();

		private Thread thread;

		HealthWatch(ChildApplication app) {
			this.app = app;
		}

		void start() {
			running = true;
			thread = new Thread(() -> {
				while (running) {
					askers.execute(this::ask);
					try {
						Thread.sleep(25);
					}
					catch (InterruptedException e) {
						return;
					}
				}
			}, "health-watch");
			thread.start();
		}

		private void ask() {
			long sent = System.nanoTime();
			String outcome;
			try {
				int status = app.get("/actuator/health", null).statusCode();
				outcome = Integer.toString(status);
				if (status == 503 && firstDown == 0) {
					firstDown = sent;
				}
				else if (status == 200 && firstDown != 0 && sent > firstDown) {
					upAfterDown = true;
				}
			}
			catch (Exception e) {
				outcome = e.getClass().getSimpleName();
			}
			if (timeline.size() < 2000) {
				timeline.add("+%d ms %s (%d ms)".formatted((sent - started) / 1_000_000, outcome, (System.nanoTime() - sent) / 1_000_000));
			}
		}

		boolean sawDown() {
			return firstDown != 0;
		}

		boolean upAgain() {
			return upAfterDown;
		}

		/** What each request answered, for the failure message. */
		String timeline() {
			return String.join(", ", timeline);
		}

		void stop() throws InterruptedException {
			running = false;
			thread.join(30_000);
			askers.shutdown();
			askers.awaitTermination(30, TimeUnit.SECONDS);
		}
	}

	/** Clients that create and submit ideas as fast as the application answers, recording what it acknowledged. */
	static final class Writers {

		final ConcurrentHashMap<Long, Ack> acks = new ConcurrentHashMap<>();

		final ConcurrentHashMap<String, Long> codes = new ConcurrentHashMap<>();

		final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

		private final ChildApplication app;

		private final long unitId;

		private final List<Thread> threads = new ArrayList<>();

		private volatile boolean running;

		private int round;

		Writers(ChildApplication app, long unitId) {
			this.app = app;
			this.unitId = unitId;
		}

		void start(int clients) {
			running = true;
			round++;
			for (int i = 0; i < clients; i++) {
				String name = "r" + round + "w" + i;
				Thread t = new Thread(() -> write(name), "writer-" + name);
				threads.add(t);
				t.start();
			}
		}

		void stop() throws InterruptedException {
			running = false;
			for (Thread t : threads) {
				t.join(60_000);
			}
			threads.clear();
		}

		private void write(String name) {
			for (int n = 0; running; n++) {
				String title = "Ý tưởng thử độ bền " + name + "-" + n + " tưới tiêu tiết kiệm nước";
				try {
					HttpResponse<String> created = app.post("/api/v1/ideas", TOKEN, body(title));
					if (!ok(created, 201)) {
						continue;
					}
					JsonNode idea = JSON.readTree(created.body());
					Ack ack = new Ack(idea.get("id").asLong(), idea.get("code").asString(), title);
					if (acks.putIfAbsent(ack.id, ack) != null) {
						failures.add("reused id " + ack.id);
					}
					Long other = codes.putIfAbsent(ack.code, ack.id);
					if (other != null) {
						failures.add("reused code " + ack.code + " for ideas " + other + " and " + ack.id);
					}
					HttpResponse<String> submitted = app.post("/api/v1/ideas/" + ack.id + "/steps", TOKEN,
							"{\"step\":\"SUBMIT\",\"version\":" + idea.get("version").asLong() + "}");
					if (ok(submitted, 200)) {
						ack.submitted = true;
					}
				}
				catch (java.io.IOException e) {
					pause(); // the application is down: not acknowledged
				}
				catch (InterruptedException e) {
					return;
				}
			}
		}

		/** Success; or 503 while the database is unavailable (not acknowledged); anything else is a failure. */
		private boolean ok(HttpResponse<String> r, int expected) {
			if (r.statusCode() == expected) {
				return true;
			}
			if (r.statusCode() != 503 || !r.body().contains("urn:ideabank:problem:unavailable")) {
				failures.add(r.request().method() + " " + r.uri().getPath() + " → " + r.statusCode() + " " + r.body());
			}
			pause();
			return false;
		}

		private static void pause() {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}

		private String body(String title) {
			return """
					{"unitId":%d,"authors":[{"fullName":"Lê Thị Bền"}],"content":{"year":2026,"kind":"IDEA","title":"%s",
					"summary":"Tóm tắt ý tưởng thử độ bền.","problem":"Ruộng thiếu nước vào mùa khô.","solution":"Tưới nhỏ giọt hẹn giờ.",
					"novelty":"Cảm biến độ ẩm giá rẻ.","benefits":["SAVING"],"scopeWhere":"Xã thử nghiệm","applicationArea":"PRODUCTION",
					"sectorField":"AGRICULTURE","targetGroup":"RURAL_YOUTH","publicOptOut":false}}""".formatted(unitId, title);
		}
	}
}
