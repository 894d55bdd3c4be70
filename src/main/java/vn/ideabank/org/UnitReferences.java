package vn.ideabank.org;

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
import vn.ideabank.common.security.UnitScope;
import vn.ideabank.common.text.FoldedMatch;
import vn.ideabank.common.text.TextNormalizer;

/**
 * How a person names a unit in a form or a filter: by its code (any case) or its number, within the subtrees where
 * they hold a role; and the unit picker's suggestions. A unit outside the scope answers like an unknown one.
 */
@Service
@Transactional(readOnly = true)
public class UnitReferences {

	/** How many suggestions a picker shows. */
	public static final int PICK_LIMIT = 20;

	private final UnitRepository units;

	UnitReferences(UnitRepository units) {
		this.units = units;
	}

	/** The unit named by a code or a number, if the caller holds a role covering it. */
	public Optional<UnitView> find(Caller caller, String reference) {
		String ref = TextNormalizer.normalizeToNull(reference);
		if (ref == null) {
			return Optional.empty();
		}
		Optional<Unit> unit = ref.matches("[0-9]{1,18}") ? units.findById(Long.parseLong(ref))
				: units.findOne((root, q, cb) -> cb.equal(cb.upper(root.get("code")), ref.toUpperCase(Locale.ROOT)));
		UnitScope scope = UnitScope.of(caller);
		return unit.map(Unit::view).filter(u -> scope.covers(u.path()));
	}

	/** The id of the unit named by a code or a number; refused on {@code field} when unknown or outside the scope. */
	public long resolve(Caller caller, String reference, String field) {
		return find(caller, reference).map(UnitView::id)
			.orElseThrow(() -> new BusinessException(field, "unit.reference.unknown", String.valueOf(reference).strip()));
	}

	/**
	 * A list's unit filter as typed in the unit picker: blank is no filter, a number is kept as it is (the list's
	 * own scope check answers for it, 403 outside), a code is resolved within the scope or refused on {@code field}.
	 */
	public Long filterId(Caller caller, String typed, String field) {
		String ref = TextNormalizer.normalizeToNull(typed);
		if (ref == null) {
			return null;
		}
		return ref.matches("[0-9]{1,18}") ? Long.valueOf(ref) : resolve(caller, ref, field);
	}

	/** The code to show in a unit picker for a filter's unit id, if the caller's scope covers that unit. */
	public String codeOf(Caller caller, Long unitId) {
		if (unitId == null) {
			return null;
		}
		UnitScope scope = UnitScope.of(caller);
		return units.findById(unitId).map(Unit::view).filter(u -> scope.covers(u.path())).map(UnitView::code)
			.orElse(String.valueOf(unitId));
	}

	/**
	 * Up to {@link #PICK_LIMIT} active units in the caller's scope, in tree order, whose code starts with what was
	 * typed or whose name holds each typed word, accents ignored ("tho dan" finds "Xã Thọ Dân").
	 */
	public List<UnitView> pick(Caller caller, String typed) {
		String q = TextNormalizer.normalizeToNull(typed);
		Specification<Unit> spec = UnitScope.of(caller).<Unit>specification("path")
			.and((root, query, cb) -> cb.isTrue(root.get("active")));
		if (q != null) {
			List<String> words = FoldedMatch.words(q);
			String codePrefix = UnitScope.escapeLike(q.toUpperCase(Locale.ROOT)) + "%";
			spec = spec.and((root, query, cb) -> {
				List<Predicate> any = new ArrayList<>();
				any.add(cb.like(cb.upper(root.get("code")), codePrefix, '\\'));
				if (!words.isEmpty()) {
					any.add(FoldedMatch.allWords(cb, root.get("name"), words));
				}
				return cb.or(any.toArray(Predicate[]::new));
			});
		}
		return units.findAll(spec, PageRequest.of(0, PICK_LIMIT, Sort.by("path"))).map(Unit::view).getContent();
	}
}
