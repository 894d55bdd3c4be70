package vn.ideabank.bench;

import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import vn.ideabank.bench.Scenarios.Scenario;

/**
 * {@code bench/run}: each scenario in turn, C client threads in a closed loop (or paced at
 * {@code --rate} requests per second, latency counted from the intended start), a warm-up that is
 * not counted, then a bounded time or request count. The floors run first; every figure is also
 * given as a ratio to its floor. Server heap and CPU come from Actuator during each scenario.
 */
public final class Run {

	private static final int CORES = Runtime.getRuntime().availableProcessors();

	/** One client's warm-up of an in-process floor before a run with more clients than cores. */
	private static final double IN_PROCESS_PREWARM_SECONDS = 60;

	static final List<String> ALL = List.of("jdbc-insert", "lucene-query", "lucene-similar", "api-request", "submit-idea", "list-page", "idea-page", "search",
			"similar-ideas", "dashboard", "xlsx-export", "login");

	public static void main(String[] argv) throws Exception {
		Args args = new Args(argv);
		URI base = Stats.localOnly(args.get("url", "http://localhost:8080"));
		Path data = Path.of(args.get("data", "target/bench-data/bench.properties"));
		Properties bench = new Properties();
		try (Reader r = Files.newBufferedReader(data, StandardCharsets.UTF_8)) {
			bench.load(r);
		}
		int clients = args.getInt("clients", 8);
		double duration = parseSeconds(args.get("duration", "30s"));
		double warmup = parseSeconds(args.get("warmup", "5s"));
		long requests = args.getLong("requests", 0);
		double rate = args.getDouble("rate", 0);
		List<String> names = Arrays.asList(args.get("scenarios", String.join(",", ALL)).split(","));
		Path out = Path.of(args.get("out", "target/bench-results.json"));
		String dbUrl = args.get("db-url", bench.getProperty("db.url"));
		Path indexDir = Path.of(args.get("index-dir", System.getenv().getOrDefault("IDEABANK_DATA_DIR", "data") + "/index"));

		Context ctx = new Context(base, bench);
		HttpResponse<String> me = ctx.send(ctx.api("/api/v1/me").GET().build());
		Scenarios.expect(me, 200);
		ctx.adminSession = ctx.login(bench.getProperty("admin.username"), bench.getProperty("password"));
		Map<String, Scenario> scenarios = new LinkedHashMap<>();
		for (Scenario s : List.of(Scenarios.jdbcInsert(dbUrl, args.get("db-user", bench.getProperty("db.user", "postgres")),
				args.get("db-password", "")), Scenarios.luceneQuery(indexDir), Scenarios.luceneSimilar(indexDir), Scenarios.apiRequest(), Scenarios.submitIdea(), Scenarios.listPage(),
				Scenarios.ideaPage(), Scenarios.search(), Scenarios.searchFacets(), Scenarios.similarIdeas(), Scenarios.dashboard(), Scenarios.xlsxExport(args.get("export-filter", Scenarios.DEFAULT_EXPORT_FILTER)),
				Scenarios.login())) {
			scenarios.put(s.name(), s);
		}
		long ideas = countIdeas(ctx);
		System.out.printf("Ideabank at %s, %,d ideas visible to the bench admin; %d clients, %s, warm-up %.0f s%s%n", base, ideas,
				clients, requests > 0 ? requests + " requests" : duration + " s", warmup, rate > 0 ? ", paced at " + rate + " req/s" : "");
		List<Stats> results = new ArrayList<>();
		for (String name : names) {
			Scenario s = scenarios.get(name.trim());
			if (s == null) {
				throw new IllegalArgumentException("unknown scenario " + name + "; known: " + scenarios.keySet());
			}
			int c = Math.min(clients, s.maxClients());
			String why;
			try {
				why = s.setUp(ctx, c);
			}
			catch (Exception e) {
				why = "set-up failed: " + e;
			}
			if (why != null) {
				System.out.printf("%-14s %s%n", s.name(), why);
				results.add(Stats.unavailable(s.name(), why));
				continue;
			}
			if (s.inProcess() && c > CORES) {
				// HotSpot's compiler threads share the cores with the clients: with more busy threads than cores
				// they starve, and a floor warmed for 10 s ran half interpreted (85-250 queries/s at twenty
				// clients, 790-860 after 60 s); one thread first leaves the compiler a core
				drive(ctx, s, 1, 0, IN_PROCESS_PREWARM_SECONDS, 0, 0);
			}
			Stats st = drive(ctx, s, c, warmup, duration, requests, rate);
			s.tearDown(ctx);
			System.out.printf("%-14s %8.1f req/s  p50 %7s  p95 %7s  p99 %7s  max %7s ms  errors %d%s%n", s.name(), st.throughput(),
					Stats.format(st.p50()), Stats.format(st.p95()), Stats.format(st.p99()), Stats.format(st.max()), st.errors(),
					st.firstError() == null ? "" : " (first: " + st.firstError() + ")");
			results.add(st);
		}
		printTable(results);
		writeJson(out, base, ideas, clients, duration, warmup, requests, rate, results);
		System.out.println("wrote " + out);
	}

