package vn.ideabank.review;

/** The office reminded a reviewer of the ideas still to score in a council. */
public record ReviewReminderDue(long accountId, long councilId, int pending, long sentBy) {
}
