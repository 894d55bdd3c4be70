package vn.ideabank.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The thesaurus in use: the built-in one, then a file on this node ({@code ${IDEABANK_DATA_DIR}/search/thesaurus.txt},
 * same format, "!name" drops a built-in group; kept for installations that manage it as configuration), then the
 * administrators' additions saved in the database ({@link ThesaurusStore}, edited on /admin/search/thesaurus),
 * which every node reads. Whether the file or the saved version changed is looked at no more often than
 * {@code ideabank.search.thesaurus.check-every} (5 s): so another node's save is in use here within seconds, and
 * a save on this node at once ({@link #saved}). A file or row that cannot be read leaves the last good thesaurus
 * in use, with a warning in the log.
 */
@Component
public class ThesaurusSource {

	private static final Logger log = LoggerFactory.getLogger(ThesaurusSource.class);

	private final Path file;

	private final ThesaurusStore store;

	private final long checkEveryMillis;

	private volatile Thesaurus current = Thesaurus.builtIn();

	private volatile FileTime loadedFile;

	private volatile long loadedVersion;

	private volatile long checkedAt;

	ThesaurusSource(@Value("${ideabank.search.thesaurus-file:${IDEABANK_DATA_DIR:data}/search/thesaurus.txt}") String file,
			ThesaurusStore store, @Value("${ideabank.search.thesaurus.check-every:PT5S}") Duration checkEvery) {
		this.file = Path.of(file);
		this.store = store;
		this.checkEveryMillis = checkEvery.toMillis();
	}

	/** The thesaurus with the administrators' additions; also for query expansion ({@link QueryExpansion}). */
	public Thesaurus current() {
		long now = System.currentTimeMillis();
		if (now - checkedAt > checkEveryMillis) {
			checkedAt = now;
			reloadIfChanged();
		}
		return current;
	}

	/** A save on this node: in use at once (the other nodes see the new version at their next look). */
	synchronized void saved(String body, long version) {
		try {
			current = build(loadedFile == null ? List.of() : readFile(), body);
			loadedVersion = version;
			log.info("Thesaurus: {} groups (saved, version {})", current.groups(), version);
		}
		catch (RuntimeException e) {
			checkedAt = 0; // read again at the next use
			log.warn("Thesaurus not rebuilt after a save, read again at the next use: {}", e.toString());
		}
	}

	/** The file of this node, and its lines (none when there is no file). */
	Path file() {
		return file;
	}

	List<String> fileLines() {
		return Files.isRegularFile(file) ? readFile() : List.of();
	}

	private synchronized void reloadIfChanged() {
		try {
			FileTime modified = Files.isRegularFile(file) ? Files.getLastModifiedTime(file) : null;
			long version = store.version().orElse(0L);
			if (Objects.equals(modified, loadedFile) && version == loadedVersion) {
				return;
			}
			ThesaurusStore.Saved saved = store.read();
			current = build(modified == null ? List.of() : readFile(), saved.body());
			loadedFile = modified;
			loadedVersion = saved.version();
			log.info("Thesaurus: {} groups ({}, saved version {})", current.groups(), modified == null ? "no file" : file,
					saved.version());
		}
		catch (IOException | RuntimeException e) {
			log.warn("Thesaurus ({} or the saved additions) not read, the previous one stays in use: {}", file, e.toString());
		}
	}

	private List<String> readFile() {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static Thesaurus build(List<String> fileLines, String saved) {
		if (fileLines.isEmpty() && saved.isBlank()) {
			return Thesaurus.builtIn();
		}
		List<String> lines = new ArrayList<>(Thesaurus.builtInLines());
		lines.addAll(fileLines);
		lines.addAll(saved.lines().toList());
		return Thesaurus.parse(lines);
	}
}