	static double parseSeconds(String s) {
		s = s.trim().toLowerCase(Locale.ROOT);
		if (s.endsWith("ms")) {
			return Double.parseDouble(s.substring(0, s.length() - 2)) / 1000;
		}
		if (s.endsWith("m")) {
			return Double.parseDouble(s.substring(0, s.length() - 1)) * 60;
		}
		return Double.parseDouble(s.endsWith("s") ? s.substring(0, s.length() - 1) : s);
	}

	private static long countIdeas(Context ctx) throws Exception {
		HttpResponse<String> r = ctx.send(ctx.api("/api/v1/ideas?size=1").GET().build());
		Matcher m = Pattern.compile("\"totalItems\"\\s*:\\s*(\\d+)").matcher(r.body());
		return m.find() ? Long.parseLong(m.group(1)) : -1;
	}

	/** Runs one scenario: warm-up (not counted), then the measured part, with Actuator sampled alongside. */
	static Stats drive(Context ctx, Scenario s, int clients, double warmup, double duration, long requests, double rate)
			throws Exception {
		Recorder recorder = new Recorder(3);
		AtomicLong errors = new AtomicLong();
		AtomicReference<String> firstError = new AtomicReference<>();
		AtomicLong issued = new AtomicLong();
		long start = System.nanoTime();
		long warmEnd = start + (long) (warmup * 1e9);
		long end = requests > 0 ? Long.MAX_VALUE : warmEnd + (long) (duration * 1e9);
		AtomicLong measureStart = new AtomicLong(warmEnd);
		AtomicLong ticket = new AtomicLong();
		CountDownLatch done = new CountDownLatch(clients);
		Sampler sampler = new Sampler(ctx);
		for (int i = 0; i < clients; i++) {
			int client = i;
			Thread t = new Thread(() -> {
				SplittableRandom random = new SplittableRandom(client * 7919L + s.name().hashCode());
				try {
					while (true) {
						long now = System.nanoTime();
						boolean measuring = now >= warmEnd;
						if (now >= end || (measuring && requests > 0 && issued.get() >= requests)) {
							break;
						}
						long intended = now;
						if (rate > 0) {
							intended = start + (long) (ticket.getAndIncrement() * 1e9 / rate);
							while (System.nanoTime() < intended) {
								LockSupport.parkNanos(intended - System.nanoTime());
							}
							// counted by when it is actually sent: an overloaded server lags behind the
							// schedule, and its queue (latency from the intended start) must show, not
							// leave the measured window empty
							long sent = System.nanoTime();
							if (sent >= end) {
								break;
							}
							measuring = sent >= warmEnd;
						}
						if (measuring && requests > 0 && issued.incrementAndGet() > requests) {
							break;
						}
						try {
							s.call(ctx, client, random);
						}
						catch (Exception e) {
							if (measuring) {
								errors.incrementAndGet();
								firstError.compareAndSet(null, e.toString());
							}
						}
						long micros = Math.max(1, (System.nanoTime() - intended) / 1000);
						if (measuring) {
							recorder.recordValue(Math.min(micros, 3_600_000_000L));
						}
					}
				}
				finally {
					done.countDown();
				}
			}, "bench-" + s.name() + "-" + i);
			t.setDaemon(true);
			t.start();
		}
		long sleep = warmEnd - System.nanoTime();
		if (sleep > 0) {
			Thread.sleep(sleep / 1_000_000);
		}
		recorder.getIntervalHistogram(); // drop anything recorded before the warm-up ended
		measureStart.set(System.nanoTime());
		Thread sampling = new Thread(sampler, "bench-actuator");
		sampling.setDaemon(true);
		sampling.start();
		done.await();
		double seconds = (System.nanoTime() - measureStart.get()) / 1e9;
		sampler.stop();
		sampling.join(5_000);
		Histogram h = recorder.getIntervalHistogram();
		return Stats.of(s.name(), h, errors.get(), firstError.get(), seconds, sampler.heapMaxMb, sampler.processCpu(), sampler.systemCpu(),
				s.floor());
	}

	/** The server's heap and CPU from Actuator, once a second, with the bench admin's token. */
	static final class Sampler implements Runnable {

		private final Context ctx;

		private volatile boolean running = true;

		double heapMaxMb = Double.NaN;

		private double processSum;

		private double systemSum;

		private int samples;

		Sampler(Context ctx) {
			this.ctx = ctx;
		}

		void stop() {
			running = false;
		}

		double processCpu() {
			return samples == 0 ? Double.NaN : processSum / samples;
		}

		double systemCpu() {
			return samples == 0 ? Double.NaN : systemSum / samples;
		}

