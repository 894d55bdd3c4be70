package vn.ideabank.contest;

import java.time.Instant;

/** A history line as the contest page shows it. */
public record ContestHistoryView(Instant at, String actorName, String messageKey, String detail) {
}
