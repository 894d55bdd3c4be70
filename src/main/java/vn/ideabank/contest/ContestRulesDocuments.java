package vn.ideabank.contest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.files.FileStore;
import vn.ideabank.common.files.StoredFile;
import vn.ideabank.common.files.UploadCheck;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.text.TextNormalizer;

/**
 * The rules document (thể lệ) of a contest: one PDF or DOCX, checked by content like every upload,
 * uploaded (or replaced) by the organiser, downloadable by everyone who sees the contest.
 */
@Service
@Transactional(readOnly = true)
public class ContestRulesDocuments {

	private static final Set<String> KINDS = Set.of("pdf", "docx");

	/** What the contest page shows of the document. */
	public record RulesDocumentView(long contestId, String fileName, String contentType, long size, Instant uploadedAt,
			long version) {
	}

	public record Download(RulesDocumentView document, InputStream content) {
	}

	private final ContestService contests;

	private final JdbcClient jdbc;

	private final FileStore files;

	private final long maxBytes;

	ContestRulesDocuments(ContestService contests, JdbcClient jdbc, FileStore files,
			@Value("${ideabank.contest.rules-max-bytes:20971520}") long maxBytes) {
		this.contests = contests;
		this.jdbc = jdbc;
		this.files = files;
		this.maxBytes = maxBytes;
	}

	public Optional<RulesDocumentView> find(Caller caller, long contestId) {
		contests.visible(caller, contestId);
		return row(contestId).map(Row::view);
	}

	public long maxMegabytes() {
		return maxBytes / (1024 * 1024);
	}

	/** Stores (or replaces) the rules document; the organiser only. */
	@Transactional
	public RulesDocumentView upload(Caller caller, long contestId, String fileName, long size, UploadCheck.Content content) {
		Contest contest = contests.organised(caller, contestId);
		String name = TextNormalizer.fileName(fileName);
		if (name == null || size <= 0) {
			throw new BusinessException("file", "upload.error.empty");
		}
		int dot = name.lastIndexOf('.');
		if (dot < 0 || !KINDS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
			throw new BusinessException("file", "contest.rules.error.kind", name);
		}
		if (size > maxBytes) {
			throw new BusinessException("file", "upload.error.tooLarge", name, maxMegabytes());
		}
		try {
			StoredFile stored = StoredFile.store(files, name, content);
			files.deleteIfRolledBack(stored.key());
			row(contestId).ifPresent(old -> files.deleteOnCommit(old.storageKey()));
			jdbc.sql("""
					insert into contest_rules_document (contest_id, file_name, content_type, size_bytes, sha256, storage_key,
					  uploaded_by) values (:c, :n, :t, :s, :h, :k, :a)
					on conflict (contest_id) do update set file_name = excluded.file_name, content_type = excluded.content_type,
					  size_bytes = excluded.size_bytes, sha256 = excluded.sha256, storage_key = excluded.storage_key,
					  uploaded_by = excluded.uploaded_by, uploaded_at = now(),
					  version = contest_rules_document.version + 1""")
				.param("c", contestId).param("n", name).param("t", stored.contentType()).param("s", size)
				.param("h", stored.sha256()).param("k", stored.key()).param("a", caller.accountId()).update();
			contests.record(caller, contest.id(), null, "RULES_UPLOADED", name);
			return row(contestId).orElseThrow().view();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public Download open(Caller caller, long contestId) {
		contests.visible(caller, contestId);
		Row row = row(contestId).orElseThrow(() -> new NotFoundException("upload.error.notFound"));
		try {
			return new Download(row.view(), files.open(row.storageKey()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private record Row(RulesDocumentView view, String storageKey) {
	}

	private Optional<Row> row(long contestId) {
		return jdbc.sql("select * from contest_rules_document where contest_id = :c").param("c", contestId)
			.query((rs, n) -> new Row(new RulesDocumentView(contestId, rs.getString("file_name"),
					rs.getString("content_type"), rs.getLong("size_bytes"), rs.getTimestamp("uploaded_at").toInstant(),
					rs.getLong("version")), rs.getString("storage_key")))
			.optional();
	}
}
