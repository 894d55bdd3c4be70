package vn.ideabank.common.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

import org.springframework.stereotype.Component;

/**
 * Days and times as Vietnamese pages write them ({@code 05/12/2026}, {@code 05/12/2026 14:30}), in the
 * application's time zone ({@code IDEABANK_TIME_ZONE}, the JVM default set at start). Templates call it
 * as a bean, {@code ${@dates.day(x)}} and {@code ${@dates.time(x)}}, so the pattern is written once;
 * {@code null} prints nothing.
 */
@Component("dates")
public class Dates {

	public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	/** The day of a date, or of an instant or date-time in the application's zone. */
	public String day(TemporalAccessor value) {
		return format(value, DAY);
	}

	/** Day, hours and minutes in the application's zone (a local date-time is taken as already there). */
	public String time(TemporalAccessor value) {
		return format(value, TIME);
	}

	private static String format(TemporalAccessor value, DateTimeFormatter pattern) {
		if (value == null) {
			return "";
		}
		ZoneId zone = ZoneId.systemDefault();
		if (value instanceof Instant at) {
			return pattern.format(at.atZone(zone));
		}
		if (value instanceof OffsetDateTime at) {
			return pattern.format(at.atZoneSameInstant(zone));
		}
		if (value instanceof ZonedDateTime at) {
			return pattern.format(at.withZoneSameInstant(zone));
		}
		if (value instanceof LocalDate || value instanceof LocalDateTime) {
			return pattern.format(value);
		}
		throw new IllegalArgumentException("Not a date: " + value.getClass());
	}
}
