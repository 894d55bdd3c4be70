package vn.ideabank.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.account.AccountService;
import vn.ideabank.account.AccountView;
import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Roles;
import vn.ideabank.common.security.UnitScope;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.idea.IdeaFilter;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.idea.IdeaStep;
import vn.ideabank.idea.IdeaSummary;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.review.AssignmentRules.Pair;
import vn.ideabank.review.AssignmentRules.Reviewer;
import vn.ideabank.review.AssignmentRules.Subject;
import vn.ideabank.review.ReviewCommands.CreateCouncil;
import vn.ideabank.review.ReviewCommands.Decide;
import vn.ideabank.review.ReviewStore.AssignmentRow;
import vn.ideabank.review.ReviewStore.ItemSnapshot;
import vn.ideabank.review.ReviewStore.ItemSnapshotRow;
import vn.ideabank.review.ReviewViews.Assigned;
import vn.ideabank.review.ReviewViews.CouncilStatus;
import vn.ideabank.review.ReviewViews.CouncilView;
import vn.ideabank.review.ReviewViews.Decision;
import vn.ideabank.review.ReviewViews.MemberView;
import vn.ideabank.review.ReviewViews.ProgressView;
import vn.ideabank.review.ReviewViews.ResultView;

/**
 * Evaluation councils: setup by an office, assignment of ideas to reviewers (by hand or balanced
 * automatically) under the conflict-of-interest rules, results with the aggregation of
 * {@link ScoreAggregation}, reminders and decisions that move the idea's lifecycle. Reviewers score through
 * {@link ReviewScoring} while the council is open.
 */
@Service
@Transactional(readOnly = true)
public class ReviewService {

	private final ReviewStore store;

	private final RubricService rubrics;

	private final IdeaService ideas;

	private final UnitService units;

	private final AccountService accounts;

	private final ApplicationEventPublisher events;

	ReviewService(ReviewStore store, RubricService rubrics, IdeaService ideas, UnitService units,
			AccountService accounts, ApplicationEventPublisher events) {
		this.store = store;
		this.rubrics = rubrics;
		this.ideas = ideas;
		this.units = units;
		this.accounts = accounts;
		this.events = events;
	}

	// --- councils (offices) --------------------------------------------------------------------

	/** Councils of units the caller runs as office or administrator. */
	public org.springframework.data.domain.Slice<CouncilView> councils(Caller caller, int page, int size) {
		return councils(caller, false, page, size);
	}

	/** The same, only the open ones with {@code openOnly} (what the to-do home counts, {@link ReviewTodo}). */
	public org.springframework.data.domain.Slice<CouncilView> councils(Caller caller, boolean openOnly, int page, int size) {
		// a huge page number must not overflow into a negative offset (the database refuses one): past the end is empty
		int offset = (int) Math.min((long) Math.max(0, page) * size, Integer.MAX_VALUE - size - 1L);
		List<CouncilView> rows = store.councilsWithin(UnitScope.of(caller, Roles.OFFICE), openOnly, size + 1, offset);
		return new org.springframework.data.domain.SliceImpl<>(rows.stream().limit(size).toList(),
				PageRequest.of(offset / size, size), rows.size() > size);
	}

	public CouncilView council(Caller caller, long id) {
		return managed(caller, id);
	}

	public boolean canManageAny(Caller caller) {
		return !caller.grantsFor(Roles.OFFICE).isEmpty();
	}

	@Transactional
	public CouncilView createCouncil(Caller caller, CreateCouncil command) {
		UnitView unit = units.find(command.unitId()).orElseThrow(() -> new BusinessException("unitId", "review.council.unit.invalid"));
		if (!caller.can(unit.path(), Roles.OFFICE)) {
			throw new BusinessException("unitId", "review.council.unit.invalid");
		}
		if (command.name() == null || command.name().isBlank() || command.name().length() > 200) {
			throw new BusinessException("name", "review.council.name.invalid");
		}
		if (command.year() < 2000 || command.year() > 2100) {
			throw new BusinessException("year", "review.council.year.invalid");
		}
		if (command.threshold() == null || command.threshold().signum() < 0
				|| command.threshold().compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new BusinessException("threshold", "review.council.threshold.invalid");
		}
		if (command.perIdea() < 1 || command.perIdea() > 20) {
			throw new BusinessException("perIdea", "review.council.perIdea.invalid");
		}
		// the council's unit's own rubrics and those of the units above it; another branch's are not its to use
		if (!rubrics.usableAt(command.rubricVersionId(), unit.path())) {
			throw new BusinessException("rubricVersionId", "review.rubric.notFound");
		}
		return store.council(store.insertCouncil(unit.id(), unit.path(), command, caller.accountId())).orElseThrow();
	}

	public List<MemberView> members(Caller caller, long councilId) {
		managed(caller, councilId);
		return store.members(councilId);
	}

	/** Adds accounts (by username) as reviewers of the council. */
	@Transactional
	public void addMember(Caller caller, long councilId, String username) {
		CouncilView council = open(managed(caller, councilId));
		AccountView account = accounts.lookup(username == null ? "" : username.strip())
			.orElseThrow(() -> new BusinessException("username", "review.member.notFound"));
		String home = account.unitId() == null ? null : units.find(account.unitId()).map(UnitView::path).orElse(null);
		store.addMember(council.id(), account.id(), account.displayName(), home);
	}

