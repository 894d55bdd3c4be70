package vn.ideabank.common.db;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Ideabank started as a separate JVM from the test's own class path, on the embedded database with
 * a persistent (hence durable) data directory, so a test can kill it as an operator or the OOM
 * killer would, and start it again on the same data.
 */
public final class ChildApplication implements AutoCloseable {

	static final String ADMIN_PASSWORD = "crash-test-admin-pw";

	static final Duration START_LIMIT = Duration.ofSeconds(240);

	static final Path LOGS = Path.of("target", "child-applications");

	final Path dataDir;

	final int httpPort = freePort();

	final int dbPort = freePort();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Process process;

	private Path log;

	private int starts;

	private final String name;

	public ChildApplication(String name, Path dataDir) {
		this.name = name;
		this.dataDir = dataDir;
	}

	/** The embedded cluster's directory. */
	public Path postgresDir() {
		return dataDir.resolve("postgres");
	}

	Process process() {
		return process;
	}

	public String log() throws IOException {
		return Files.readString(log, StandardCharsets.UTF_8);
	}

	/** Starts the application and returns once it is ready (start-up runners done), or fails with its log. */
	public void start() throws Exception {
		start(Map.of());
	}

	/** Starts with these environment variables added (e.g. IDEABANK_RESTORE). */
	public void start(Map<String, String> extraEnv) throws Exception {
		starts++;
		// kept after the test (the data directory is not) for a look when it fails
		Files.createDirectories(LOGS);
		log = LOGS.resolve(name + "-" + starts + ".log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
				"-cp", classPath(), "vn.ideabank.IdeabankApplication", "--spring.jmx.enabled=false", "--springdoc.api-docs.enabled=false",
				"--logging.level.io.zonky=WARN"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		Map<String, String> env = builder.environment();
		env.keySet().removeIf(k -> k.startsWith("IDEABANK_") || k.startsWith("SPRING_"));
		env.put("IDEABANK_DATA_DIR", dataDir.toString());
		env.put("IDEABANK_PORT", Integer.toString(httpPort));
		env.put("IDEABANK_EMBEDDED_DB_PORT", Integer.toString(dbPort));
		env.put("IDEABANK_ADMIN_PASSWORD", ADMIN_PASSWORD);
		env.put("IDEABANK_SEARCH_POLL_INTERVAL", "200ms");
		// jobs that do not matter here
		env.put("IDEABANK_MAIL_SEND_CRON", "-");
		env.put("IDEABANK_REPORTS_REMINDER_CRON", "-");
		env.put("IDEABANK_PROGRAMME_IP_REMINDER_CRON", "-");
		env.putAll(extraEnv);
		process = builder.start();
		long deadline = System.nanoTime() + START_LIMIT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the application exited with " + process.exitValue() + ":\n" + tail());
			}
			try {
				if (get("/actuator/health/readiness", null).statusCode() == 200) {
					return;
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("the application was not ready within " + START_LIMIT + ":\n" + tail());
	}

	public HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<byte[]> download(String path, String token) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token)
			.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	public HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + httpPort + path);
	}

	/** A direct connection to the child's embedded database. */
	public Connection jdbc() throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/postgres?user=postgres");
	}

	/**
	 * SIGKILL, as the OOM killer or {@code kill -9} would. With {@code guardToo}, the guard process
	 * that would stop the database when the JVM dies is killed first, so the database lives on as an
	 * orphan (as when a whole process group is killed from a terminal, or the guard could not start).
	 */
	void kill(boolean guardToo) throws Exception {
		if (guardToo) {
			List<ProcessHandle> children = process.descendants().toList();
			children.forEach(ProcessHandle::destroyForcibly);
			PostgresProcesses.waitForExit(children, Duration.ofSeconds(5));
		}
		process.destroyForcibly();
		process.waitFor(10, TimeUnit.SECONDS);
	}

	/** SIGTERM, as systemd or Ctrl-C would; returns the time the application took to exit. */
	public Duration stop() throws Exception {
		long started = System.nanoTime();
		process.destroy();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("the application did not stop within 60 s:\n" + tail());
		}
		return Duration.ofNanos(System.nanoTime() - started);
	}

	public String tail() {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException e) {
			return "(no log: " + e + ")";
		}
	}

	@Override
	public void close() throws Exception {
		if (process != null && process.isAlive()) {
			process.destroyForcibly();
			process.waitFor(10, TimeUnit.SECONDS);
		}
		PostgresProcesses.killAll(postgresDir());
	}

	/** Surefire may start the test JVM through a manifest-only jar; it gives the real class path here. */
	private static String classPath() {
		String surefire = System.getProperty("surefire.test.class.path");
		return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
