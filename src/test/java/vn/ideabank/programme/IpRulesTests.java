package vn.ideabank.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ideabank.programme.IpStatus.FILED;
import static vn.ideabank.programme.IpStatus.FORMAL_EXAM;
import static vn.ideabank.programme.IpStatus.GRANTED;
import static vn.ideabank.programme.IpStatus.PREPARING;
import static vn.ideabank.programme.IpStatus.REFUSED;
import static vn.ideabank.programme.IpStatus.SUBSTANTIVE_EXAM;
import static vn.ideabank.programme.IpStatus.WITHDRAWN;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The IP status transition table, pair by pair, and the application number formats. */
class IpRulesTests {

	/** The expected table, written out independently of {@link IpStatus}. */
	private static final Map<IpStatus, Set<IpStatus>> ALLOWED = Map.of(
			PREPARING, EnumSet.of(FILED, WITHDRAWN),
			FILED, EnumSet.of(FORMAL_EXAM, REFUSED, WITHDRAWN),
			FORMAL_EXAM, EnumSet.of(SUBSTANTIVE_EXAM, GRANTED, REFUSED, WITHDRAWN),
			SUBSTANTIVE_EXAM, EnumSet.of(GRANTED, REFUSED, WITHDRAWN),
			GRANTED, EnumSet.noneOf(IpStatus.class),
			REFUSED, EnumSet.noneOf(IpStatus.class),
			WITHDRAWN, EnumSet.noneOf(IpStatus.class));

	@Test
	void everyPairFollowsTheTable() {
		int checked = 0;
		for (IpStatus from : IpStatus.values()) {
			for (IpStatus to : IpStatus.values()) {
				assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(ALLOWED.get(from).contains(to));
				checked++;
			}
			assertThat(from.next()).isEqualTo(ALLOWED.get(from));
			assertThat(from.finished()).isEqualTo(ALLOWED.get(from).isEmpty());
		}
		assertThat(checked).isEqualTo(49);
		// no status moves to itself, nothing goes back to preparing
		for (IpStatus s : IpStatus.values()) {
			assertThat(s.canMoveTo(s)).isFalse();
			assertThat(s.canMoveTo(PREPARING)).isFalse();
		}
	}

	@Test
	void applicationNumbersFollowTheOfficeFormatOfTheirKind() {
		assertThat(IpType.PATENT.accepts("1-2024-01234", 2024)).isTrue();
		assertThat(IpType.PATENT.accepts("1-2024-01234", null)).isTrue();
		assertThat(IpType.UTILITY_SOLUTION.accepts("2-2023-00042", 2023)).isTrue();
		assertThat(IpType.INDUSTRIAL_DESIGN.accepts("3-2025-00001", 2025)).isTrue();
		assertThat(IpType.TRADEMARK.accepts("4-2024-12345", 2024)).isTrue();
		// wrong kind digit, wrong year, wrong shape
		assertThat(IpType.PATENT.accepts("4-2024-12345", 2024)).isFalse();
		assertThat(IpType.TRADEMARK.accepts("4-2024-12345", 2025)).isFalse();
		assertThat(IpType.PATENT.accepts("1-2024-1234", 2024)).isFalse();
		assertThat(IpType.PATENT.accepts("1/2024/01234", 2024)).isFalse();
		assertThat(IpType.PATENT.accepts("", null)).isFalse();
		assertThat(IpType.PATENT.accepts(null, null)).isFalse();
		// copyright: the Copyright Office's numbers vary
		assertThat(IpType.COPYRIGHT.accepts("1234/2024/QTG", 2024)).isTrue();
		assertThat(IpType.COPYRIGHT.accepts("số 12", null)).isFalse();
		assertThat(IpType.COPYRIGHT.accepts("x".repeat(21), null)).isFalse();
	}
}
