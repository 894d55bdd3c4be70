package vn.ideabank.report;

import java.time.Instant;
import java.time.LocalDate;

/** A plan request as pages and the API see it, with how many addressed units are on time, late, missing. */
public record PlanRequestView(long id, long unitId, String unitName, String title, int year, LocalDate deadline,
		String instructions, String guidanceFileName, Instant createdAt, long version, Counts counts) {

	public record Counts(long addressed, long onTime, long late, long missing) {
	}
}
