package vn.ideabank.idea;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.text.TextNormalizer;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * Duplicates: an idea marked "trùng với TS-…" by the unit's staff, and the import's check for rows that
 * repeat an idea already there. A marked idea stays readable with its history but leaves every count
 * (the tally's triggers skip it, V80), and its lifecycle waits until the mark is taken back (only its
 * author may still withdraw it). The original must be an older idea the caller can read, that counts
 * (neither a draft nor withdrawn) and is not a duplicate itself; an idea others repeat cannot become a
 * duplicate, so marks never form chains.
 */
@Service
@Transactional(readOnly = true)
public class IdeaDuplicates {

	private final IdeaRepository ideas;

	private final IdeaHistoryRepository history;

	private final UnitService units;

	private final JdbcClient jdbc;

	IdeaDuplicates(IdeaRepository ideas, IdeaHistoryRepository history, UnitService units, JdbcClient jdbc) {
		this.ideas = ideas;
		this.history = history;
		this.units = units;
		this.jdbc = jdbc;
	}

	/**
	 * Marks the idea as repeating {@code original}, given by its code ({@code TS-2026-000012}) or id.
	 * Refusals name the field "original" (or are 403 for a caller who may not mark, 409 for a stale version).
	 */
	@Transactional
	public IdeaView mark(Caller caller, long id, String original, long version) {
		Idea idea = markable(caller, id, version);
		if (idea.duplicateOfId() != null) {
			throw new BusinessException("original", "idea.duplicate.error.already", idea.duplicateOfCode());
		}
		if (idea.status() == IdeaStatus.DRAFT) {
			throw new BusinessException("original", "idea.duplicate.error.draft");
		}
		Idea first = find(original).filter(o -> IdeaAccess.canRead(caller, o))
			.orElseThrow(() -> new BusinessException("original", "idea.duplicate.error.unknown", String.valueOf(original).strip()));
		if (first.id().equals(idea.id())) {
			throw new BusinessException("original", "idea.duplicate.error.self");
		}
		Comparator<Idea> age = Comparator.comparing(Idea::createdAt).thenComparing(Idea::id);
		if (age.compare(first, idea) > 0) {
			throw new BusinessException("original", "idea.duplicate.error.later", first.code(), idea.code());
		}
		if (first.duplicateOfId() != null) {
			throw new BusinessException("original", "idea.duplicate.error.chain", first.code(), first.duplicateOfCode());
		}
		if (first.status() == IdeaStatus.DRAFT || first.status() == IdeaStatus.WITHDRAWN) {
			throw new BusinessException("original", "idea.duplicate.error.originalNotCounted", first.code());
		}
		if (ideas.existsByDuplicateOfId(idea.id())) {
			throw new BusinessException("original", "idea.duplicate.error.isOriginal", idea.code());
		}
		idea.markDuplicateOf(first, caller.accountId());
		ideas.saveAndFlush(idea);
		record(caller, idea, "DUPLICATE", first.code());
		return idea.view();
	}

	/** Takes the mark back ("bỏ đánh dấu trùng"): the idea counts again and its lifecycle goes on. */
	@Transactional
	public IdeaView unmark(Caller caller, long id, long version) {
		Idea idea = markable(caller, id, version);
		if (idea.duplicateOfId() == null) {
			throw new BusinessException((String) null, "idea.duplicate.error.notMarked", idea.code());
		}
		String original = idea.duplicateOfCode();
		idea.unmarkDuplicate();
		ideas.saveAndFlush(idea);
		record(caller, idea, "UNDUPLICATE", original);
		return idea.view();
	}

	private Idea markable(Caller caller, long id, long version) {
		Idea idea = ideas.findById(id).orElseThrow(() -> new NotFoundException("idea.error.notFound"));
		if (!IdeaAccess.canRead(caller, idea)) {
			throw new ForbiddenException();
		}
		if (!IdeaAccess.canMarkDuplicate(caller, idea)) {
			throw new ForbiddenException("idea.duplicate.error.forbidden");
		}
		if (idea.version() != version) {
			throw new ObjectOptimisticLockingFailureException(Idea.class, idea.id());
		}
		return idea;
	}

	/** By code (any case, blanks trimmed) or by id. */
	private Optional<Idea> find(String reference) {
		String ref = TextNormalizer.normalizeToNull(reference);
		if (ref == null) {
			return Optional.empty();
		}
		if (ref.matches("\\d{1,18}")) {
			return ideas.findById(Long.parseLong(ref));
		}
		return ideas.findByCode(ref.toUpperCase(Locale.ROOT));
	}

	private void record(Caller caller, Idea idea, String step, String originalCode) {
		history.save(new IdeaHistoryEntry(idea.id(), caller.accountId(), caller.displayName(), step, idea.status(),
				idea.status(), originalCode));
	}

	// --- the import's check ----------------------------------------------------------------------

	/**
	 * What makes two ideas of a unit and year the same for an import: the title and the first author's
	 * name, normalised (NFC), folded (no diacritics, đ → d), lower case, punctuation and runs of blanks
	 * as one space — so "Máy sấy nông sản." by "Lê Thị Hoa" matches "may say nong san" by "LE THI HOA".
	 */
	static String key(String title, String firstAuthor) {
		return fold(title) + "|" + fold(firstAuthor);
	}

	private static String fold(String text) {
		String s = TextNormalizer.normalize(text);
		return s == null ? "" : TextNormalizer.fold(s).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
	}

	/** A new look-up for one import: the ideas already in each unit and year are read once, then remembered. */
	Lookup lookup() {
		return new Lookup();
	}

	/** The ideas an import meets, per unit and year: those in the database, then the sheet's own rows. */
	final class Lookup {

		private final Map<String, Map<String, String>> byUnitYear = new HashMap<>();

		/** The code of the idea already there (or "row N" of this sheet) that the row repeats, if any. */
		Optional<String> existing(long unitId, int year, String title, List<String> authors) {
			return Optional.ofNullable(known(unitId, year).get(key(title, authors.isEmpty() ? null : authors.get(0))));
		}

		/** Remembers a row about to be imported, so a later row repeating it is caught too. */
		void remember(long unitId, int year, String title, List<String> authors, String label) {
			known(unitId, year).putIfAbsent(key(title, authors.isEmpty() ? null : authors.get(0)), label);
		}

		private Map<String, String> known(long unitId, int year) {
			return byUnitYear.computeIfAbsent(unitId + "/" + year, k -> read(unitId, year));
		}

		private Map<String, String> read(long unitId, int year) {
			String path = units.find(unitId).map(UnitView::path).orElse(null);
			Map<String, String> keys = new HashMap<>();
			if (path == null) {
				return keys;
			}
			// the unit's own ideas (by its path: indexed), the oldest first so a key names the original
			jdbc.sql("""
					select i.code, i.title,
					       (select a.full_name from idea_author a where a.idea_id = i.id order by a.position limit 1)
					  from idea i where i.unit_path = :path and i.year = :year order by i.id""")
				.param("path", path).param("year", year)
				.query((rs, n) -> keys.putIfAbsent(key(rs.getString(2), rs.getString(3)), rs.getString(1))).list();
			return keys;
		}
	}
}
