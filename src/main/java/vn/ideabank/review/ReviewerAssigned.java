package vn.ideabank.review;

/** A reviewer was given an idea to score in a council. */
public record ReviewerAssigned(long accountId, long ideaId, long councilId) {
}
