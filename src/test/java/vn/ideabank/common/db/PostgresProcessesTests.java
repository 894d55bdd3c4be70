package vn.ideabank.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A killed postmaster stays a zombie until init reaps it, a second later or never: it must count as
 * stopped, for the health check, the watchdog and PostgreSQL's own lock file.
 */
@EnabledOnOs(OS.LINUX)
class PostgresProcessesTests {

	@TempDir
	Path dataDir;

	@Test
	void aZombieIsNotRunningAndItsLockFileIsRemoved() throws Exception {
		// the shell starts "true" in the background and becomes "sleep", which never reaps it
		Process parent = new ProcessBuilder("sh", "-c", "true & exec sleep 20").start();
		try {
			ProcessHandle zombie = awaitZombieChild(parent.toHandle());
			assertThat(zombie.isAlive()).as("what ProcessHandle says of a zombie").isTrue();
			assertThat(PostgresProcesses.running(zombie)).isFalse();
			assertThat(PostgresProcesses.running(parent.toHandle())).isTrue();

			Files.writeString(dataDir.resolve("postmaster.pid"), parent.pid() + "\n" + dataDir + "\n");
			PostgresProcesses.removeLockOfZombie(dataDir);
			assertThat(dataDir.resolve("postmaster.pid")).as("the lock of a running process is kept").exists();

			Files.writeString(dataDir.resolve("postmaster.pid"), zombie.pid() + "\n" + dataDir + "\n");
			PostgresProcesses.removeLockOfZombie(dataDir);
			assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
		}
		finally {
			parent.destroyForcibly();
		}
	}

	private static ProcessHandle awaitZombieChild(ProcessHandle parent) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			for (ProcessHandle child : parent.children().toList()) {
				String stat = Files.readString(Path.of("/proc", Long.toString(child.pid()), "stat"));
				if (stat.contains(") Z ")) {
					return child;
				}
			}
			Thread.sleep(20);
		}
		throw new AssertionError("no zombie child of " + parent.pid());
	}
}