	/**
	 * Brings every idea under review (đang thẩm định) of the council's unit subtree and year into the
	 * council, with a snapshot of what reviewers read. Returns how many were added.
	 */
	@Transactional
	public int addIdeasUnderReview(Caller caller, long councilId) {
		CouncilView council = open(managed(caller, councilId));
		IdeaFilter filter = new IdeaFilter(council.unitId(), council.year(), IdeaStatus.UNDER_REVIEW, null, null, null,
				null, false);
		int added = 0;
		for (int page = 0;; page++) {
			var slice = ideas.list(caller, filter, PageRequest.of(page, 200));
			for (IdeaSummary s : slice) {
				if (!store.hasItem(council.id(), s.id())) {
					store.insertItem(council.id(), snapshot(ideas.get(caller, s.id())));
					added++;
				}
			}
			if (!slice.hasNext()) {
				return added;
			}
		}
	}

	/** Adds one idea (under review, inside the council's subtree) by id. */
	@Transactional
	public void addIdea(Caller caller, long councilId, long ideaId) {
		CouncilView council = open(managed(caller, councilId));
		IdeaView idea = ideas.get(caller, ideaId);
		ItemSnapshot snapshot = snapshot(idea);
		if (idea.status() != IdeaStatus.UNDER_REVIEW || !UnitScope.subtree(council.unitPath()).covers(snapshot.unitPath())) {
			throw new BusinessException("ideaId", "review.item.notUnderReview");
		}
		if (!store.hasItem(councilId, ideaId)) {
			store.insertItem(councilId, snapshot);
		}
	}

	private ItemSnapshot snapshot(IdeaView idea) {
		UnitView unit = units.find(idea.unitId()).orElseThrow();
		String authors = idea.authors().stream().map(IdeaView.Author::fullName).collect(Collectors.joining(", "));
		return new ItemSnapshot(idea.id(), idea.code(), idea.title(), idea.summary(), idea.solution(), idea.novelty(),
				idea.sectorField() == null ? null : idea.sectorField().name(), unit.id(), unit.path(), unit.name(),
				authors, idea.createdBy());
	}

	// --- assignment ----------------------------------------------------------------------------

	/** Assigns a reviewer to an idea of the council by hand; refused on a conflict of interest. */
	@Transactional
	public void assign(Caller caller, long councilId, long itemId, long reviewerId) {
		CouncilView council = open(managed(caller, councilId));
		ItemSnapshotRow item = itemOf(council, itemId);
		MemberView member = store.members(councilId).stream().filter(m -> m.accountId() == reviewerId).findFirst()
			.orElseThrow(() -> new BusinessException("reviewerId", "review.member.notMember"));
		if (AssignmentRules.conflict(council.unitPath(), reviewer(member), subject(item))) {
			throw new BusinessException("reviewerId", "review.assign.conflict");
		}
		if (store.assign(itemId, councilId, reviewerId, caller.accountId())) {
			events.publishEvent(new ReviewerAssigned(reviewerId, item.snapshot().ideaId(), councilId, item.snapshot().code(), item.snapshot().title(), council.name()));
		}
	}

	/** Assigns reviewers automatically (see {@link AssignmentRules#plan}); returns how many were made. */
	@Transactional
	public int autoAssign(Caller caller, long councilId) {
		CouncilView council = open(managed(caller, councilId));
		List<ItemSnapshotRow> items = store.items(councilId).stream().filter(i -> i.decision() == null).toList();
		List<AssignmentRow> existing = store.assignments(councilId);
		List<Pair> pairs = existing.stream().map(a -> new Pair(a.itemId(), a.reviewerId())).toList();
		Set<Pair> declared = existing.stream().filter(a -> a.conflictReason() != null)
			.map(a -> new Pair(a.itemId(), a.reviewerId())).collect(Collectors.toSet());
		List<Pair> plan = AssignmentRules.plan(council.unitPath(),
				store.members(councilId).stream().map(ReviewService::reviewer).toList(),
				items.stream().map(ReviewService::subject).toList(), pairs, declared, council.perIdea());
		Map<Long, ItemSnapshotRow> byId = items.stream().collect(Collectors.toMap(ItemSnapshotRow::id, Function.identity()));
		for (Pair p : plan) {
			store.assign(p.itemId(), councilId, p.reviewerId(), caller.accountId());
			events.publishEvent(new ReviewerAssigned(p.reviewerId(), byId.get(p.itemId()).snapshot().ideaId(), councilId, byId.get(p.itemId()).snapshot().code(), byId.get(p.itemId()).snapshot().title(), council.name()));
		}
		return plan.size();
	}

	private static Reviewer reviewer(MemberView m) {
		return new Reviewer(m.accountId(), m.homeUnitPath());
	}

	private static Subject subject(ItemSnapshotRow i) {
		return new Subject(i.id(), i.snapshot().unitPath(), i.snapshot().authorAccountId(), i.snapshot().sectorField());
	}

