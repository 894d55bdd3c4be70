package vn.ideabank.idea;

import java.util.List;

/**
 * Someone wrote in an idea's conversation. {@code addressedAccountIds} are the accounts the message is
 * for: the authors when staff write, the staff who took part in the conversation when an author
 * writes. Internal notes are never published: nobody outside the staff hears of them.
 */
public record IdeaCommented(long ideaId, String code, long unitId, long commenterId, String commenterName,
		List<Long> addressedAccountIds) {

	public IdeaCommented {
		addressedAccountIds = List.copyOf(addressedAccountIds);
	}
}
