package vn.ideabank.common.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.TimeZone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatesTests {

	private final Dates dates = new Dates();

	private TimeZone before;

	@BeforeEach
	void inVietnam() {
		before = TimeZone.getDefault();
		TimeZone.setDefault(TimeZone.getTimeZone("Asia/Ho_Chi_Minh"));
	}

	@AfterEach
	void restore() {
		TimeZone.setDefault(before);
	}

	@Test
	void daysAreWrittenWithTwoDigitDayAndMonth() {
		assertThat(dates.day(LocalDate.of(2026, 3, 5))).isEqualTo("05/03/2026");
	}

	@Test
	void instantsAreShownInTheApplicationsZone() {
		Instant lateEvening = Instant.parse("2026-12-31T18:30:00Z"); // 01:30 on 1 January in Vietnam
		assertThat(dates.time(lateEvening)).isEqualTo("01/01/2027 01:30");
		assertThat(dates.day(lateEvening)).isEqualTo("01/01/2027");
		assertThat(dates.time(OffsetDateTime.of(2026, 12, 31, 18, 30, 0, 0, ZoneOffset.UTC))).isEqualTo("01/01/2027 01:30");
	}

	@Test
	void localDateTimesAreTakenAsAlreadyLocal() {
		assertThat(dates.time(LocalDateTime.of(2026, 1, 2, 7, 5))).isEqualTo("02/01/2026 07:05");
	}

	@Test
	void nothingPrintsNothing() {
		assertThat(dates.day(null)).isEmpty();
		assertThat(dates.time(null)).isEmpty();
	}
}
