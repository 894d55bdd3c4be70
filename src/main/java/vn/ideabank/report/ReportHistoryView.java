package vn.ideabank.report;

import java.time.Instant;

/** One state change of a report. */
public record ReportHistoryView(Instant at, String actor, ReportStatus from, ReportStatus to, String comment) {
}
