package vn.ideabank.review;

import org.springframework.stereotype.Component;

/**
 * Whether an account sits on a council, asked by modules that show a council's members something others may not
 * read (the confidential parts of an initiative application). Gives out nothing but yes or no.
 */
@Component
public class CouncilMembers {

	private final ReviewStore store;

	CouncilMembers(ReviewStore store) {
		this.store = store;
	}

	public boolean isMember(long councilId, long accountId) {
		return store.members(councilId).stream().anyMatch(m -> m.accountId() == accountId);
	}
}
