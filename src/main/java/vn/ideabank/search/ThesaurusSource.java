package vn.ideabank.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The thesaurus in use: the built-in one, then an administrator's file
 * ({@code ${IDEABANK_DATA_DIR}/search/thesaurus.txt}, same format, "!name" drops a built-in group), read
 * again when it changes (looked at no more than every ten seconds). A file that cannot be read leaves the
 * last good thesaurus in use, with a warning in the log.
 */
@Component
public class ThesaurusSource {

	private static final Logger log = LoggerFactory.getLogger(ThesaurusSource.class);

	private final Path file;

	private volatile Thesaurus current = Thesaurus.builtIn();

	private volatile FileTime loaded;

	private volatile long checkedAt;

	ThesaurusSource(@Value("${ideabank.search.thesaurus-file:${IDEABANK_DATA_DIR:data}/search/thesaurus.txt}") String file) {
		this.file = Path.of(file);
	}

	/** The thesaurus with the administrator's additions; also for query expansion ({@link Thesaurus#expansions}). */
	public Thesaurus current() {
		long now = System.currentTimeMillis();
		if (now - checkedAt > 10_000) {
			checkedAt = now;
			reloadIfChanged();
		}
		return current;
	}

	private synchronized void reloadIfChanged() {
		try {
			FileTime modified = Files.isRegularFile(file) ? Files.getLastModifiedTime(file) : null;
			if (modified == null ? loaded == null : modified.equals(loaded)) {
				return;
			}
			List<String> lines = new ArrayList<>();
			try (var in = Thesaurus.class.getResourceAsStream("/search/thesaurus-vi.txt")) {
				lines.addAll(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
			}
			if (modified != null) {
				lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
			}
			current = modified == null ? Thesaurus.builtIn() : Thesaurus.parse(lines);
			loaded = modified;
			log.info("Thesaurus: {} groups ({})", current.groups(), modified == null ? "built in" : file);
		}
		catch (IOException | RuntimeException e) {
			log.warn("Thesaurus file {} not read, the previous one stays in use: {}", file, e.toString());
		}
	}
}
