package vn.ideabank.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.text.TextNormalizer;

/**
 * The thesaurus's administration, for system-wide administrators (docs/search.md, "Thesaurus administration"):
 * the groups in effect, and the administrators' additions as text in the thesaurus file's format, checked line
 * by line and saved in the database for every node ({@link ThesaurusStore}); the node that saves uses them at
 * once, the others within seconds ({@link ThesaurusSource}). Search and similar ideas both read the result.
 */
@Service
public class ThesaurusAdmin {

	private static final Logger log = LoggerFactory.getLogger(ThesaurusAdmin.class);

	private final ThesaurusStore store;

	private final ThesaurusSource source;

	ThesaurusAdmin(ThesaurusStore store, ThesaurusSource source) {
		this.store = store;
		this.source = source;
	}

	/** A group in effect: its canonical name, its other phrases, whether the administrators added or changed it. */
	public record Group(String name, List<String> others, boolean added) {
	}

	/** A broader-term line in effect ("cây cam > cây ăn quả"). */
	public record Broader(String specific, String broader, boolean added) {
	}

	/** A line of the text that cannot be saved: its number (0: the whole text), the message key and arguments. */
	public record Problem(int line, String messageKey, List<Object> args) {
	}

	/**
	 * The administrators' text and its version (sent back with a save), who saved it last, the groups and broader
	 * terms in effect, the built-in groups the text drops, and this node's file (if it has one).
	 */
	public record View(String text, long version, Instant updatedAt, String updatedBy, List<Group> groups,
			List<Broader> broader, List<String> dropped, String file, int fileLines) {
	}

	/** Read on the primary (not a replica): right after a save the page must show the new text and version. */
	@Transactional
	public View view(Caller caller) {
		SearchAdmin.check(caller);
		ThesaurusStore.Saved saved = store.read();
		List<String> fileLines = source.fileLines();
		Thesaurus inEffect = compose(fileLines, saved.body());
		Thesaurus added = Thesaurus.parse(concat(fileLines, saved.body()));
		Set<String> addedGroups = new HashSet<>();
		added.groupList().forEach(g -> addedGroups.add(Thesaurus.key(g.get(0))));
		Set<String> addedBroader = new HashSet<>();
		added.broaderLines().keySet().forEach(s -> addedBroader.add(Thesaurus.key(s)));
		List<Group> groups = inEffect.groupList().stream()
			.map(g -> new Group(g.get(0), g.subList(1, g.size()), addedGroups.contains(Thesaurus.key(g.get(0))))).toList();
		List<Broader> broader = new ArrayList<>();
		inEffect.broaderLines().forEach((s, b) -> broader.add(new Broader(s, b, addedBroader.contains(Thesaurus.key(s)))));
		Set<String> inEffectNames = new HashSet<>();
		inEffect.groupList().forEach(g -> inEffectNames.add(Thesaurus.key(g.get(0))));
		List<String> dropped = Thesaurus.builtIn().groupList().stream().map(g -> g.get(0))
			.filter(name -> !inEffectNames.contains(Thesaurus.key(name))).toList();
		return new View(saved.body(), saved.version(), saved.updatedAt(), saved.updatedBy(), groups, List.copyOf(broader), dropped,
				source.file().toString(), fileLines.size());
	}

	/** What is wrong with a text, line by line (empty: it can be saved). */
	public List<Problem> check(Caller caller, String text) {
		SearchAdmin.check(caller);
		return problems(normalized(text));
	}

	/**
	 * Saves the administrators' text if every line is right and nobody saved since {@code version}; refused (the
	 * first problem, on the field {@code text}) or stale (409), nothing changes. Returns the new version.
	 */
	@Transactional
	public long save(Caller caller, String text, long version) {
		SearchAdmin.check(caller);
		String body = normalized(text);
		List<Problem> problems = problems(body);
		if (!problems.isEmpty()) {
			Problem first = problems.get(0);
			throw new BusinessException("text", first.messageKey(), first.args().toArray());
		}
		long saved = store.save(body, version, caller.username());
		log.info("Thesaurus additions saved by {} (version {}, {} lines)", caller.username(), saved, body.lines().count());
		// in use on this node once committed; the other nodes see the new version at their next look
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					source.saved(body, saved);
				}
			});
		}
		else {
			source.saved(body, saved);
		}
		return saved;
	}

	private List<Problem> problems(String body) {
		Thesaurus before = compose(source.fileLines(), "");
		return ThesaurusLines.check(body, before).stream().map(p -> new Problem(p.line(), p.messageKey(), p.args())).toList();
	}

	private static String normalized(String text) {
		String body = TextNormalizer.normalize(text);
		return body == null ? "" : body;
	}

	private static Thesaurus compose(List<String> fileLines, String saved) {
		List<String> lines = new ArrayList<>(Thesaurus.builtInLines());
		lines.addAll(concat(fileLines, saved));
		return Thesaurus.parse(lines);
	}

	private static List<String> concat(List<String> fileLines, String saved) {
		List<String> lines = new ArrayList<>(fileLines);
		lines.addAll(saved.lines().toList());
		return lines;
	}
}
