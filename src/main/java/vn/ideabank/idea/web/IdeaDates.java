package vn.ideabank.idea.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates and times as Vietnamese pages write them, in Vietnam's time zone, for templates. */
final class IdeaDates {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(IdeaForm.VIETNAM);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	public String time(Instant at) {
		return at == null ? "" : TIME.format(at);
	}

	public String date(LocalDate day) {
		return day == null ? "" : DATE.format(day);
	}
}
