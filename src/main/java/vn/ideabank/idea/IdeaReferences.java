package vn.ideabank.idea;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Roles;
import vn.ideabank.common.security.UnitScope;
import vn.ideabank.common.text.FoldedMatch;
import vn.ideabank.common.text.TextNormalizer;

/**
 * How a person names an idea in a form or an API call: by the code shown on it ({@code TS-2026-000001}, any
 * case, blanks trimmed) or, for old clients, by its number. An idea the caller may not read answers exactly
 * like one that does not exist, so another unit's codes cannot be probed. Also the idea picker's suggestions.
 */
@Service
@Transactional(readOnly = true)
public class IdeaReferences {

	/** How many suggestions a picker shows. */
	public static final int PICK_LIMIT = 20;

	/** A suggestion: the code to type and the idea's title. */
	public record Pick(String code, String title) {
	}

	private final IdeaRepository ideas;

	IdeaReferences(IdeaRepository ideas) {
		this.ideas = ideas;
	}

	/** The idea named by a code or a number, if it exists and the caller may read it. */
	public Optional<IdeaView> find(Caller caller, String reference) {
		return load(reference).filter(i -> IdeaAccess.canRead(caller, i)).map(Idea::view);
	}

	/**
	 * The id of the idea named by a code or a number; refused on {@code field} with "Không tìm thấy ý tưởng có
	 * mã “…” trong phạm vi của bạn" when it is blank, unknown or not readable by the caller.
	 */
	public long resolve(Caller caller, String reference, String field) {
		String ref = TextNormalizer.normalizeToNull(reference);
		if (ref == null) {
			throw new BusinessException(field, "idea.reference.required");
		}
		return load(ref).filter(i -> IdeaAccess.canRead(caller, i)).map(Idea::id)
			.orElseThrow(() -> new BusinessException(field, "idea.reference.unknown", ref));
	}

	/**
	 * Up to {@link #PICK_LIMIT} ideas the caller may read, newest first, whose code starts with what was typed or
	 * whose title holds each typed word (accents ignored). Candidates are taken from the subtrees where the caller
	 * reads ideas (and their own), then checked one by one with the read rule (drafts only for officers).
	 */
	public List<Pick> pick(Caller caller, String typed) {
		String q = TextNormalizer.normalizeToNull(typed);
		UnitScope readers = UnitScope.of(caller, Roles.STAFF_AND_ASSESSORS);
		Specification<Idea> spec = (root, query, cb) -> {
			List<Predicate> where = new ArrayList<>();
			Predicate mine = cb.equal(root.get("createdBy"), caller.accountId());
			where.add(readers.isNothing() ? mine : cb.or(readers.predicate(cb, root.get("unitPath")), mine));
			if (q != null) {
				String codePrefix = UnitScope.escapeLike(q.toUpperCase(Locale.ROOT)) + "%";
				List<String> words = FoldedMatch.words(q);
				Predicate byCode = cb.like(root.get("code"), codePrefix, '\\');
				where.add(words.isEmpty() ? byCode : cb.or(byCode, FoldedMatch.allWords(cb, root.get("title"), words)));
			}
			return cb.and(where.toArray(Predicate[]::new));
		};
		return ideas.findAll(spec, PageRequest.of(0, PICK_LIMIT * 2, Sort.by(Sort.Direction.DESC, "id"))).stream()
			.filter(i -> IdeaAccess.canRead(caller, i))
			.limit(PICK_LIMIT)
			.map(i -> new Pick(i.code(), i.title()))
			.toList();
	}

	private Optional<Idea> load(String reference) {
		String ref = TextNormalizer.normalizeToNull(reference);
		if (ref == null) {
			return Optional.empty();
		}
		ref = ref.replaceAll("\\s+", "");
		if (ref.matches("[0-9]{1,18}")) {
			return ideas.findById(Long.parseLong(ref));
		}
		return ref.matches("[A-Za-z0-9-]{1,40}") ? ideas.findByCode(ref.toUpperCase(Locale.ROOT)) : Optional.empty();
	}
}
