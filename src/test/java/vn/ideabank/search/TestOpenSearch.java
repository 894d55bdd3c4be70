package vn.ideabank.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * One OpenSearch 2.19 node for the whole test JVM, when the tests run with {@code -Dideabank.test.search=opensearch}
 * (Maven profile {@code opensearch}, run by {@code .ci/run}): started on first use as a child JVM from the class path
 * that the build copied from Maven Central into {@code target/opensearch/lib} (nothing is downloaded here), on a free
 * port of 127.0.0.1, one node, 512 MB heap, no security plugin; ready when the cluster is green; stopped when the test
 * JVM exits (or, if that JVM is killed, when the child sees its standard input close: {@link OpenSearchChild}).
 * <p>
 * {@link #configureSpring()} (called by {@code IntegrationTest} before any Spring context starts) points every
 * context of the JVM at it through system properties, so the existing search tests run unchanged on OpenSearch.
 */
public final class TestOpenSearch {

	/** {@code opensearch} runs the tests' search on OpenSearch; anything else, on the embedded Lucene backend. */
	public static final String PROPERTY = "ideabank.test.search";

	private static final Logger log = LoggerFactory.getLogger(TestOpenSearch.class);

	private static final Duration START_WITHIN = Duration.ofMinutes(3);

	/** OpenSearch's modules this node loads: analysis (shingle, asciifolding, mapping), HTTP, delete-by-query, extra field types. */
	private static final String MODULES = String.join(",", "org.opensearch.analysis.common.CommonAnalysisPlugin",
			"org.opensearch.transport.Netty4Plugin",
			"org.opensearch.index.reindex.ReindexPlugin", "org.opensearch.index.mapper.MapperExtrasPlugin");

	private static String hosts;

	private TestOpenSearch() {
	}

	public static boolean enabled() {
		return "opensearch".equalsIgnoreCase(System.getProperty(PROPERTY, "").strip());
	}

	/** With OpenSearch chosen: starts the node (once) and points every Spring context of this JVM at it. */
	public static synchronized void configureSpring() {
		if (enabled() && hosts == null) {
			String h = hosts();
			System.setProperty("ideabank.search.backend", "elasticsearch");
			System.setProperty("ideabank.search.elasticsearch.hosts", h);
		}
	}

	/** {@code 127.0.0.1:<port>} of the running node, started on first call. */
	public static synchronized String hosts() {
		if (hosts == null) {
			try {
				hosts = start();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
		return hosts;
	}

	private static String start() throws IOException, InterruptedException {
		Path lib = Path.of(System.getProperty("ideabank.test.opensearch.lib", "target/opensearch/lib")).toAbsolutePath();
		if (!Files.isDirectory(lib)) {
			throw new IllegalStateException(lib + " is missing: build with -Popensearch, which copies the OpenSearch node's class path there");
		}
		long t0 = System.nanoTime();
		Path base = Files.createTempDirectory("ideabank-opensearch");
		// the launcher alone, not the tests' classes, beside OpenSearch's jars
		Path launcher = base.resolve("launcher/vn/ideabank/search/OpenSearchChild.class");
		Files.createDirectories(launcher.getParent());
		try (InputStream in = TestOpenSearch.class.getResourceAsStream("OpenSearchChild.class")) {
			Files.copy(in, launcher);
		}
		Path config = base.resolve("node_1/config");
		Files.createDirectories(config);
		Files.createDirectories(base.resolve("tmp"));
		Files.writeString(config.resolve("opensearch.yml"), """
				discovery.type: single-node
				network.host: 127.0.0.1
				cluster.routing.allocation.disk.threshold_enabled: false
				bootstrap.memory_lock: false
				""");
		Files.writeString(config.resolve("log4j2.properties"), """
				status = error
				appender.console.type = Console
				appender.console.name = console
				appender.console.layout.type = PatternLayout
				appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] %m%n
				rootLogger.level = warn
				rootLogger.appenderRef.console.ref = console
				""");
		int port = freePort();
		Path out = base.resolve("node.log");
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms256m", "-Xmx512m",
				"-XX:+UseSerialGC", "-Dfile.encoding=UTF-8", "-Djava.awt.headless=true",
				"-Dlog4j2.disable.jmx=true", "-Djava.io.tmpdir=" + base.resolve("tmp"), "-cp",
				base.resolve("launcher") + java.io.File.pathSeparator + lib + java.io.File.separator + "*",
				OpenSearchChild.class.getName(), "-basePath", base.toString(), "-numOfNode", "1", "-baseHttpPort",
				String.valueOf(port - 1), "-clusterName", "ideabank-test", "-moduleTypes", MODULES, "-printOnFailure");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			process.destroy();
			try {
				if (!process.waitFor(20, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException e) {
				process.destroyForcibly();
			}
			FileSystemUtils.deleteRecursively(base.toFile());
		}, "opensearch-stop"));
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + START_WITHIN.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The OpenSearch node exited with " + process.exitValue() + ":\n" + tail(out));
			}
			port = announcedPort(out, port);
			try {
				HttpResponse<String> health = http.send(HttpRequest.newBuilder(
						URI.create("http://127.0.0.1:" + port + "/_cluster/health?wait_for_status=green&timeout=2s"))
					.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("\"status\":\"green\"")) {
					log.info("OpenSearch node started on 127.0.0.1:{} in {} ms ({})", port,
							TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), base);
					return "127.0.0.1:" + port;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		process.destroyForcibly();
		throw new IllegalStateException("The OpenSearch node was not green within " + START_WITHIN + ":\n" + tail(out));
	}

	/** The port the runner says it took (it moves on when the one asked for was taken meanwhile). */
	private static int announcedPort(Path out, int asked) throws IOException {
		Matcher m = Pattern.compile("HTTP Port:\\s+(\\d+)").matcher(Files.readString(out, StandardCharsets.UTF_8));
		return m.find() ? Integer.parseInt(m.group(1)) : asked;
	}

	/** A free port in the runner's range (9201–9299), where it looks for one. */
	private static int freePort() {
		for (int port = 9201; port < 9299; port++) {
			try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
				return port;
			}
			catch (IOException taken) {
				// next
			}
		}
		throw new IllegalStateException("no free port in 9201-9299 for the OpenSearch node");
	}

	private static String tail(Path out) {
		try {
			String text = Files.readString(out, StandardCharsets.UTF_8);
			return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
		}
		catch (IOException e) {
			return "(no output: " + e + ")";
		}
	}
}
