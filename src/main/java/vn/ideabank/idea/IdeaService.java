package vn.ideabank.idea;

import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Roles;
import vn.ideabank.common.security.UnitScope;
import vn.ideabank.common.text.TextNormalizer;
import vn.ideabank.idea.IdeaCommands.AddComment;
import vn.ideabank.idea.IdeaCommands.AuthorRef;
import vn.ideabank.idea.IdeaCommands.MarkPosted;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.member.MemberLoginLinked;
import vn.ideabank.member.MemberService;
import vn.ideabank.member.MemberView;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * Ideas: entering, editing, the lifecycle and the conversation. Every method that takes a caller
 * checks it against the idea's unit; lists are filtered in SQL by the caller's subtrees.
 */
@Service
@Transactional(readOnly = true)
public class IdeaService {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final IdeaRepository ideas;

	private final IdeaHistoryRepository history;

	private final IdeaCommentRepository comments;

	private final UnitService units;

	private final MemberService members;

	private final ApplicationEventPublisher events;

	private final jakarta.validation.Validator validator;

	private final IdeaAuthorRepository ideaAuthors;

	private final IdeaSteps steps;

	IdeaService(IdeaRepository ideas, IdeaHistoryRepository history, IdeaCommentRepository comments, UnitService units,
			MemberService members, ApplicationEventPublisher events, jakarta.validation.Validator validator,
			IdeaAuthorRepository ideaAuthors, IdeaSteps steps) {
		this.steps = steps;
		this.validator = validator;
		this.ideaAuthors = ideaAuthors;
		this.ideas = ideas;
		this.history = history;
		this.comments = comments;
		this.units = units;
		this.members = members;
		this.events = events;
	}

	// --- reading ---------------------------------------------------------------------------

	public IdeaView get(Caller caller, long id) {
		return readable(caller, id).view();
	}

	public IdeaDetails details(Caller caller, long id) {
		Idea idea = readable(caller, id);
		boolean internal = IdeaAccess.canSeeInternal(caller, idea);
		List<IdeaComment> thread = internal ? comments.findByIdeaIdOrderByAtAscIdAsc(id)
				: comments.findByIdeaIdAndInternalFalseOrderByAtAscIdAsc(id);
		List<IdeaStep> steps = this.steps.allowed(caller, idea);
		boolean staffOrAuthor = IdeaAccess.isAuthor(caller, idea) || caller.can(idea.unitPath(), Roles.STAFF_AND_ASSESSORS);
		return new IdeaDetails(idea.view(),
				staffOrAuthor ? history.findByIdeaIdOrderByAtAscIdAsc(id).stream().map(IdeaHistoryEntry::view).toList() : List.of(),
				staffOrAuthor ? thread.stream().map(IdeaComment::view).toList() : List.of(), steps,
				IdeaAccess.canEdit(caller, idea), IdeaAccess.canDelete(caller, idea), internal, IdeaAccess.isAuthor(caller, idea),
				IdeaAccess.canMarkDuplicate(caller, idea));
	}

