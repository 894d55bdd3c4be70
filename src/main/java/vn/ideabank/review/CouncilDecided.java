package vn.ideabank.review;

import vn.ideabank.review.ReviewViews.Decision;

/** A council recorded its decision on an idea (the idea's lifecycle moved in the same transaction). */
public record CouncilDecided(long councilId, long ideaId, Decision decision, long decidedBy) {
}
