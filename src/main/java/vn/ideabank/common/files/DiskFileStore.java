package vn.ideabank.common.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Files under {@code <data dir>/files/ab/cd/<uuid>}; keys are random, so names never reach the disk. */
@Component
class DiskFileStore implements FileStore {

	private final Path root;

	DiskFileStore(@Value("${ideabank.files.dir}") String dir) {
		this.root = Path.of(dir).toAbsolutePath().normalize();
	}

	@Override
	public String put(InputStream content) throws IOException {
		String key = UUID.randomUUID().toString();
		Path target = resolve(key);
		Files.createDirectories(target.getParent());
		Path partial = target.resolveSibling(key + ".part");
		// on disk before the row that names it commits (the database is durable too): flush the bytes, then the rename
		try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
				StandardOpenOption.WRITE)) {
			content.transferTo(Channels.newOutputStream(out));
			out.force(true);
		}
		Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
		forceDirectory(target.getParent());
		return key;
	}

	private static void forceDirectory(Path dir) {
		try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
			d.force(true);
		}
		catch (IOException e) {
			// not every system can flush a directory (Windows); the file's own bytes are flushed
		}
	}

	@Override
	public InputStream open(String key) throws IOException {
		return Files.newInputStream(resolve(key));
	}

	@Override
	public void delete(String key) throws IOException {
		Files.deleteIfExists(resolve(key));
	}

	private Path resolve(String key) {
		UUID.fromString(key); // only keys this store made: no path tricks
		Path p = root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key).normalize();
		if (!p.startsWith(root)) {
			throw new IllegalArgumentException("bad key");
		}
		return p;
	}
}
