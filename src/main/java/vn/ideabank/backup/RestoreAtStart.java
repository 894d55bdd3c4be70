package vn.ideabank.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * {@code ideabank.restore=<backup.zip>} (or {@code IDEABANK_RESTORE}): the backup is restored in place
 * of the schema migration at start, before anything else uses the database; the application then
 * starts as usual on the restored data and rebuilds its search index from it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RestoreAtStart.RestoreRequested.class)
class RestoreAtStart {

	private static final Logger log = LoggerFactory.getLogger(RestoreAtStart.class);

	@Bean
	FlywayMigrationStrategy restoreThenMigrate(@Value("${ideabank.restore}") String archive, DataSource dataSource,
			@Value("${ideabank.files.dir}") String filesDir, @Value("${ideabank.search.index-dir:}") String indexDir) {
		return flyway -> {
			try {
				BackupRestore.restore(Path.of(archive), dataSource, flyway, Path.of(filesDir));
				clearSearchIndex(indexDir);
			}
			catch (IOException | SQLException e) {
				throw new IllegalStateException("Restore of " + archive + " failed: " + e.getMessage(), e);
			}
		};
	}

	/** The index is derived data: whatever a directory holds from before would not match the restored rows. */
	private static void clearSearchIndex(String indexDir) throws IOException {
		if (!StringUtils.hasText(indexDir) || !Files.isDirectory(Path.of(indexDir))) {
			return;
		}
		try (Stream<Path> children = Files.list(Path.of(indexDir))) {
			for (Path child : children.toList()) {
				BackupWriter.deleteTree(child);
			}
		}
		log.info("Search index directory {} emptied: it is rebuilt from the restored ideas", indexDir);
	}

	static class RestoreRequested implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return StringUtils.hasText(context.getEnvironment().getProperty("ideabank.restore"));
		}
	}
}
