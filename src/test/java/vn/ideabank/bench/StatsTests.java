package vn.ideabank.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The harness arithmetic (percentiles, throughput, ratios) and its localhost guard. */
class StatsTests {

	@Test
	void percentilesThroughputAndMaxFromRecordedMicroseconds() {
		Histogram h = new Histogram(3);
		for (int ms = 1; ms <= 100; ms++) {
			h.recordValue(ms * 1000L);
		}
		Stats s = Stats.of("list-page", h, 2, "boom", 4.0, 300, 0.5, 0.9, "jdbc-insert");
		assertThat(s.requests()).isEqualTo(100);
		assertThat(s.throughput()).isEqualTo(25.0);
		assertThat(s.p50()).isCloseTo(50.0, within(0.1));
		assertThat(s.p95()).isCloseTo(95.0, within(0.1));
		assertThat(s.p99()).isCloseTo(99.0, within(0.1));
		assertThat(s.max()).isCloseTo(100.0, within(0.1));
		assertThat(s.errors()).isEqualTo(2);
	}

	@Test
	void ratiosToTheFloorAndMissingFloors() {
		assertThat(Stats.ratio(30, 3)).isEqualTo(10.0);
		assertThat(Stats.ratio(30, Double.NaN)).isNaN();
		assertThat(Stats.ratio(30, 0)).isNaN();
		Histogram fast = new Histogram(3);
		fast.recordValue(2000);
		Histogram slow = new Histogram(3);
		slow.recordValue(20000);
		Stats floor = Stats.of("jdbc-insert", fast, 0, null, 1, 0, 0, 0, null);
		Stats api = Stats.of("submit-idea", slow, 0, null, 1, 0, 0, 0, "jdbc-insert");
		Stats search = Stats.of("search", slow, 0, null, 1, 0, 0, 0, "lucene-query");
		List<Stats> all = List.of(floor, Stats.unavailable("lucene-query", "no index"), api, search);
		assertThat(Run.floorOf(api, all)).isSameAs(floor);
		assertThat(Stats.ratio(api.p95(), Run.floorOf(api, all).p95())).isCloseTo(10.0, within(0.05));
		assertThat(Run.floorOf(search, all)).isNull(); // an unavailable floor gives no ratio
		assertThat(Stats.format(Double.NaN)).isEqualTo("-");
		assertThat(Run.num(Double.NaN)).isEqualTo("null");
	}

	@Test
	void onlyLocalhostIsTargeted() {
		assertThat(Stats.localOnly("http://localhost:8080").getPort()).isEqualTo(8080);
		assertThat(Stats.localOnly("http://127.0.0.1:18080/").getHost()).isEqualTo("127.0.0.1");
		assertThat(Stats.localOnly("http://[::1]:8080").getHost()).isEqualTo("[::1]");
		for (String url : List.of("http://example.com", "http://10.0.0.5:8080", "http://localhost.evil.com", "ftp://localhost",
				"http://user@localhost:8080", "http://127.0.0.2:8080")) {
			assertThatIllegalArgumentException().isThrownBy(() -> Stats.localOnly(url));
		}
	}

	@Test
	void durations() {
		assertThat(Run.parseSeconds("30s")).isEqualTo(30.0);
		assertThat(Run.parseSeconds("2m")).isEqualTo(120.0);
		assertThat(Run.parseSeconds("500ms")).isEqualTo(0.5);
		assertThat(Run.parseSeconds("10")).isEqualTo(10.0);
	}

	@Test
	void theExportFilterNamesTheBenchUnits() {
		assertThat(Scenarios.exportQuery(Scenarios.DEFAULT_EXPORT_FILTER, 1, 22)).isEqualTo("unitId=22");
		assertThat(Scenarios.exportQuery("unitId={province}&year=2025", 1, 22)).isEqualTo("unitId=1&year=2025");
	}
}
