package vn.ideabank.idea;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;


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
import vn.ideabank.idea.IdeaCommands.AddComment;
import vn.ideabank.idea.IdeaCommands.MarkPosted;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.member.MemberLoginLinked;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * Ideas: entering, editing, the lifecycle and the conversation. Every method that takes a caller
 * checks it against the idea's unit; lists are filtered in SQL by the caller's subtrees.
 */
@Service
@Transactional(readOnly = true)
public class IdeaService {

	private final IdeaRepository ideas;

	private final IdeaHistoryRepository history;

	private final IdeaCommentRepository comments;

	private final UnitService units;

	private final ApplicationEventPublisher events;

	private final IdeaAuthorRepository ideaAuthors;

	private final IdeaSteps steps;

	private final IdeaQueries queries;

	private final IdeaInput input;

	IdeaService(IdeaRepository ideas, IdeaHistoryRepository history, IdeaCommentRepository comments, UnitService units,
			ApplicationEventPublisher events, IdeaAuthorRepository ideaAuthors, IdeaSteps steps, IdeaQueries queries,
			IdeaInput input) {
		this.steps = steps;
		this.ideaAuthors = ideaAuthors;
		this.ideas = ideas;
		this.history = history;
		this.comments = comments;
		this.units = units;
		this.events = events;
		this.queries = queries;
		this.input = input;
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
		return queries.readableAmong(caller, ids);
	}

	/** The caller's ideas and those of the subtrees they work in, filtered and paginated in SQL. */
	public Page<IdeaSummary> list(Caller caller, IdeaFilter filter, Pageable pageable) {
		return ideas.findAll(queries.listed(caller, filter), pageable).map(IdeaService::summary);
	}

	/**
	 * Models applied effectively (mô hình áp dụng hiệu quả): ideas of the year in the applied or
	 * recognised state that the caller sees, with their evidence (where, since when, effect), filtered
	 * and paginated in SQL.
	 */
	public Page<IdeaView> appliedModels(Caller caller, Long unitId, int year, Pageable pageable) {
		IdeaFilter filter = new IdeaFilter(unitId, year, null, null, null, null, null, false);
		Specification<Idea> applied = (root, query, cb) -> root.get("status").in(IdeaStatus.APPLIED, IdeaStatus.RECOGNISED);
		return ideas.findAll(queries.visibleMatching(caller, filter).and(applied), pageable).map(Idea::view);
	}

	/**
	 * Every idea the caller sees under the filter (the list's rules), ordered by id, in chunks that keep
	 * memory bounded (see {@link IdeaQueries#forEach}).
	 */
	public void forEach(Caller caller, IdeaFilter filter, java.util.function.Consumer<List<IdeaExportRow>> chunk) {
		queries.forEach(caller, filter, chunk);
	}

	/** Without {@link Idea#view()}: that loads authors and benefits, two queries per row of a page. */
	private static IdeaSummary summary(Idea i) {
		return i.listRow();
	}

	// --- public pages: accepted, applied and recognised ideas whose authors did not opt out ---

	public Page<IdeaSummary> publicList(IdeaFilter filter, Pageable pageable) {
		Specification<Idea> published = (root, query, cb) -> cb.and(root.get("status").in(IdeaStatus.PUBLIC),
				cb.isFalse(root.get("publicOptOut")));
		return ideas.findAll(published.and(queries.matchingContent(filter)), pageable).map(IdeaService::summary);
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
		input.validate(command);
		UnitView unit = units.find(command.unitId()).filter(UnitView::active)
			.orElseThrow(() -> new BusinessException("unitId", "unit.error.notFound"));
		if (!IdeaAccess.canCreateIn(caller, unit.path())) {
			throw new ForbiddenException("idea.error.unitOutOfScope");
		}
		input.checkContent(command.content());
		String prefix = codePrefix(unit.code());
		int year = command.content().year();
		String code = "%s-%d-%06d".formatted(prefix, year, ideas.nextNumber(prefix, year));
		List<IdeaAuthor> authors = input.authors(caller, command.authors());
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
		input.validate(command);
		Idea idea = readable(caller, id);
		if (!IdeaAccess.canEdit(caller, idea)) {
			throw new ForbiddenException("idea.error.notEditable", label(idea.status().messageKey()));
		}
		checkVersion(idea, version);
		if (command.unitId() != idea.unitId()) {
			throw new BusinessException("unitId", "idea.error.unitFixed");
		}
		input.checkContent(command.content());
		idea.edit(command.content(), input.authors(caller, command.authors()));
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

	/** The same for many ideas at once (a bulk step's batch): one query for the ideas, their authors by batch. */
	public Map<Long, Set<Long>> authorAccountIds(Collection<Long> ideaIds) {
		Map<Long, Set<Long>> result = new java.util.HashMap<>();
		ideas.findAllById(ideaIds).forEach(idea -> result.put(idea.id(), authorAccountIds(idea)));
		return result;
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
		input.validate(command);
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

	private static void checkVersion(Idea idea, long version) {
		if (idea.version() != version) {
			throw new ObjectOptimisticLockingFailureException(Idea.class, idea.id());
		}
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


}
