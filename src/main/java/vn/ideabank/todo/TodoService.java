package vn.ideabank.todo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Grant;
import vn.ideabank.common.security.Role;
import vn.ideabank.common.security.Roles;
import vn.ideabank.contest.ContestTodo;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.initiative.InitiativeTodo;
import vn.ideabank.idea.IdeaTodo;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.quota.QuotaTodo;
import vn.ideabank.report.ReportTodo;
import vn.ideabank.report.ReportingPeriod;
import vn.ideabank.review.ReviewTodo;
import vn.ideabank.todo.Todo.Item;
import vn.ideabank.todo.Todo.Kind;
import vn.ideabank.todo.Todo.Section;

/**
 * Builds a person's {@link Todo}: one section per role held (an administrator's work is the office's),
 * each count asked of the module that owns the records, in the scope of that role's grants. Links open
 * the list filtered to exactly the counted items: with the unit filter when the role is held at one unit.
 */
@Service
@Transactional(readOnly = true)
public class TodoService {

	private static final Set<Role> OFFICER = EnumSet.of(Role.UNIT_OFFICER);

	private final IdeaTodo ideas;

	private final ReviewTodo reviews;

	private final ContestTodo contests;

	private final ReportTodo reports;

	private final QuotaTodo quotas;

	private final UnitService units;

	private final InitiativeTodo initiatives;

	TodoService(IdeaTodo ideas, ReviewTodo reviews, ContestTodo contests, ReportTodo reports, QuotaTodo quotas,
			UnitService units, InitiativeTodo initiatives) {
		this.initiatives = initiatives;
		this.ideas = ideas;
		this.reviews = reviews;
		this.contests = contests;
		this.reports = reports;
		this.quotas = quotas;
		this.units = units;
	}

	public Todo of(Caller caller) {
		LocalDate today = reports.today();
		List<Section> sections = new ArrayList<>();
		if (caller.has(Role.UNIT_OFFICER)) {
			sections.add(officer(caller, today));
		}
		if (caller.has(Role.OFFICE) || caller.has(Role.ADMIN)) {
			sections.add(office(caller, today));
		}
		if (caller.has(Role.REVIEWER)) {
			sections.add(new Section(Role.REVIEWER, null, null,
					List.of(Item.of(Kind.ASSIGNMENTS_TO_SCORE, reviews.assignmentsToScore(caller), "/reviews"))));
		}
		if (caller.has(Role.JUDGE)) {
			ContestTodo.Judging judging = contests.toJudge(caller);
			sections.add(new Section(Role.JUDGE, null, null, List.of(new Item(Kind.ENTRIES_TO_JUDGE, judging.entries(),
					"/contests/judging", judging.nearestDeadline(), null, null, null))));
		}
		if (caller.has(Role.MEMBER)) {
			sections.add(member(caller));
		}
		return new Todo(sections);
	}

	private Section officer(Caller caller, LocalDate today) {
		UnitView unit = singleUnit(caller, OFFICER);
		String in = unit == null ? "" : "&unit=" + unit.id();
		List<Item> items = new ArrayList<>();
		items.add(Item.of(Kind.IDEAS_TO_ENDORSE, ideas.inStatus(caller, OFFICER, IdeaStatus.SUBMITTED),
				"/ideas?status=SUBMITTED&dup=HIDE" + in));
		// paper drafts the unit typed in and has not sent; a member's own draft is the member's to send
		items.add(Item.of(Kind.DRAFTS_TO_SEND, ideas.paperDrafts(caller, OFFICER), "/ideas?status=DRAFT&paper=true&dup=HIDE" + in));
		items.add(Item.of(Kind.REPORTS_DUE, reports.reportsDue(caller, OFFICER), "/reports"));
		items.add(Item.of(Kind.REPORTS_RETURNED, reports.returned(caller, OFFICER), "/reports/periodic?status=RETURNED"));
		items.add(Item.of(Kind.PLANS_TO_SEND, reports.plansToSend(caller, OFFICER), "/reports"));
		items.add(Item.of(Kind.NOMINATIONS_OPEN, contests.nominationsOpen(caller, OFFICER), "/contests?nominating=true"));
		if (unit != null) {
			quotas.ideas(caller, unit.id(), today).ifPresent(p -> items.add(new Item(Kind.QUOTA_IDEAS, p.actual(),
					"/dashboard?unitId=" + unit.id(), null, null, p.share(), p.expected())));
		}
		return new Section(Role.UNIT_OFFICER, unit == null ? null : unit.id(), unit == null ? null : unit.name(), items);
	}

	private Section office(Caller caller, LocalDate today) {
		UnitView unit = singleUnit(caller, Roles.OFFICE);
		String in = unit == null ? "" : "&unit=" + unit.id();
		List<Item> items = new ArrayList<>();
		items.add(Item.of(Kind.IDEAS_TO_REVIEW, ideas.inStatus(caller, Roles.OFFICE, IdeaStatus.ENDORSED),
				"/ideas?status=ENDORSED&dup=HIDE" + in));
		items.add(Item.of(Kind.COUNCILS_IN_PROGRESS, reviews.councilsInProgress(caller), "/reviews/councils?open=true"));
		items.add(Item.of(Kind.ROUNDS_IN_PROGRESS, contests.roundsInProgress(caller), "/contests"));
		items.add(Item.of(Kind.PLANS_MISSING, reports.plansMissing(caller), "/reports"));
		items.add(Item.of(Kind.INITIATIVES_TO_REGISTER, initiatives.toRegister(caller), "/initiatives?status=FILED"));
		items.add(Item.of(Kind.INITIATIVES_DUE_SOON, initiatives.dueSoon(caller, today), "/initiatives?status=ACCEPTED"));
		items.add(Item.of(Kind.INITIATIVES_OVERDUE, initiatives.overdue(caller, today), "/initiatives?status=ACCEPTED"));
		if (unit != null) {
			// the children of the office's unit: a system-wide administrator has no one unit to look under
			ReportingPeriod quarter = reports.lastQuarter();
			items.add(Item.of(Kind.REPORTS_MISSING, reports.reportsMissing(caller, unit.id(), unit.path(), quarter),
					"/reports/periodic/children?unit=" + unit.id() + "&kind=" + quarter.kind().name() + "&year="
							+ quarter.year() + "&number=" + quarter.number()));
			items.add(Item.of(Kind.UNITS_BEHIND, quotas.childrenBehind(caller, unit.id(), today),
					"/dashboard?unitId=" + unit.id()));
		}
		return new Section(Role.OFFICE, unit == null ? null : unit.id(), unit == null ? null : unit.name(), items);
	}

	private Section member(Caller caller) {
		List<Item> items = new ArrayList<>();
		for (Map.Entry<IdeaStatus, Long> e : ideas.mineByStatus(caller).entrySet()) {
			items.add(new Item(Kind.MY_IDEAS, e.getValue(), "/ideas?mine=true&status=" + e.getKey().name() + "&dup=HIDE", null,
					e.getKey(), null, null));
		}
		return new Section(Role.MEMBER, null, null, items);
	}

	/** The unit the role set is held at, when it is exactly one unit (not system-wide). */
	private UnitView singleUnit(Caller caller, Set<Role> roles) {
		List<Grant> grants = caller.grantsFor(roles);
		List<Long> ids = grants.stream().map(Grant::unitId).distinct().toList();
		if (ids.size() != 1 || ids.get(0) == null) {
			return null;
		}
		return units.find(ids.get(0)).orElse(null);
	}
}
