package vn.ideabank.review;

/** A reviewer was given an idea to score in a council; names the idea and the council for the notice. */
public record ReviewerAssigned(long accountId, long ideaId, long councilId, String ideaCode, String ideaTitle,
		String councilName) {
}