	/**
	 * Of these ideas, the ids the caller may read ({@link IdeaAccess#canRead}: public ones, their own,
	 * those of the subtrees where they are staff, reviewers or judges, drafts only for officers), in one
	 * query: for other modules that show ideas' titles (contest entries) under the same rule.
	 */
	public Set<Long> readableAmong(Caller caller, java.util.Collection<Long> ids) {
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

	/** The caller's ideas and those of the subtrees they work in, filtered and paginated in SQL. */
	public Page<IdeaSummary> list(Caller caller, IdeaFilter filter, Pageable pageable) {
		Specification<Idea> matching = matching(caller, filter);
		return ideas.findAll(seesAllOf(caller, filter) ? matching : visibleTo(caller).and(matching), pageable)
			.map(IdeaService::summary);
	}

	/**
	 * Models applied effectively (mô hình áp dụng hiệu quả): ideas of the year in the applied or
	 * recognised state that the caller sees, with their evidence (where, since when, effect), filtered
	 * and paginated in SQL.
	 */
	public Page<IdeaView> appliedModels(Caller caller, Long unitId, int year, Pageable pageable) {
		IdeaFilter filter = new IdeaFilter(unitId, year, null, null, null, null, null, false);
		Specification<Idea> applied = (root, query, cb) -> root.get("status").in(IdeaStatus.APPLIED, IdeaStatus.RECOGNISED);
		return ideas.findAll(visibleTo(caller).and(matching(caller, filter)).and(applied), pageable).map(Idea::view);
	}

	/** Ideas per chunk of an export. */
	private static final int EXPORT_CHUNK = 500;

	/**
	 * Every idea the caller sees under the filter (the list's rules), ordered by id, in chunks fetched by
	 * keyset (id > last) with the persistence context cleared between them, so an export of 100,000
	 * ideas keeps memory bounded. Authors come in one query per chunk.
	 */
	public void forEach(Caller caller, IdeaFilter filter, java.util.function.Consumer<List<IdeaExportRow>> chunk) {
		Specification<Idea> spec = visibleTo(caller).and(matching(caller, filter));
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

	@jakarta.persistence.PersistenceContext
	private jakarta.persistence.EntityManager entityManager;

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

	/** Without {@link Idea#view()}: that loads authors and benefits, two queries per row of a page. */
	private static IdeaSummary summary(Idea i) {
		return i.listRow();
	}

	// --- public pages: accepted, applied and recognised ideas whose authors did not opt out ---

	public Page<IdeaSummary> publicList(IdeaFilter filter, Pageable pageable) {
		Specification<Idea> published = (root, query, cb) -> cb.and(root.get("status").in(IdeaStatus.PUBLIC),
				cb.isFalse(root.get("publicOptOut")));
		return ideas.findAll(published.and(matchingContent(filter)), pageable).map(IdeaService::summary);
	}

	/** Totals for the public showcase: ideas proposed in the year (not drafts, not withdrawn, not duplicates) and models applied in it. */
	public record PublicTotals(int year, long proposed, long applied) {
	}

	/** Counts only, nothing that names an idea or a person, so they may be shown to anyone. */
	public PublicTotals publicTotals(int year) {
		Specification<Idea> inYear = (root, query, cb) -> cb.and(cb.equal(root.get("year"), year),
				cb.isNull(root.get("duplicateOfId")));
		long proposed = ideas.count(inYear.and((root, query, cb) -> root.get("status").in(IdeaCounts.PROPOSED)));
		long applied = ideas.count(inYear.and((root, query, cb) -> root.get("status").in(IdeaCounts.APPLIED)));
		return new PublicTotals(year, proposed, applied);
	}

	/** Applied models and good practices: applied or recognised ideas whose authors did not opt out. */
	public Page<IdeaSummary> publicApplied(Pageable pageable) {
		Specification<Idea> applied = (root, query, cb) -> cb.and(root.get("status").in(IdeaCounts.APPLIED),
				cb.isFalse(root.get("publicOptOut")));
		return ideas.findAll(applied, pageable).map(IdeaService::summary);
	}

	/** A public idea by its code; anything not public reads as absent, so nothing can be probed. */
	public IdeaView publicGet(String code) {
		return ideas.findByCode(code).filter(Idea::publiclyVisible).map(Idea::view)
			.orElseThrow(() -> new NotFoundException("idea.error.notFound"));
	}

	/**
	 * The idea a person names by its id or its code ({@code TS-2026-000001}), if it exists and the caller may read
	 * it; empty otherwise (absent and not allowed read alike, so another unit's ids cannot be probed). For other
	 * modules' references to ideas.
	 */
	public java.util.Optional<IdeaView> findReadable(Caller caller, String idOrCode) {
		String ref = idOrCode == null ? "" : idOrCode.strip();
		java.util.Optional<Idea> idea = ref.matches("[0-9]{1,18}") ? ideas.findById(Long.parseLong(ref))
				: ref.matches("[A-Za-z0-9-]{1,40}") ? ideas.findByCode(ref.toUpperCase(java.util.Locale.ROOT))
				: java.util.Optional.empty();
		return idea.filter(i -> IdeaAccess.canRead(caller, i)).map(Idea::view);
	}

	/** Ideas the caller may send to the national portal: public ones of units they work for. */
	public List<IdeaView> forPortal(Caller caller, List<Long> ids) {
		List<IdeaView> result = new ArrayList<>();
		for (Idea idea : ideas.findAllById(ids)) {
			if (!idea.status().isPublic() || !caller.can(idea.unitPath(), Roles.STAFF)) {
				throw new BusinessException("ids", "idea.error.notExportable", idea.code());
			}
			result.add(idea.view());
		}
		if (result.size() != ids.stream().distinct().count()) {
			throw new NotFoundException("idea.error.notFound");
		}
		return result;
	}

	// --- entering and editing --------------------------------------------------------------

	@Transactional
	public IdeaView create(Caller caller, SaveIdea command) {
		validate(command);
		UnitView unit = units.find(command.unitId()).filter(UnitView::active)
			.orElseThrow(() -> new BusinessException("unitId", "unit.error.notFound"));
		if (!IdeaAccess.canCreateIn(caller, unit.path())) {
			throw new ForbiddenException("idea.error.unitOutOfScope");
		}
		checkYear(command.content().year());
		checkVideoLinks(command.content().videoLinks());
		String prefix = codePrefix(unit.code());
		int year = command.content().year();
		String code = "%s-%d-%06d".formatted(prefix, year, ideas.nextNumber(prefix, year));
		List<IdeaAuthor> authors = authors(caller, command.authors());
		// an officer typing in a member's idea enters it; a member entering their own idea is its author
		boolean staff = caller.can(unit.path(), Roles.STAFF);
		boolean listed = authors.stream().anyMatch(a -> Objects.equals(a.accountId(), caller.accountId()));
		Idea idea = ideas.save(new Idea(code, unit.id(), unit.path(), caller.accountId(), !staff || listed,
				command.content(), authors));
		record(caller, idea, "CREATE", null, IdeaStatus.DRAFT, null);
		return idea.view();
	}

	@Transactional
	public IdeaView update(Caller caller, long id, SaveIdea command, long version) {
		validate(command);
		Idea idea = readable(caller, id);
		if (!IdeaAccess.canEdit(caller, idea)) {
			throw new ForbiddenException("idea.error.notEditable", label(idea.status().messageKey()));
		}
		checkVersion(idea, version);
		if (command.unitId() != idea.unitId()) {
			throw new BusinessException("unitId", "idea.error.unitFixed");
		}
		checkYear(command.content().year());
		checkVideoLinks(command.content().videoLinks());
		idea.edit(command.content(), authors(caller, command.authors()));
		ideas.saveAndFlush(idea);
		record(caller, idea, "EDIT", idea.status(), idea.status(), null);
		return idea.view();
	}

	/** Only drafts can be deleted; anything further stays, with its history. */
	@Transactional
	public void delete(Caller caller, long id, long version) {
		Idea idea = readable(caller, id);
		if (!IdeaAccess.canDelete(caller, idea)) {
			throw idea.status() == IdeaStatus.DRAFT ? new ForbiddenException()
					: new BusinessException("idea.error.onlyDraftsDeleted");
		}
		checkVersion(idea, version);
		ideas.delete(idea);
	}

	// --- the lifecycle ---------------------------------------------------------------------

	/** One step, checked and recorded by {@link IdeaSteps} (the code path bulk steps share). */
	@Transactional
	public IdeaView step(Caller caller, long id, TakeStep command) {
		Idea idea = readable(caller, id);
		steps.take(caller, idea, command, command.version());
		ideas.saveAndFlush(idea);
		return idea.view();
	}

	// --- conversation and portal -----------------------------------------------------------

	@Transactional
	public IdeaView.Comment comment(Caller caller, long id, AddComment command) {
		Idea idea = readable(caller, id);
		boolean author = IdeaAccess.isAuthor(caller, idea);
		if (!author && !caller.can(idea.unitPath(), Roles.STAFF_AND_ASSESSORS)) {
			throw new ForbiddenException();
		}
		if (command.internal() && !IdeaAccess.canSeeInternal(caller, idea)) {
			throw new ForbiddenException("idea.error.internalForStaff");
		}
		List<Long> earlierCommenters = comments.findCommenterIds(id);
		IdeaView.Comment saved = comments.save(new IdeaComment(id, caller.accountId(), caller.displayName(),
				command.internal(), command.body())).view();
		if (!command.internal()) {
			Set<Long> authors = authorAccountIds(idea);
			Set<Long> addressed = new java.util.LinkedHashSet<>();
			if (author) {
				// an author writes to the staff who took part in the conversation and to co-authors
				addressed.addAll(earlierCommenters);
				addressed.addAll(authors);
			}
			else {
				addressed.addAll(authors);
			}
			addressed.remove(caller.accountId());
			events.publishEvent(new IdeaCommented(id, idea.code(), idea.unitId(), caller.accountId(),
					caller.displayName(), List.copyOf(addressed)));
		}
		return saved;
	}

	/**
	 * The accounts of an idea's authors (those with a login), for notifications: the system tells them
	 * about their idea, so no caller is checked and nothing but account ids is given out.
	 */
	public Set<Long> authorAccountIds(long ideaId) {
		return ideas.findById(ideaId).map(IdeaService::authorAccountIds).orElse(Set.of());
	}

	private static Set<Long> authorAccountIds(Idea idea) {
		Set<Long> ids = new java.util.LinkedHashSet<>();
		if (idea.createdByAuthor()) {
			ids.add(idea.createdBy());
		}
		idea.authors().stream().map(IdeaAuthor::accountId).filter(Objects::nonNull).forEach(ids::add);
		return ids;
	}

	/** Records that the idea was posted to the national portal "Ngân hàng ý tưởng sáng tạo thanh niên Việt Nam". */
	@Transactional
	public IdeaView markPosted(Caller caller, long id, MarkPosted command, long version) {
		Idea idea = readable(caller, id);
		if (!caller.can(idea.unitPath(), Roles.STAFF)) {
			throw new ForbiddenException();
		}
		if (!idea.status().isPublic()) {
			throw new BusinessException("idea.error.portalNeedsAccepted");
		}
		checkVersion(idea, version);
		validate(command);
		idea.markPostedToPortal(command.portalCode(), command.portalUrl());
		ideas.saveAndFlush(idea);
		record(caller, idea, "PORTAL", idea.status(), idea.status(), command.portalCode());
		return idea.view();
	}

	/** A member who gets a login finds the ideas they are an author of under "my ideas". */
	@EventListener
	void onMemberLoginLinked(MemberLoginLinked linked) {
		ideaAuthors.linkAccount(linked.memberId(), linked.accountId());
	}

	// --- rules -------------------------------------------------------------------------------

	private Idea readable(Caller caller, long id) {
		Idea idea = ideas.findById(id).orElseThrow(() -> new NotFoundException("idea.error.notFound"));
		if (!IdeaAccess.canRead(caller, idea)) {
			throw new ForbiddenException();
		}
		return idea;
	}

	/** The same rules as the forms and the API, for every other caller (imports, other modules). */
	private void validate(Object command) {
		var violations = validator.validate(command);
		if (!violations.isEmpty()) {
			var v = violations.stream().min(java.util.Comparator.comparing(x -> x.getPropertyPath().toString())).orElseThrow();
			throw new BusinessException(v.getPropertyPath().toString(), "error.invalid");
		}
	}

	/** Video links are web addresses, one per line: anything else (javascript:, data:…) is refused. */
	private static void checkVideoLinks(String links) {
		if (links == null) {
			return;
		}
		List<String> lines = links.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
		if (lines.size() > 5) {
			throw new BusinessException("content.videoLinks", "idea.error.videoLinkCount", 5);
		}
		for (String line : lines) {
			if (!line.matches("(?i)https?://[^\\s<>\"]+")) {
				throw new BusinessException("content.videoLinks", "idea.error.videoLink", line);
			}
		}
	}

	private static void checkYear(int year) {
		if (year > Year.now(VIETNAM).getValue()) {
			throw new BusinessException("content.year", "idea.error.futureYear");
		}
	}

	private static void checkVersion(Idea idea, long version) {
		if (idea.version() != version) {
			throw new ObjectOptimisticLockingFailureException(Idea.class, idea.id());
		}
	}

	/** Authors from the roster must belong to units the caller works in; others are named only. */
	private List<IdeaAuthor> authors(Caller caller, List<AuthorRef> refs) {
		List<Long> memberIds = refs.stream().map(AuthorRef::memberId).filter(Objects::nonNull).toList();
		Map<Long, MemberView> known = memberIds.isEmpty() ? Map.of() : members.findAll(memberIds);
		Map<Long, UnitView> memberUnits = units.findAll(known.values().stream().map(MemberView::unitId).toList());
		List<IdeaAuthor> result = new ArrayList<>();
		for (AuthorRef ref : refs) {
			if (ref.memberId() != null) {
				MemberView m = known.get(ref.memberId());
				UnitView unit = m == null ? null : memberUnits.get(m.unitId());
				boolean self = m != null && Objects.equals(m.accountId(), caller.accountId());
				if (m == null || unit == null || !(self || caller.can(unit.path(), Roles.STAFF))) {
					throw new BusinessException("authors", "idea.error.authorOutOfScope");
				}
				result.add(new IdeaAuthor(m.id(), m.accountId(), m.fullName()));
			}
			else {
				String name = TextNormalizer.normalizeToNull(ref.fullName());
				if (name == null) {
					throw new BusinessException("authors", "idea.error.authorName");
				}
				result.add(new IdeaAuthor(null, null, name));
			}
		}
		return result;
	}

	private void record(Caller caller, Idea idea, String step, IdeaStatus from, IdeaStatus to, String comment) {
		history.save(new IdeaHistoryEntry(idea.id(), caller.accountId(), caller.displayName(), step, from, to, comment));
	}

	private static DefaultMessageSourceResolvable label(String key) {
		return new DefaultMessageSourceResolvable(new String[] { key }, key);
	}

	/** "TS-THODAN" → "TS": ideas are numbered per district (or the unit itself at the top). */
	static String codePrefix(String unitCode) {
		int dash = unitCode.indexOf('-');
		return (dash > 0 ? unitCode.substring(0, dash) : unitCode).toUpperCase(Locale.ROOT);
	}

	// --- list specifications ---------------------------------------------------------------

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

	private Specification<Idea> matchingContent(IdeaFilter f) {
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
	}
}
