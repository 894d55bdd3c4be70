package vn.ideabank.idea;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import vn.ideabank.member.TargetGroup;

/** An idea as pages and the API see it (after the caller's right to see it was checked). */
public record IdeaView(long id, String code, long unitId, int year, IdeaKind kind, String title, String summary,
		String problem, String solution, String novelty, Set<Benefit> benefits, String benefitsOther, String scopeWhere,
		String scopeWhen, String scopeConditions, ApplicationArea applicationArea, SectorField sectorField,
		TargetGroup targetGroup, String videoLinks, boolean publicOptOut, IdeaStatus status, String appliedWhere,
		LocalDate appliedSince, String appliedEffect, String portalCode, String portalUrl, Instant portalPostedAt,
		long createdBy, Instant createdAt, Instant submittedAt, Instant updatedAt, long version, List<Author> authors,
		Long duplicateOfId, String duplicateOf, Instant duplicateMarkedAt) {

	public record Author(Long memberId, String fullName) {
	}

	public record HistoryEntry(Instant at, String actorName, String step, IdeaStatus from, IdeaStatus to, String comment) {

		/** The message key of what happened: a lifecycle step or a change that keeps the status. */
		public String messageKey() {
			return "idea.step." + step;
		}
	}

	public record Comment(long id, Instant at, String authorName, boolean internal, String body) {
	}

	/** The web addresses among the video links (entry refuses anything else; this guards older data). */
	public List<String> videoLinkList() {
		return videoLinks == null ? List.of()
				: videoLinks.lines().map(String::strip).filter(l -> l.matches("(?i)https?://\\S+")).toList();
	}
}
