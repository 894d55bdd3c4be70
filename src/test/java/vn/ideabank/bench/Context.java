package vn.ideabank.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What every scenario shares: the app's address, the bench accounts, a sample of ideas. */
final class Context {

	final URI base;

	final Properties bench;

	final HttpClient http;

	final List<Long> ideaIds = new ArrayList<>();

	/** Session cookies of the office account, one per client. */
	final List<String> sessions = new ArrayList<>();

	/** The bench administrator's session, for Actuator (bearer tokens are for /api only). */
	String adminSession;

	Context(URI base, Properties bench) {
		this.base = base;
		this.bench = bench;
		this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5)).build();
	}

	String token() {
		return bench.getProperty("token");
	}

	long unit(String which) {
		return Long.parseLong(bench.getProperty("unit." + which));
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120));
	}

	HttpRequest.Builder api(String path) {
		return request(path).header("Authorization", "Bearer " + token()).header("Accept", "application/json");
	}

	HttpResponse<String> send(HttpRequest request) throws Exception {
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** Form sign-in with the CSRF token of the login page; returns the session cookie. */
	String login(String username, String password) throws Exception {
		HttpResponse<String> page = send(request("/login").GET().build());
		Scenarios.expect(page, 200);
		String cookie = cookie(page);
		Matcher m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"").matcher(page.body());
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String csrf = m.group(1) != null ? m.group(1) : m.group(2);
		String form = "username=" + Scenarios.enc(username) + "&password=" + Scenarios.enc(password) + "&_csrf=" + Scenarios.enc(csrf);
		HttpResponse<String> done = send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", cookie).POST(HttpRequest.BodyPublishers.ofString(form)).build());
		String location = done.headers().firstValue("Location").orElse("");
		if (done.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("sign-in failed: " + done.statusCode() + " " + location);
		}
		String after = cookie(done);
		return after == null ? cookie : after;
	}

	private static String cookie(HttpResponse<?> r) {
		return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("IDEABANK_SESSION="))
			.map(c -> c.substring(0, c.indexOf(';') > 0 ? c.indexOf(';') : c.length())).findFirst().orElse(null);
	}

	/** Office sessions for the page scenarios, made once per run. */
	synchronized void ensureSessions(int clients) throws Exception {
		while (sessions.size() < clients) {
			sessions.add(login(bench.getProperty("office.username"), bench.getProperty("password")));
		}
	}

	/** Ids of the district's ideas, read through the API. */
	synchronized void ensureIdeaIds() throws Exception {
		if (!ideaIds.isEmpty()) {
			return;
		}
		for (int page = 0; page < 5; page++) {
			HttpResponse<String> r = send(api("/api/v1/ideas?unitId=" + unit("district") + "&size=100&page=" + page).GET().build());
			Scenarios.expect(r, 200);
			Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(r.body());
			while (m.find()) {
				ideaIds.add(Long.parseLong(m.group(1)));
			}
		}
		if (ideaIds.isEmpty()) {
			throw new IllegalStateException("no ideas in the district: run bench/generate first");
		}
	}
}
