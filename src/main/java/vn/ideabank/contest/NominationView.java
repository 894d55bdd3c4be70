package vn.ideabank.contest;

import java.time.Instant;

/** An entry of a contest; award fields are null until the organiser awards it. */
public record NominationView(long id, long contestId, long ideaId, String ideaCode, String ideaTitle, String authors,
		long unitId, String unitName, Instant nominatedAt, AwardTier awardTier, String awardName,
		String certificateCode, long version) {

	/** Message key of the award (custom awards show their own name instead). */
	public String awardKey() {
		return awardTier == null ? null : awardTier.messageKey();
	}
}