	// --- office: progress, results, reminders, decisions -----------------------------------------

	public List<ProgressView> progress(Caller caller, long councilId) {
		managed(caller, councilId);
		return store.progress(councilId);
	}

	/** Results per idea with the council's aggregation settings; flagged ones are disagreements. */
	public List<ResultView> results(Caller caller, long councilId) {
		CouncilView council = managed(caller, councilId);
		List<ItemSnapshotRow> items = store.items(councilId);
		Map<Long, String> names = store.members(councilId).stream()
			.collect(Collectors.toMap(MemberView::accountId, MemberView::displayName));
		Map<Long, List<AssignmentRow>> byItem = store.assignments(councilId).stream()
			.collect(Collectors.groupingBy(AssignmentRow::itemId));
		List<ScoreAggregation.Sheet> sheets = store.sheets(councilId);
		Map<String, Double> raw = new HashMap<>();
		sheets.forEach(s -> raw.put(s.subjectId() + ":" + s.reviewerId(), s.total()));
		Map<Long, ScoreAggregation.Result> results = ScoreAggregation
			.aggregate(sheets, council.normalise(), council.threshold()).stream()
			.collect(Collectors.toMap(ScoreAggregation.Result::subjectId, Function.identity()));
		List<ResultView> views = new ArrayList<>();
		for (ItemSnapshotRow item : items) {
			List<Assigned> assigned = byItem.getOrDefault(item.id(), List.of()).stream()
				.map(a -> new Assigned(a.id(), a.reviewerId(), names.getOrDefault(a.reviewerId(), "?"),
						raw.get(item.id() + ":" + a.reviewerId()), a.conflictReason()))
				.toList();
			ScoreAggregation.Result r = results.get(item.id());
			views.add(new ResultView(item.view(false), assigned.size(), r == null ? 0 : r.sheets(),
					r == null ? null : r.aggregate(), r == null ? null : r.spread(), r != null && r.flagged(), assigned));
		}
		return views;
	}

	/** Reminds a reviewer of what is left to score: recorded, and published for notifications. */
	@Transactional
	public void remind(Caller caller, long councilId, long reviewerId) {
		CouncilView council = open(managed(caller, councilId));
		ProgressView p = store.progress(councilId).stream().filter(x -> x.reviewerId() == reviewerId).findFirst()
			.orElseThrow(() -> new BusinessException("reviewerId", "review.member.notMember"));
		store.insertReminder(council.id(), reviewerId, caller.accountId(), p.pending());
		events.publishEvent(new ReviewReminderDue(reviewerId, council.id(), p.pending(), caller.accountId()));
	}

	/**
	 * Records the council's decision on an idea with its reason and takes the matching lifecycle step
	 * (accept, reject, request revision) in the same transaction.
	 */
	@Transactional
	public void decide(Caller caller, long councilId, long itemId, Decide command) {
		CouncilView council = open(managed(caller, councilId));
		ItemSnapshotRow item = itemOf(council, itemId);
		if (command.decision() == null) {
			throw new BusinessException("decision", "review.decision.required");
		}
		if (command.reason() == null || command.reason().isBlank() || command.reason().length() > 5000) {
			throw new BusinessException("reason", "review.decision.reason.required");
		}
		if (item.decision() != null) {
			throw new BusinessException("decision", "review.decision.already");
		}
		store.decide(itemId, command.version(), command.decision().name(), command.reason().strip(), caller.accountId());
		IdeaStep step = switch (command.decision()) {
			case ACCEPT -> IdeaStep.ACCEPT;
			case REJECT -> IdeaStep.REJECT;
			case REQUEST_REVISION -> IdeaStep.REQUEST_REVISION;
		};
		IdeaView idea = ideas.get(caller, item.snapshot().ideaId());
		ideas.step(caller, idea.id(), TakeStep.of(step, idea.version(), command.reason().strip()));
		events.publishEvent(new CouncilDecided(councilId, idea.id(), command.decision(), caller.accountId()));
	}

	/** Closes the council: from then on everything in it is read-only. */
	@Transactional
	public void close(Caller caller, long councilId, long version) {
		CouncilView council = open(managed(caller, councilId));
		store.setStatus(council.id(), version, CouncilStatus.CLOSED);
	}

	// --- rules -----------------------------------------------------------------------------------

	private CouncilView managed(Caller caller, long councilId) {
		CouncilView council = store.council(councilId)
			.orElseThrow(() -> new NotFoundException("review.council.notFound"));
		if (!caller.can(council.unitPath(), Roles.OFFICE)) {
			throw caller.sees(council.unitPath()) ? new ForbiddenException() : new NotFoundException("review.council.notFound");
		}
		return council;
	}

	/** The council, if it still takes scores and changes (a closed one refuses). */
	static CouncilView open(CouncilView council) {
		if (!council.open()) {
			throw new BusinessException("review.council.closed");
		}
		return council;
	}

	private ItemSnapshotRow itemOf(CouncilView council, long itemId) {
		return store.item(itemId).filter(i -> i.councilId() == council.id())
			.orElseThrow(() -> new NotFoundException("review.item.notFound"));
	}
}
