package vn.ideabank.search;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.search.engine.backend.metamodel.IndexFieldDescriptor;
import org.hibernate.search.engine.backend.metamodel.IndexValueFieldTypeDescriptor;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the index remembers about itself, in a small file beside it ({@code <index-dir>/idea.state}): the
 * mapping it was built with and whether a rebuild was under way. Kept with the index rather than in the
 * database because each node has its own Lucene directory (and deleting the directory forgets both).
 * Written to a temporary file, forced to disk and moved over the old one, so a crash leaves the old or the
 * new state, never half of one.
 * <p>
 * A cluster index ({@link SearchBackend#sharedIndex()}) is one for every node: its state is in the database
 * ({@code search_index_state.shared_*}, named after the index), and every node uses one name in the change log
 * ({@code cluster:<index>}), hence one cursor and one lock key.
 */
@Component
class IndexState {

	/**
	 * Raise when the analysis changes what a text becomes ({@link VietnameseAnalysis}): the fields'
	 * fingerprint cannot see that, and documents analysed the old way must be rebuilt.
	 */
	static final int ANALYSIS_VERSION = 2; // 2: the standard tokenizer instead of ICU's

	/** The index's state: {@code mapping} is the fingerprint it was last completely built with (null: not known). */
	record Stamp(String mapping, boolean rebuilding) {
	}

	private final EntityManagerFactory emf;

	private final JdbcClient jdbc;

	/** The cluster index's name, or null for the node's own Lucene index. */
	private final String shared;

	private final Path file;

	private final Path nodeFile;

	private volatile String fingerprint;

	private volatile String nodeId;

	private volatile boolean nodeIdIsNew;

	IndexState(EntityManagerFactory emf, JdbcClient jdbc, SearchBackend backend, @Value("${ideabank.search.index-dir}") String indexDir) {
		this.emf = emf;
		this.jdbc = jdbc;
		this.shared = backend.sharedIndex().orElse(null);
		this.file = Path.of(indexDir).resolve(LuceneSearchBackend.INDEX_NAME + ".state");
		this.nodeFile = Path.of(indexDir).resolve(LuceneSearchBackend.INDEX_NAME + ".node");
	}

	/**
	 * This index's name in the change log ({@code search_node}): made once and kept beside the index, so a node
	 * keeps its cursor across restarts, and an index directory deleted (or a new node) starts as a new one.
	 * Copying an index directory to a second node copies the name too: don't (docs/search.md, "Several nodes").
	 */
	synchronized String nodeId() {
		if (nodeId == null && shared != null) {
			// a node that lost its cursor row cannot tell what the shared index missed: not "new" (it rebuilds)
			nodeId = "cluster:" + shared;
		}
		if (nodeId == null) {
			try {
				if (Files.isRegularFile(nodeFile)) {
					nodeId = Files.readString(nodeFile, StandardCharsets.UTF_8).strip();
				}
				if (nodeId == null || nodeId.isEmpty()) {
					nodeId = "node-" + java.util.UUID.randomUUID();
					nodeIdIsNew = true;
					writeAtomically(nodeFile, nodeId + "\n");
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return nodeId;
	}

	/** True when this start made the node's name (no earlier index had one here). */
	boolean nodeIdIsNew() {
		nodeId();
		return nodeIdIsNew;
	}

	/** The key of {@link IndexLock} for this index: writes to one node's index are ordered, other nodes never wait. */
	long lockKey() {
		return IndexLock.KEY << 32 | (nodeId().hashCode() & 0xFFFF_FFFFL);
	}

	Optional<Stamp> read() {
		if (shared != null) {
			return jdbc.sql("select shared_mapping, shared_rebuilding from search_index_state where id = 1 and shared_index = :n")
				.param("n", shared).query((rs, n) -> new Stamp(rs.getString(1), rs.getBoolean(2))).optional();
		}
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		Properties p = new Properties();
		try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			p.load(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return Optional.of(new Stamp(p.getProperty("mapping"), Boolean.parseBoolean(p.getProperty("rebuilding"))));
	}

	/** Before a rebuild's first write: a crash from here on makes the next start rebuild again. */
	void rebuildStarted() {
		write(new Stamp(read().map(Stamp::mapping).orElse(null), true));
	}

	/** After the last write of a complete build (or a check that found the index complete) is on disk. */
	void complete() {
		write(new Stamp(currentMapping(), false));
	}

	private void write(Stamp stamp) {
		if (shared != null) {
			jdbc.sql("update search_index_state set shared_index = :n, shared_mapping = :m, shared_rebuilding = :r where id = 1")
				.param("n", shared).param("m", stamp.mapping()).param("r", stamp.rebuilding()).update();
			return;
		}
		Properties p = new Properties();
		if (stamp.mapping() != null) {
			p.setProperty("mapping", stamp.mapping());
		}
		p.setProperty("rebuilding", String.valueOf(stamp.rebuilding()));
		try {
			StringWriter text = new StringWriter();
			p.store(text, "search index state (docs/search.md)");
			writeAtomically(file, text.toString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void writeAtomically(Path target, String text) throws IOException {
		Files.createDirectories(target.getParent());
		Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
		try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
				StandardOpenOption.WRITE)) {
			channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
			channel.force(true);
		}
		Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	/**
	 * A fingerprint of the index's fields as mapped on the idea (name, type, what each is for, analyzer)
	 * and of the analysis version: it changes when a field is added, removed or analysed differently.
	 */
	String currentMapping() {
		String f = fingerprint;
		if (f == null) {
			TreeSet<String> fields = new TreeSet<>();
			for (IndexFieldDescriptor field : Search.mapping(emf).indexedEntity(SearchIndexing.ENTITY).indexManager()
				.descriptor().staticFields()) {
				if (field.isValueField()) {
					IndexValueFieldTypeDescriptor t = field.toValueField().type();
					fields.add(String.join(":", field.absolutePath(), t.valueClass().getName(), flag(t.searchable()),
							flag(t.sortable()), flag(t.projectable()), flag(t.aggregable()), flag(field.multiValued()),
							t.analyzerName().orElse("-"), t.searchAnalyzerName().orElse("-"), t.normalizerName().orElse("-")));
				}
				else {
					fields.add(field.absolutePath() + ":object");
				}
			}
			fields.add("analysis:" + ANALYSIS_VERSION);
			try {
				byte[] hash = MessageDigest.getInstance("SHA-256").digest(String.join("\n", fields).getBytes(StandardCharsets.UTF_8));
				f = HexFormat.of().formatHex(hash, 0, 8);
			}
			catch (NoSuchAlgorithmException e) {
				throw new IllegalStateException(e);
			}
			fingerprint = f;
		}
		return f;
	}

	private static String flag(boolean b) {
		return b ? "1" : "0";
	}
}
