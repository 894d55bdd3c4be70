package vn.ideabank.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.IdeabankApplication;
import vn.ideabank.IntegrationTest;
import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStep;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.org.UnitService;

/**
 * Two application nodes (two Spring contexts in this JVM, each with its own port and its own index directory, or
 * on OpenSearch one index shared with the suite's context: {@link TestOpenSearch})
 * on the suite's database, as behind a load balancer: ideas written through both are found on both, the
 * e-mail job runs once per tick, a session made on one node works on the other, and a rolling restart loses
 * neither a notice nor a change of the index (docs/search.md, "Several nodes").
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiNodeTests extends IntegrationTest {

	private static final Logger log = LoggerFactory.getLogger(MultiNodeTests.class);

	/** Ideas written through the two nodes together. */
	static final int IDEAS = 400;

	/** The promise: a committed idea is found on every node within this delay (poll 200 ms, batches, commit). */
	static final Duration FOUND_WITHIN = Duration.ofSeconds(10);

	/** The e-mail job's tick in this test, and how long it holds its lock at least (a bit below). */
	static final String TICK_CRON = "*/2 * * * * *";

	static final long TICK_MS = 2000;

	/** Lock acquisitions of the e-mail job, by node: ShedLock runs a job exactly when it gets the lock. */
	static final List<String[]> RUNS = new CopyOnWriteArrayList<>();

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UnitService units;

	@Autowired
	SearchBackend backend;

	@Autowired
	ChangeLog changes;

	/** The nodes' data: a directory each (index, files). */
	private Path dir;

	private ConfigurableApplicationContext a;

	private ConfigurableApplicationContext b;

	private final String marker = "xnhieunut" + Long.toString(System.nanoTime() % 1_000_000_000L, 26).replaceAll("[0-9]", "q");

	private long started;

	@BeforeAll
	void startTwoNodes() throws Exception {
		started = System.nanoTime();
		dir = Files.createTempDirectory("ideabank-multinode");
		a = node("a");
		b = node("b");
		log.info("Two nodes started in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	@AfterAll
	void stopNodes() {
		List<String> ids = new ArrayList<>();
		for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { a, b }) {
			if (node != null && node.isActive()) {
				ids.add(node.getBean(ChangeLog.class).node());
				node.close();
			}
		}
		// the two nodes are gone for good: their cursors must not hold the log for the rest of the suite
		for (Path index : dir == null ? List.<Path>of() : List.of(dir.resolve("a/index/idea.node"), dir.resolve("b/index/idea.node"))) {
			try {
				ids.add(Files.readString(index).strip());
			}
			catch (java.io.IOException e) {
				// never started
			}
		}
		// on OpenSearch the nodes share the suite's own cursor (one index): that one stays
		ids.removeIf(changes.node()::equals);
		jdbc.sql("delete from search_node where node_id in (:ids)").param("ids", ids.isEmpty() ? List.of("-") : ids).update();
		if (dir != null) {
			org.springframework.util.FileSystemUtils.deleteRecursively(dir.toFile());
		}
		log.info("MultiNodeTests ran in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	/** A node: the application as an operator starts it, on the shared database, with its own data. */
	private ConfigurableApplicationContext node(String name) throws java.sql.SQLException {
		HikariDataSource ds = dataSource.unwrap(HikariDataSource.class);
		List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + ds.getJdbcUrl(),
				"--spring.datasource.username=" + ds.getUsername(), "--server.port=0", "--spring.jmx.enabled=false",
				"--springdoc.api-docs.enabled=false", "--ideabank.search.index-dir=" + dir.resolve(name).resolve("index"),
				"--ideabank.files.dir=" + dir.resolve(name).resolve("files"), "--ideabank.search.outbox.poll-interval=200ms",
				"--ideabank.notifications.email.send-cron=" + TICK_CRON,
				"--ideabank.notifications.email.lock-at-least-for=PT1.5S", "--spring.datasource.hikari.maximum-pool-size=6",
				"--logging.level.vn.ideabank.notification=WARN", "--test.node-name=" + name));
		if (ds.getPassword() != null) {
			args.add("--spring.datasource.password=" + ds.getPassword());
		}
		if (backend instanceof SearchBackendConfiguration.Shared shared) {
			// OpenSearch (TestOpenSearch): the two nodes and the suite's context share one cluster index
			args.add("--ideabank.search.elasticsearch.index-prefix=" + shared.layout().prefix());
		}
		return new SpringApplicationBuilder(IdeabankApplication.class, CountJobRuns.class).profiles("test")
			.run(args.toArray(String[]::new));
	}

	private long unit() {
		return units.findByCode("TS-THODAN-T1").orElseThrow().id();
	}

	private static long found(ConfigurableApplicationContext node, Caller caller, String word) {
		return node.getBean(SearchService.class).search(caller, SearchQuery.of(word), 0, 1).totalElements();
	}

	/** Waits until both nodes find {@code expected} ideas with the word; returns the time it took. */
	private Duration untilBothFind(String word, long expected, Duration limit) throws InterruptedException {
		Caller office = caller("huyendoan.trieuson");
		long from = System.nanoTime();
		long deadline = from + limit.toNanos();
		long onA = -1;
		long onB = -1;
		while (System.nanoTime() < deadline) {
			onA = found(a, office, word);
			onB = found(b, office, word);
			if (onA == expected && onB == expected) {
				return Duration.ofNanos(System.nanoTime() - from);
			}
			Thread.sleep(100);
		}
		assertThat(new long[] { onA, onB }).as("ideas found on node a and on node b after " + limit).containsExactly(expected,
				expected);
		return limit;
	}

	@Test
	@Order(1)
	void everyIdeaWrittenThroughEitherNodeIsFoundOnBoth() throws Exception {
		Caller author = caller("nguyen.van.an");
		long unit = unit();
		long writesBefore = clusterIndexWrites();
		ExecutorService writers = Executors.newFixedThreadPool(2);
		long t0 = System.nanoTime();
		try {
			List<Future<?>> done = new ArrayList<>();
			for (ConfigurableApplicationContext node : List.of(a, b)) {
				IdeaService ideas = node.getBean(IdeaService.class);
				String name = node.getEnvironment().getProperty("test.node-name");
				// the two nodes write at once: their transactions commit in another order than their log ids
				done.add(writers.submit(() -> {
					for (int i = 0; i < IDEAS / 2; i++) {
						ideas.create(author, SearchTestData.idea(unit, "Ý tưởng " + marker + " " + name + " " + i,
								"Nội dung số " + i + " gửi qua nút " + name + "."));
					}
				}));
			}
			for (Future<?> f : done) {
				f.get();
			}
		}
		finally {
			writers.shutdown();
		}
		long writing = (System.nanoTime() - t0) / 1_000_000;
		Duration delay = untilBothFind(marker, IDEAS, FOUND_WITHIN);
		log.info("{} ideas written through two nodes in {} ms; both nodes found all of them {} ms after the last write",
				IDEAS, writing, delay.toMillis());
		if (backend instanceof SearchBackendConfiguration.Shared) {
			// one index for the three nodes (a, b and the suite's context): one cursor, so each change is written once
			assertThat(List.of(a.getBean(ChangeLog.class).node(), b.getBean(ChangeLog.class).node())).containsOnly(changes.node());
			long writes = clusterIndexWrites() - writesBefore;
			log.info("OpenSearch: {} document writes for {} new ideas", writes, IDEAS);
			assertThat(writes).as("document writes into the shared index").isBetween((long) IDEAS, IDEAS * 3L / 2);
		}
	}

	/** Documents written into the shared OpenSearch index so far (its primaries' indexing count); 0 on Lucene. */
	private long clusterIndexWrites() throws Exception {
		if (!(backend instanceof SearchBackendConfiguration.Shared shared)) {
			return 0;
		}
		HttpResponse<String> stats = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://"
				+ TestOpenSearch.hosts() + "/" + shared.layout().createReadAlias(LuceneSearchBackend.INDEX_NAME) + "/_stats/indexing"))
			.GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(stats.statusCode()).as(stats.body()).isEqualTo(200);
		Matcher total = Pattern.compile("\"primaries\":\\{\"indexing\":\\{\"index_total\":(\\d+)").matcher(stats.body());
		assertThat(total.find()).as(stats.body()).isTrue();
		return Long.parseLong(total.group(1));
	}

	@Test
	@Order(2)
	void theEmailJobRunsOncePerTickAcrossBothNodes() throws InterruptedException {
		// the nodes have been up since before test 1, which takes longer than six ticks; wait only if not
		for (int i = 0; i < 200 && RUNS.stream().map(r -> Long.parseLong(r[1]) / TICK_MS).distinct().count() < 6; i++) {
			Thread.sleep(100);
		}
		Map<Long, List<String>> byTick = new TreeMap<>();
		for (String[] run : RUNS) {
			long at = Long.parseLong(run[1]);
			byTick.computeIfAbsent(at / TICK_MS, k -> new ArrayList<>()).add(run[0]);
		}
		log.info("E-mail job runs per tick (node names): {}", byTick);
		assertThat(byTick).hasSizeGreaterThanOrEqualTo(6);
		assertThat(byTick.values()).allSatisfy(nodes -> assertThat(nodes).as("runs in one tick").hasSize(1));
		assertThat(RUNS.stream().map(r -> r[0]).distinct()).as("jobs run on either node").isNotEmpty();
	}

	@Test
	@Order(3)
	void aSessionMadeOnOneNodeWorksOnTheOther() throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		int portA = ((WebServerApplicationContext) a).getWebServer().getPort();
		int portB = ((WebServerApplicationContext) b).getWebServer().getPort();
		HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + portA + "/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		String cookie = sessionCookie(form).orElseThrow();
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
		assertThat(csrf.find()).isTrue();
		String body = "username=nguyen.van.an&password=" + URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + portA + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
		String session = sessionCookie(signedIn).orElse(cookie);
		HttpResponse<String> onB = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + portB + "/notifications"))
			.header("Cookie", session).GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(onB.statusCode()).isEqualTo(200);
		assertThat(onB.body()).contains("<span class=\"who\">nguyen.van.an</span>");
		// and without it, node b asks to sign in
		HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + portB + "/notifications"))
			.GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(anonymous.statusCode()).isEqualTo(302);
	}

	private static Optional<String> sessionCookie(HttpResponse<?> response) {
		return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("IDEABANK_SESSION="))
			.map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst();
	}

	@Test
	@Order(4)
	void aRollingRestartLosesNoNoticeAndTheRestartedNodeCatchesUp() throws Exception {
		Caller author = caller("nguyen.van.an");
		long officer = caller("doan.thodan").accountId();
		long unit = unit();
		String word = marker + "rr";
		long noticesBefore = notices(officer);
		// submitted through b, which is stopped at once: its notices may still be in flight
		IdeaService onB = b.getBean(IdeaService.class);
		for (int i = 0; i < 5; i++) {
			submit(onB, author, unit, word, "b" + i);
		}
		b.close();
		// while b is away: written and submitted through a
		IdeaService onA = a.getBean(IdeaService.class);
		for (int i = 0; i < 20; i++) {
			submit(onA, author, unit, word, "a" + i);
		}
		long t0 = System.nanoTime();
		b = node("b");
		log.info("Node b restarted in {} ms", (System.nanoTime() - t0) / 1_000_000);
		Duration delay = untilBothFind(word, 25, FOUND_WITHIN);
		log.info("After the restart node b found the 25 ideas {} ms after it was ready", delay.toMillis());
		// every notice delivered, once: 25 submissions, each one item in the officer's notices
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline && notices(officer) - noticesBefore < 25) {
			Thread.sleep(100);
		}
		Thread.sleep(1000); // a duplicate would arrive about now
		assertThat(notices(officer) - noticesBefore).as("notices of the 25 submissions").isEqualTo(25);
	}

	private static void submit(IdeaService ideas, Caller author, long unit, String word, String n) {
		IdeaView idea = ideas.create(author, SearchTestData.idea(unit, "Khởi động lại " + word + " " + n, "Nội dung " + n + "."));
		ideas.step(author, idea.id(), TakeStep.of(IdeaStep.SUBMIT, idea.version(), null));
	}

	/** The items of the officer's notices of submitted ideas (a group counts each idea once). */
	private long notices(long accountId) {
		return jdbc.sql("""
				select coalesce(sum(item_count), 0) from notification
				 where account_id = :a and (message_key = 'notification.idea.submitted' or group_key like 'idea-submitted:%')""")
			.param("a", accountId).query(Long.class).single();
	}

	/**
	 * Counts the e-mail job's runs: wraps the ShedLock provider of each node. A source of the nodes only (not
	 * annotated, so that the test's own context does not take it for its configuration).
	 */
	static class CountJobRuns {

		@Bean
		static BeanPostProcessor countLockAcquisitions(org.springframework.core.env.Environment env) {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof LockProvider provider) {
						String node = env.getProperty("test.node-name", "?");
						return (LockProvider) (LockConfiguration config) -> {
							Optional<SimpleLock> lock = provider.lock(config);
							if (lock.isPresent() && config.getName().equals("email-outbox")) {
								RUNS.add(new String[] { node, Long.toString(Instant.now().toEpochMilli()) });
							}
							return lock;
						};
					}
					return bean;
				}
			};
		}
	}
}
