package vn.ideabank.review;

/** A reviewer gave or changed the scores of an idea. */
public record IdeaScored(long accountId, long ideaId, long councilId, double total) {
}
