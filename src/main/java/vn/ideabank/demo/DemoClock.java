package vn.ideabank.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The application's clock in demo-year mode only (the modules that take an optional {@link Clock} bean:
 * reports, plans, contests, IP reminders). It is the system clock, in Vietnam's time zone, except on the
 * demo-year thread inside {@link #at}: there it reads the given instant, so a quarterly report of March
 * is written and submitted "in April", before its period closes, through the report module's own rules.
 * Nothing else ever sees a pinned time.
 */
@Component
@ConditionalOnProperty(name = "ideabank.seed.demo-year", havingValue = "true")
class DemoClock extends Clock {

	private static final ThreadLocal<Instant> PINNED = new ThreadLocal<>();

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	/** Runs {@code work} on this thread with the clock reading {@code instant}. */
	static <T> T at(Instant instant, Supplier<T> work) {
		Instant before = PINNED.get();
		PINNED.set(instant);
		try {
			return work.get();
		}
		finally {
			if (before == null) {
				PINNED.remove();
			}
			else {
				PINNED.set(before);
			}
		}
	}

	@Override
	public ZoneId getZone() {
		return VIETNAM;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return zone.equals(VIETNAM) ? this : Clock.system(zone);
	}

	@Override
	public Instant instant() {
		Instant pinned = PINNED.get();
		return pinned != null ? pinned : Instant.now();
	}
}