		public void run() {
			while (running) {
				try {
					double heap = metric("jvm.memory.used?tag=area:heap");
					double process = metric("process.cpu.usage");
					double system = metric("system.cpu.usage");
					if (!Double.isNaN(heap)) {
						heapMaxMb = Double.isNaN(heapMaxMb) ? heap / 1048576 : Math.max(heapMaxMb, heap / 1048576);
					}
					if (!Double.isNaN(process) && !Double.isNaN(system)) {
						processSum += process;
						systemSum += system;
						samples++;
					}
					Thread.sleep(1000);
				}
				catch (InterruptedException e) {
					return;
				}
				catch (Exception e) {
					// metrics are best effort: a refused or slow sample is skipped
				}
			}
		}

		private double metric(String name) throws Exception {
			HttpResponse<String> r = ctx.send(ctx.request("/actuator/metrics/" + name).header("Cookie", ctx.adminSession).GET().build());
			if (r.statusCode() != 200) {
				return Double.NaN;
			}
			Matcher m = Pattern.compile("\"statistic\"\\s*:\\s*\"VALUE\"\\s*,\\s*\"value\"\\s*:\\s*([-0-9.eE+]+)").matcher(r.body());
			return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
		}
	}

	static Stats floorOf(Stats s, List<Stats> all) {
		if (s.floor() == null) {
			return null;
		}
		return all.stream().filter(f -> f.scenario().equals(s.floor()) && f.ok()).findFirst().orElse(null);
	}

	static void printTable(List<Stats> results) {
		System.out.println();
		System.out.println("| scenario | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | heap max MB | app CPU | machine CPU | floor | p95 ÷ floor p95 | floor req/s ÷ req/s |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
		for (Stats s : results) {
			if (!s.ok()) {
				System.out.printf("| %s | %s |||||||||||%n", s.scenario(), s.status());
				continue;
			}
			Stats f = floorOf(s, results);
			System.out.printf("| %s | %s | %s | %s | %s | %s | %d | %s | %s | %s | %s | %s | %s |%n", s.scenario(), Stats.format(s.throughput()),
					Stats.format(s.p50()), Stats.format(s.p95()), Stats.format(s.p99()), Stats.format(s.max()), s.errors(),
					Stats.format(s.heapMaxMb()), percent(s.processCpu()), percent(s.systemCpu()), f == null ? "-" : f.scenario(),
					f == null ? "-" : Stats.format(Stats.ratio(s.p95(), f.p95())),
					f == null ? "-" : Stats.format(Stats.ratio(f.throughput(), s.throughput())));
		}
	}

	private static String percent(double v) {
		return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f%%", v * 100);
	}

	private static void writeJson(Path out, URI base, long ideas, int clients, double duration, double warmup, long requests, double rate,
			List<Stats> results) throws Exception {
		Files.createDirectories(out.toAbsolutePath().getParent());
		try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
			w.write("{\n  \"at\": \"%s\",\n  \"url\": %s,\n  \"ideas\": %d,\n  \"clients\": %d,\n  \"durationSeconds\": %s,\n  \"warmupSeconds\": %s,\n  \"requests\": %d,\n  \"rate\": %s,\n  \"machine\": {\"cores\": %d, \"java\": %s, \"os\": %s},\n  \"scenarios\": [\n"
				.formatted(Instant.now(), Scenarios.json(base.toString()), ideas, clients, num(duration), num(warmup), requests, num(rate),
						Runtime.getRuntime().availableProcessors(), Scenarios.json(System.getProperty("java.version")),
						Scenarios.json(System.getProperty("os.name") + " " + System.getProperty("os.version"))));
			for (int i = 0; i < results.size(); i++) {
				Stats s = results.get(i);
				Stats f = floorOf(s, results);
				w.write("    {\"scenario\": %s, \"status\": %s, \"requests\": %d, \"errors\": %d, \"firstError\": %s, \"seconds\": %s, \"throughput\": %s, \"p50Ms\": %s, \"p95Ms\": %s, \"p99Ms\": %s, \"maxMs\": %s, \"heapMaxMb\": %s, \"processCpu\": %s, \"systemCpu\": %s, \"floor\": %s, \"p95Ratio\": %s, \"p99Ratio\": %s, \"throughputRatio\": %s}%s\n"
					.formatted(Scenarios.json(s.scenario()), Scenarios.json(s.status()), s.requests(), s.errors(), Scenarios.json(s.firstError()),
							num(s.seconds()), num(s.throughput()), num(s.p50()), num(s.p95()), num(s.p99()), num(s.max()), num(s.heapMaxMb()),
							num(s.processCpu()), num(s.systemCpu()), Scenarios.json(f == null ? null : f.scenario()),
							num(f == null ? Double.NaN : Stats.ratio(s.p95(), f.p95())), num(f == null ? Double.NaN : Stats.ratio(s.p99(), f.p99())),
							num(f == null ? Double.NaN : Stats.ratio(s.throughput(), f.throughput())), i + 1 < results.size() ? "," : ""));
			}
			w.write("  ]\n}\n");
		}
	}

	static String num(double v) {
		return Double.isNaN(v) || Double.isInfinite(v) ? "null" : String.format(Locale.ROOT, "%.3f", v);
	}
}
