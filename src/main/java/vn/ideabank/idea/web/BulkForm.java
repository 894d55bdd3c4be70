package vn.ideabank.idea.web;

import java.util.ArrayList;
import java.util.List;

import vn.ideabank.idea.IdeaBulkSteps.Selection;
import vn.ideabank.idea.IdeaStep;

/**
 * What the list's bulk form posts: the ticked ideas ({@code ids}), or every idea of the page
 * ({@code allOnPage}, with the page's {@code pageIds}), or every idea matching the list's filter
 * ({@code allMatching}, with the filter carried as hidden fields of {@link ListForm}); the chosen step
 * or action ({@code choice}: a step's name, or "ACTION:target", e.g. "ASSIGN_COUNCIL:12") and a reason.
 */
class BulkForm extends ListForm {

	List<Long> ids = new ArrayList<>();

	List<Long> pageIds = new ArrayList<>();

	boolean allOnPage;

	boolean allMatching;

	String choice;

	String reason;

	Selection selection() {
		if (allMatching) {
			return Selection.matching(filter());
		}
		List<Long> chosen = new ArrayList<>(allOnPage ? pageIds : List.of());
		chosen.addAll(ids);
		return Selection.of(chosen);
	}

	/** The step chosen, or null when the choice is an action (or nothing). */
	IdeaStep step() {
		if (choice == null || choice.isBlank() || choice.contains(":")) {
			return null;
		}
		try {
			return IdeaStep.valueOf(choice);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	/** The action's name in "ACTION:target", or null. */
	String action() {
		return choice != null && choice.contains(":") ? choice.substring(0, choice.indexOf(':')) : null;
	}

	/** The action's target in "ACTION:target", or null when it is not a number. */
	Long target() {
		if (action() == null) {
			return null;
		}
		try {
			return Long.valueOf(choice.substring(choice.indexOf(':') + 1));
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	public List<Long> getIds() { return ids; }
	public void setIds(List<Long> ids) { this.ids = ids == null ? new ArrayList<>() : ids; }
	public List<Long> getPageIds() { return pageIds; }
	public void setPageIds(List<Long> pageIds) { this.pageIds = pageIds == null ? new ArrayList<>() : pageIds; }
	public boolean isAllOnPage() { return allOnPage; }
	public void setAllOnPage(boolean allOnPage) { this.allOnPage = allOnPage; }
	public boolean isAllMatching() { return allMatching; }
	public void setAllMatching(boolean allMatching) { this.allMatching = allMatching; }
	public String getChoice() { return choice; }
	public void setChoice(String choice) { this.choice = choice; }
	public String getReason() { return reason; }
	public void setReason(String reason) { this.reason = reason; }
}
