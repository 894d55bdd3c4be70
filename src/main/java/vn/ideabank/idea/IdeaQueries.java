package vn.ideabank.idea;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Roles;
import vn.ideabank.common.security.UnitScope;
import vn.ideabank.common.text.TextNormalizer;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * The list's rules as query predicates: what a caller may read ({@link IdeaAccess#canRead} inside the
 * query) and what a list filter matches; and the reads built on them that {@link IdeaService} offers
 * (a page, a keyset export, which of some ideas are readable). Runs in the facade's transaction.
 */
@Component
class IdeaQueries {

	private final UnitService units;

	private final IdeaAuthorRepository ideaAuthors;

	@PersistenceContext
	private EntityManager entityManager;

	IdeaQueries(UnitService units, IdeaAuthorRepository ideaAuthors) {
		this.units = units;
		this.ideaAuthors = ideaAuthors;
	}

	/** What a list shows: the filter, within what the caller may read. */
	Specification<Idea> listed(Caller caller, IdeaFilter filter) {
		Specification<Idea> matching = matching(caller, filter);
		return seesAllOf(caller, filter) ? matching : visibleTo(caller).and(matching);
	}

	/** The filter within what the caller may read, always spelled out (for queries that add their own terms). */
	Specification<Idea> visibleMatching(Caller caller, IdeaFilter filter) {
		return visibleTo(caller).and(matching(caller, filter));
	}

	/** Of these ideas, the ids the caller may read (public ones included), in one query. */
	Set<Long> readableAmong(Caller caller, java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		var cb = entityManager.getCriteriaBuilder();
		var query = cb.createQuery(Long.class);
		var root = query.from(Idea.class);
		Predicate published = cb.and(root.get("status").in(IdeaStatus.PUBLIC), cb.isFalse(root.get("publicOptOut")));
		query.select(root.get("id")).where(root.get("id").in(ids),
				cb.or(published, visibleTo(caller).toPredicate(root, query, cb)));
		return Set.copyOf(entityManager.createQuery(query).getResultList());
	}

	/** Ideas per chunk of an export. */
	private static final int EXPORT_CHUNK = 500;

	/**
	 * Every idea the caller sees under the filter (the list's rules), ordered by id, in chunks fetched by
	 * keyset (id > last) with the persistence context cleared between them, so an export of 100,000
	 * ideas keeps memory bounded. Authors come in one query per chunk.
	 */
	void forEach(Caller caller, IdeaFilter filter, java.util.function.Consumer<List<IdeaExportRow>> chunk) {
		Specification<Idea> spec = visibleMatching(caller, filter);
		var cb = entityManager.getCriteriaBuilder();
		long last = 0;
		while (true) {
			// only the exported columns (no entity, no long texts), the next chunk by id
			var query = cb.createTupleQuery();
			var root = query.from(Idea.class);
			long after = last;
			query.multiselect(root.get("id"), root.get("code"), root.get("title"), root.get("unitId"), root.get("year"),
					root.get("kind"), root.get("status"), root.get("sectorField"), root.get("targetGroup"),
					root.get("submittedAt"), root.get("updatedAt"))
				.where(cb.and(spec.toPredicate(root, query, cb), cb.greaterThan(root.get("id"), after)))
				.orderBy(cb.asc(root.get("id")));
			List<jakarta.persistence.Tuple> found = entityManager.createQuery(query).setMaxResults(EXPORT_CHUNK).getResultList();
			if (found.isEmpty()) {
				return;
			}
			List<Long> ids = found.stream().map(t -> (Long) t.get(0)).toList();
			Map<Long, List<String>> names = new java.util.HashMap<>();
			for (Object[] row : ideaAuthors.namesOf(ids)) {
				names.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((String) row[1]);
			}
			List<IdeaExportRow> rows = found.stream().map(t -> new IdeaExportRow((Long) t.get(0), (String) t.get(1),
					(String) t.get(2), (Long) t.get(3), (Integer) t.get(4), (IdeaKind) t.get(5), (IdeaStatus) t.get(6),
					(SectorField) t.get(7), (vn.ideabank.member.TargetGroup) t.get(8),
					String.join(", ", names.getOrDefault((Long) t.get(0), List.of())), (java.time.Instant) t.get(9),
					(java.time.Instant) t.get(10))).toList();
			last = ids.get(ids.size() - 1);
			entityManager.clear();
			chunk.accept(rows);
			if (found.size() < EXPORT_CHUNK) {
				return;
			}
		}
	}

