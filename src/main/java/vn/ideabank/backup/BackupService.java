package vn.ideabank.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Grant;
import vn.ideabank.common.security.Role;

/**
 * Backups taken while the application runs, kept as {@code <backup dir>/ideabank-YYYYMMDD-HHMMSS.zip}
 * (UTC): for system-wide administrators only. One at a time; the archive appears under its final name
 * only once complete.
 */
@Service
public class BackupService {

	private static final Logger log = LoggerFactory.getLogger(BackupService.class);

	private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

	private static final Pattern NAME = Pattern.compile("ideabank-\\d{8}-\\d{6}(-\\d+)?\\.zip");

	private final BackupWriter writer;

	private final Path dir;

	private final ReentrantLock running = new ReentrantLock();

	BackupService(DataSource dataSource, @Value("${ideabank.files.dir}") String filesDir, @Value("${ideabank.backup.dir}") String dir) {
		String version = BackupService.class.getPackage().getImplementationVersion();
		this.writer = new BackupWriter(dataSource, Path.of(filesDir).toAbsolutePath().normalize(), version != null ? version : "dev");
		this.dir = Path.of(dir).toAbsolutePath().normalize();
	}

	/** Takes a backup now; refused while another one runs. */
	public BackupView create(Caller caller) {
		requireSystemAdmin(caller);
		if (!running.tryLock()) {
			throw new BusinessException("backup.error.running");
		}
		try {
			Files.createDirectories(dir);
			long started = System.nanoTime();
			Path target = freeName(Instant.now());
			Path partial = target.resolveSibling(target.getFileName() + ".part");
			BackupManifest manifest = writer.write(partial, dir.resolve(".staging"));
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			log.info("Backup {} by {}: {} rows in {} tables, {} files ({} bytes), schema version {}, {} bytes in {} ms",
					target.getFileName(), caller.username(), manifest.rows(), manifest.tables().size(), manifest.fileCount(),
					manifest.fileBytes(), manifest.schemaVersion(), Files.size(target),
					Duration.ofNanos(System.nanoTime() - started).toMillis());
			return view(target);
		}
		catch (IOException | SQLException e) {
			throw new IllegalStateException("Backup failed: " + e.getMessage(), e);
		}
		finally {
			running.unlock();
		}
	}

	/** The backups, newest first. */
	public List<BackupView> list(Caller caller) {
		requireSystemAdmin(caller);
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).map(BackupService::view)
				.sorted(Comparator.comparing(BackupView::name).reversed()).toList();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The archive of that name, for download. */
	public Path file(Caller caller, String name) {
		requireSystemAdmin(caller);
		Path file = dir.resolve(name).normalize();
		if (!NAME.matcher(name).matches() || !file.getParent().equals(dir) || !Files.isRegularFile(file)) {
			throw new NotFoundException("backup.error.notFound");
		}
		return file;
	}

	/** Where the backups are written (shown to the administrator). */
	public Path directory() {
		return dir;
	}

	private Path freeName(Instant now) {
		String base = "ideabank-" + NAME_TIME.format(now);
		Path target = dir.resolve(base + ".zip");
		for (int n = 2; Files.exists(target); n++) {
			target = dir.resolve(base + "-" + n + ".zip");
		}
		return target;
	}

	private static BackupView view(Path file) {
		try {
			return new BackupView(file.getFileName().toString(), Files.size(file), Files.getLastModifiedTime(file).toInstant());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void requireSystemAdmin(Caller caller) {
		if (caller.grants().stream().noneMatch(BackupService::isSystemAdmin)) {
			throw new ForbiddenException();
		}
	}

	private static boolean isSystemAdmin(Grant g) {
		return g.role() == Role.ADMIN && g.systemWide();
	}
}
