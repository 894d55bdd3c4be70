package vn.ideabank.todo;

import java.time.LocalDate;
import java.util.List;

import vn.ideabank.common.security.Role;
import vn.ideabank.idea.IdeaStatus;

/**
 * What waits for one person: a section per role it holds, each with its items. The home page and
 * {@code GET /api/v1/me/todo} show the same object.
 */
public record Todo(List<Section> sections) {

	public Todo {
		sections = List.copyOf(sections);
	}

	/**
	 * One role's work. {@code unitId}/{@code unitName}: the unit the role is held at when it is held at
	 * exactly one (the links are then filtered to that unit); null otherwise.
	 */
	public record Section(Role role, Long unitId, String unitName, List<Item> items) {

		public Section {
			items = List.copyOf(items);
		}

		/** The items with something in them: what the page lists. */
		public List<Item> waiting() {
			return items.stream().filter(i -> i.count() > 0 || i.kind() == Kind.QUOTA_IDEAS).toList();
		}

		/** Nothing waits: the page says so in one line instead of empty boxes. */
		public boolean nothingWaits() {
			return waiting().isEmpty();
		}
	}

	/**
	 * One kind of work, how many, and the list showing exactly those. {@code deadline}: the nearest one,
	 * when the work has deadlines; {@code status}: the idea status of a member's line; {@code target} and
	 * {@code expected}: a quota line's year share and what should exist by today.
	 */
	public record Item(Kind kind, long count, String link, LocalDate deadline, IdeaStatus status, Long target,
			Long expected) {

		static Item of(Kind kind, long count, String link) {
			return new Item(kind, count, link, null, null, null, null);
		}

		/** Message key of the line ("{0} ý tưởng chờ xác nhận"); a member's line is keyed by the idea status. */
		public String messageKey() {
			return status != null ? "todo.mine." + status.name() : "todo.item." + kind.name();
		}
	}

	/** The kinds of work, by the role that does them. */
	public enum Kind {
		// unit officer
		IDEAS_TO_ENDORSE, DRAFTS_TO_SEND, REPORTS_DUE, REPORTS_RETURNED, PLANS_TO_SEND, NOMINATIONS_OPEN, QUOTA_IDEAS,
		// office
		IDEAS_TO_REVIEW, COUNCILS_IN_PROGRESS, ROUNDS_IN_PROGRESS, PLANS_MISSING, REPORTS_MISSING, UNITS_BEHIND,
		INITIATIVES_TO_REGISTER, INITIATIVES_DUE_SOON, INITIATIVES_OVERDUE,
		// reviewer, judge
		ASSIGNMENTS_TO_SCORE, ENTRIES_TO_JUDGE,
		// member
		MY_IDEAS
	}
}
