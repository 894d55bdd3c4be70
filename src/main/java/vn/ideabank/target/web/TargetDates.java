package vn.ideabank.target.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as the pages write them, in Vietnam's time zone. */
final class TargetDates {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
		.withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

	public String time(Instant at) {
		return at == null ? "" : TIME.format(at);
	}
}
