package vn.ideabank.bench;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

import org.HdrHistogram.Histogram;

/** One scenario's figures, their ratios to a floor, and the localhost guard. */
record Stats(String scenario, String status, long requests, long errors, String firstError, double seconds, double throughput,
		double p50, double p95, double p99, double max, double heapMaxMb, double processCpu, double systemCpu, String floor) {

	/** Latencies are recorded in microseconds; figures are in milliseconds. */
	static Stats of(String scenario, Histogram h, long errors, String firstError, double seconds, double heapMaxMb, double processCpu,
			double systemCpu, String floor) {
		long n = h.getTotalCount();
		return new Stats(scenario, "ok", n, errors, firstError, seconds, seconds > 0 ? n / seconds : 0, ms(h.getValueAtPercentile(50)),
				ms(h.getValueAtPercentile(95)), ms(h.getValueAtPercentile(99)), ms(h.getMaxValue()), heapMaxMb, processCpu, systemCpu,
				floor);
	}

	static Stats unavailable(String scenario, String reason) {
		return new Stats(scenario, "not available: " + reason, 0, 0, null, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
				Double.NaN, Double.NaN, Double.NaN, null);
	}

	boolean ok() {
		return "ok".equals(status);
	}

	private static double ms(long micros) {
		return micros / 1000.0;
	}

	/** How many times slower than the floor (latency) — NaN when either side is missing. */
	static double ratio(double value, double floor) {
		if (Double.isNaN(value) || Double.isNaN(floor) || floor <= 0) {
			return Double.NaN;
		}
		return value / floor;
	}

	static String format(double v) {
		if (Double.isNaN(v)) {
			return "-";
		}
		return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : v >= 10 ? String.format(Locale.ROOT, "%.1f", v)
				: String.format(Locale.ROOT, "%.2f", v);
	}

	private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

	/** The harness only ever loads this machine: anything but localhost is refused. */
	static URI localOnly(String url) {
		URI uri = URI.create(url);
		if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
				|| !LOCAL.contains(uri.getHost().toLowerCase(Locale.ROOT)) || uri.getUserInfo() != null) {
			throw new IllegalArgumentException("refusing " + url + ": the harness only targets localhost, 127.0.0.1 or [::1]");
		}
		return uri;
	}
}
