package vn.ideabank.idea;

import java.util.EnumSet;
import java.util.Set;

/** Where an idea stands: nháp → đã gửi → đơn vị xác nhận → đang thẩm định → … → được công nhận. */
public enum IdeaStatus {
	DRAFT, SUBMITTED, ENDORSED, UNDER_REVIEW, NEEDS_REVISION, ACCEPTED, REJECTED, APPLIED, RECOGNISED, WITHDRAWN;

	/** Shown to everyone, signed in or not, unless the author opted out. */
	public static final Set<IdeaStatus> PUBLIC = EnumSet.of(ACCEPTED, APPLIED, RECOGNISED);

	/** Whose content the author (or the unit officer) may still change. */
	public static final Set<IdeaStatus> EDITABLE = EnumSet.of(DRAFT, SUBMITTED, NEEDS_REVISION);

	public boolean isPublic() {
		return PUBLIC.contains(this);
	}

	public String messageKey() {
		return "idea.status." + name();
	}
}