	/**
	 * Whether the filter's unit lies inside a subtree where the caller sees every idea, drafts
	 * included: then the visibility predicate is implied by the unit filter, and leaving it out lets
	 * PostgreSQL count a unit's ideas from the path index alone (measured in docs/performance.md).
	 */
	private boolean seesAllOf(Caller caller, IdeaFilter f) {
		if (f.unitId() == null) {
			return false;
		}
		String path = units.find(f.unitId()).map(UnitView::path).orElse(null);
		return path != null && caller.can(path, Roles.STAFF);
	}

	/** {@link IdeaAccess#canRead} inside the query, public ideas of other units aside. */
	private static Specification<Idea> visibleTo(Caller caller) {
		UnitScope officers = UnitScope.of(caller, Roles.STAFF);
		UnitScope readers = UnitScope.of(caller, Roles.STAFF_AND_ASSESSORS);
		return (root, query, cb) -> {
			List<Predicate> any = new ArrayList<>();
			any.add(own(caller).toPredicate(root, query, cb));
			if (!officers.isNothing()) {
				any.add(officers.predicate(cb, root.get("unitPath")));
			}
			if (!readers.isNothing() && !readers.equals(officers)) {
				any.add(cb.and(readers.predicate(cb, root.get("unitPath")), cb.notEqual(root.get("status"), IdeaStatus.DRAFT)));
			}
			return cb.or(any.toArray(Predicate[]::new));
		};
	}

	/** Ideas the caller is an author of: entered as their own, or listed with their login. */
	private static Specification<Idea> own(Caller caller) {
		return (root, query, cb) -> {
			Subquery<Long> authored = query.subquery(Long.class);
			var author = authored.from(IdeaAuthor.class);
			authored.select(author.get("idea").get("id")).where(cb.equal(author.get("accountId"), caller.accountId()));
			return cb.or(cb.and(cb.equal(root.get("createdBy"), caller.accountId()), cb.isTrue(root.get("createdByAuthor"))),
					root.get("id").in(authored));
		};
	}

	private Specification<Idea> matching(Caller caller, IdeaFilter f) {
		Specification<Idea> content = matchingContent(f);
		return f.mine() ? content.and(own(caller)) : content;
	}

	/** The filter's terms alone, without the caller's scope (the public list adds its own). */
	Specification<Idea> matchingContent(IdeaFilter f) {
		return (root, query, cb) -> {
			List<Predicate> all = new ArrayList<>();
			if (f.unitId() != null) {
				String path = units.find(f.unitId()).map(UnitView::path).orElse("/none/");
				all.add(UnitScope.subtree(path).predicate(cb, root.get("unitPath")));
			}
			if (f.year() != null) {
				all.add(cb.equal(root.get("year"), f.year()));
			}
			if (f.status() != null) {
				all.add(cb.equal(root.get("status"), f.status()));
			}
			if (f.kind() != null) {
				all.add(cb.equal(root.get("kind"), f.kind()));
			}
			if (f.field() != null) {
				all.add(cb.equal(root.get("sectorField"), f.field()));
			}
			if (f.targetGroup() != null) {
				all.add(cb.equal(root.get("targetGroup"), f.targetGroup()));
			}
			if (f.paper()) {
				all.add(cb.isFalse(root.get("createdByAuthor")));
			}
			if (f.duplicates() != IdeaFilter.Duplicates.SHOW) {
				var original = root.get("duplicateOfId");
				all.add(f.duplicates() == IdeaFilter.Duplicates.HIDE ? cb.isNull(original) : cb.isNotNull(original));
			}
			String q = TextNormalizer.normalizeToNull(f.q());
			if (q != null) {
				String like = "%" + UnitScope.escapeLike(q.toLowerCase(Locale.ROOT)) + "%";
				all.add(cb.or(cb.like(cb.lower(root.get("title")), like, '\\'), cb.like(cb.lower(root.get("code")), like, '\\')));
			}
			return cb.and(all.toArray(Predicate[]::new));
		};
	}}
