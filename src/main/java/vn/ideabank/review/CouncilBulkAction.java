package vn.ideabank.review;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.IdeaBulkAction;

/**
 * "Đưa vào hội đồng" for many ideas from the idea list and {@code POST /api/v1/ideas/steps}
 * ({@code "action": "ASSIGN_COUNCIL", "councilId": …}): each idea goes through {@link ReviewService#addIdea},
 * so it must be under review and inside the council's subtree, and the caller must run the council.
 */
@Component
class CouncilBulkAction implements IdeaBulkAction {

	/** Open councils offered on the list, newest first; more are reachable by id through the API. */
	private static final int OFFERED = 20;

	private final ReviewService reviews;

	CouncilBulkAction(ReviewService reviews) {
		this.reviews = reviews;
	}

	@Override
	public String name() {
		return "ASSIGN_COUNCIL";
	}

	@Override
	public String labelKey() {
		return "review.bulk.assignCouncil";
	}

	@Override
	public List<Target> targets(Caller caller) {
		if (!reviews.canManageAny(caller)) {
			return List.of();
		}
		return reviews.councils(caller, 0, OFFERED).stream().filter(ReviewViews.CouncilView::open)
			.map(c -> new Target(c.id(), c.name() + " (" + c.year() + ")")).toList();
	}

	@Override
	public void apply(Caller caller, long targetId, long ideaId) {
		reviews.addIdea(caller, targetId, ideaId);
	}
}
