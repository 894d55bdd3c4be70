package vn.ideabank.common.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The PostgreSQL processes that serve one data directory, found without asking the server. The
 * postmaster is started by {@code pg_ctl} (through {@code unshare -U} when running as root) and
 * detaches from the JVM, so after a crash of either side neither is the other's child: they are
 * found by {@code postmaster.pid} and, on Linux, by their working directory, which every postgres
 * process sets to its data directory.
 */
final class PostgresProcesses {

	private static final Path PROC = Path.of("/proc");

	private PostgresProcesses() {
	}

	/** The PID written in {@code <dataDir>/postmaster.pid}, if the file is there and readable. */
	static Optional<Long> postmasterPid(Path dataDir) {
		try (Stream<String> lines = Files.lines(dataDir.resolve("postmaster.pid"), StandardCharsets.US_ASCII)) {
			return lines.findFirst().map(String::trim).filter(s -> s.matches("\\d+")).map(Long::valueOf);
		}
		catch (IOException | RuntimeException e) {
			return Optional.empty();
		}
	}

	/** The live postmaster of this data directory, if there is one (a stale PID reused by another program is not). */
	static Optional<ProcessHandle> livePostmaster(Path dataDir) {
		return postmasterPid(dataDir).flatMap(ProcessHandle::of).filter(PostgresProcesses::running)
			.filter(p -> servesDirectory(p, dataDir));
	}

	/**
	 * Alive and not a zombie. A killed postmaster's parent is init (pg_ctl detached it), which may
	 * reap it only a second later, or never (a container whose first process is this JVM); until
	 * then {@link ProcessHandle#isAlive()} says true and the server looked up and running.
	 */
	static boolean running(ProcessHandle process) {
		if (!process.isAlive()) {
			return false;
		}
		if (!Files.isDirectory(PROC)) {
			return true; // elsewhere (macOS) ProcessHandle is all there is
		}
		try {
			String stat = Files.readString(PROC.resolve(process.pid() + "/stat"), StandardCharsets.US_ASCII);
			return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z'; // "pid (name) state ...": the name may hold ")"
		}
		catch (IOException | RuntimeException e) {
			return false; // gone meanwhile
		}
	}

	/**
	 * Removes {@code postmaster.pid} when the process it names is a zombie: PostgreSQL's start
	 * refuses a lock file whose PID still answers a signal, which a zombie does until it is reaped.
	 */
	static void removeLockOfZombie(Path dataDir) throws IOException {
		Optional<ProcessHandle> named = postmasterPid(dataDir).flatMap(ProcessHandle::of);
		if (named.isPresent() && named.get().isAlive() && !running(named.get())) {
			Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
		}
	}

	/**
	 * Every live postgres process working in this data directory: the postmaster and its children,
	 * which outlive a postmaster killed with SIGKILL for a moment and keep its shared memory attached.
	 */
	static List<ProcessHandle> of(Path dataDir) {
		if (!Files.isDirectory(PROC)) {
			return livePostmaster(dataDir).map(p -> Stream.concat(Stream.of(p), p.descendants()).toList()).orElse(List.of());
		}
		return ProcessHandle.allProcesses().filter(p -> servesDirectory(p, dataDir)).toList();
	}

	/** Whether the process is a postgres program working in this directory. */
	static boolean servesDirectory(ProcessHandle process, Path dataDir) {
		Path dir = realPath(dataDir);
		Path proc = PROC.resolve(Long.toString(process.pid()));
		if (Files.isDirectory(PROC)) {
			try {
				return Files.readSymbolicLink(proc.resolve("cwd")).equals(dir)
						&& Files.readSymbolicLink(proc.resolve("exe")).getFileName().toString().startsWith("postgres");
			}
			catch (IOException | RuntimeException e) {
				return false; // gone meanwhile, or not ours to read
			}
		}
		// elsewhere (macOS): the postmaster's command line names its data directory
		return process.info().commandLine().filter(c -> c.contains("postgres") && c.contains(dir.toString())).isPresent();
	}

	private static Path realPath(Path dir) {
		try {
			return dir.toRealPath(); // what /proc shows when the configured path goes through a symbolic link
		}
		catch (IOException e) {
			return dir.toAbsolutePath().normalize();
		}
	}

	/**
	 * Stops the postmaster with a fast shutdown (SIGINT: sessions rolled back, a checkpoint, a clean
	 * exit) and, if it has not exited within {@code grace}, kills it and every process of the data
	 * directory. Returns once none is left, or after a further few seconds.
	 */
	static void stop(ProcessHandle postmaster, Path dataDir, Duration grace) {
		signal(postmaster.pid(), "INT");
		if (!waitForExit(List.of(postmaster), grace)) {
			postmaster.destroyForcibly();
		}
		killAll(dataDir);
	}

	/** SIGKILL to every postgres process of the data directory; waits until they are gone (at most 5 s). */
	static void killAll(Path dataDir) {
		List<ProcessHandle> left = of(dataDir);
		left.forEach(ProcessHandle::destroyForcibly);
		waitForExit(left, Duration.ofSeconds(5));
	}

	static boolean waitForExit(List<ProcessHandle> processes, Duration limit) {
		long deadline = System.nanoTime() + limit.toNanos();
		while (processes.stream().anyMatch(PostgresProcesses::running)) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	/** Java sends only SIGTERM and SIGKILL; the shell's {@code kill} sends the others. */
	private static void signal(long pid, String signal) {
		try {
			new ProcessBuilder("sh", "-c", "kill -" + signal + " " + pid).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
		}
		catch (IOException e) {
			ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy); // SIGTERM: a smart shutdown
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
