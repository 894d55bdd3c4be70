package vn.ideabank.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import vn.ideabank.common.text.TextNormalizer;
import vn.ideabank.member.TargetGroup;

/** The scenarios of {@code bench/run}: HTTP against the app, and the two floors in-process. */
final class Scenarios {

	private Scenarios() {
	}

	/** One kind of request, called in a loop by each client; throws on anything but the expected answer. */
	interface Scenario {

		String name();

		/** Returns null when ready, or why the scenario cannot run here (endpoint absent, no index…). */
		String setUp(Context ctx, int clients) throws Exception;

		void call(Context ctx, int client, SplittableRandom random) throws Exception;

		default void tearDown(Context ctx) throws Exception {
		}

		/** The floor its figures are divided by. */
		default String floor() {
			return "jdbc-insert";
		}

		default int maxClients() {
			return Integer.MAX_VALUE;
		}

		/** Runs in the harness's own JVM (a Lucene floor): its code is compiled by this JVM's compiler. */
		default boolean inProcess() {
			return false;
		}
	}

	/** What every scenario shares: the app's address, the bench accounts, a sample of ideas. */
	static final class Context {

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
			expect(page, 200);
			String cookie = cookie(page);
			Matcher m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"").matcher(page.body());
			if (!m.find()) {
				throw new IllegalStateException("no CSRF token on the login page");
			}
			String csrf = m.group(1) != null ? m.group(1) : m.group(2);
			String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
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
				expect(r, 200);
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

	static void expect(HttpResponse<?> r, int... statuses) {
		for (int s : statuses) {
			if (r.statusCode() == s) {
				return;
			}
		}
		String body = r.body() instanceof String s ? s.substring(0, Math.min(200, s.length())).replaceAll("\\s+", " ") : "";
		throw new IllegalStateException(r.request().method() + " " + r.uri().getPath() + " → " + r.statusCode() + " " + body);
	}

	static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	static String json(String s) {
		if (s == null) {
			return "null";
		}
		StringBuilder b = new StringBuilder("\"");
		for (char c : s.toCharArray()) {
			switch (c) {
				case '"' -> b.append("\\\"");
				case '\\' -> b.append("\\\\");
				case '\n' -> b.append("\\n");
				case '\r' -> b.append("\\r");
				case '\t' -> b.append("\\t");
				default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
			}
		}
		return b.append('"').toString();
	}

	/** Query words a person types in the search box, taken from the generator's vocabulary. */
	static final String[] QUERIES = { "tưới tiêu tự động", "phân loại rác", "chatbot đoàn viên", "thư viện số", "livestream nông sản",
			"đèn năng lượng mặt trời", "tiêm chủng", "di tích lịch sử", "mã QR", "câu lạc bộ tiếng Anh", "sấy nông sản", "cháy rừng",
			"dịch vụ công trực tuyến", "rơm rạ", "OCOP" };

	/** A probe: 404 or 405 means the endpoint is not in this build. */
	static String probe(HttpResponse<?> r) {
		if (r.statusCode() == 404 || r.statusCode() == 405) {
			return "endpoint " + r.uri().getPath() + " answers " + r.statusCode() + " (not in this build)";
		}
		return null;
	}

	// --- HTTP scenarios ------------------------------------------------------------------------

	static Scenario submitIdea() {
		return new Scenario() {
			public String name() {
				return "submit-idea";
			}

			public String setUp(Context ctx, int clients) {
				return null;
			}

			public void call(Context ctx, int client, SplittableRandom r) throws Exception {
				IdeaTexts.Text t = IdeaTexts.generate(r, "xã Thọ Dân", TargetGroup.RURAL_YOUTH);
				String body = """
						{"unitId":%d,"authors":[{"fullName":"Nguyễn Văn Bench"}],"content":{"year":2026,"kind":"IDEA","title":%s,
						"summary":%s,"problem":%s,"solution":%s,"novelty":%s,"benefits":["SAVING","CONVENIENCE"],"scopeWhere":%s,
						"applicationArea":"%s","sectorField":"%s","targetGroup":"RURAL_YOUTH","publicOptOut":false}}""".formatted(ctx.unit("commune"), json(t.title()),
						json(t.summary()), json(t.problem()), json(t.solution()), json(t.novelty()), json(t.scopeWhere()), t.area(), t.field());
				expect(ctx.send(ctx.api("/api/v1/ideas").header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body)).build()), 201);
			}
		};
	}

	static Scenario listPage() {
		return new Scenario() {
			public String name() {
				return "list-page";
			}

			public String setUp(Context ctx, int clients) throws Exception {
				ctx.ensureSessions(clients);
				return null;
			}

			public void call(Context ctx, int client, SplittableRandom r) throws Exception {
				String path = "/ideas?unit=" + ctx.unit("district") + (r.nextInt(3) == 0 ? "&year=2025" : "") + "&page=" + r.nextInt(5);
				expect(ctx.send(ctx.request(path).header("Cookie", ctx.sessions.get(client)).GET().build()), 200);
			}
		};
	}

	static Scenario ideaPage() {
		return new Scenario() {
			public String name() {
				return "idea-page";
			}

			public String setUp(Context ctx, int clients) throws Exception {
				ctx.ensureSessions(clients);
				ctx.ensureIdeaIds();
				return null;
			}

			public void call(Context ctx, int client, SplittableRandom r) throws Exception {
				long id = ctx.ideaIds.get(r.nextInt(ctx.ideaIds.size()));
				expect(ctx.send(ctx.request("/ideas/" + id).header("Cookie", ctx.sessions.get(client)).GET().build()), 200);
			}
		};
	}

	static Scenario login() {
		return new Scenario() {
			public String name() {
				return "login";
			}

			public String setUp(Context ctx, int clients) {
				return null;
			}

			public void call(Context ctx, int client, SplittableRandom r) throws Exception {
				ctx.login(ctx.bench.getProperty("office.username"), ctx.bench.getProperty("password"));
			}
		};
	}

	static Scenario search() {
		return search("search", "/api/v1/search/ideas?page=0&size=20&q=");
	}

	/** The filter counts of a search (asked apart from its hits since the page loads them after). */
	static Scenario searchFacets() {
		return search("search-facets", "/api/v1/search/facets?q=");
	}

	private static Scenario search(String name, String pathAndQuery) {
		return new Scenario() {
			public String name() {
				return name;
			}

			public String floor() {
				return "lucene-query";
			}

			private HttpRequest request(Context ctx, String q) {
				return ctx.api(pathAndQuery + enc(q)).GET().build();
			}

			public String setUp(Context ctx, int clients) throws Exception {
				return probe(ctx.send(request(ctx, QUERIES[0])));
			}

			public void call(Context ctx, int client, SplittableRandom r) throws Exception {
				expect(ctx.send(request(ctx, QUERIES[r.nextInt(QUERIES.length)])), 200);
			}
		};
	}

	static Scenario similarIdeas() {
		return new Scenario() {
			public String name() {
				return "similar-ideas";
			}

			public String floor() {
				return "lucene-similar";
			}

			private HttpRequest request(Context ctx, SplittableRandom r) {
				IdeaTexts.Text t = IdeaTexts.generate(r, "xã Thọ Dân", TargetGroup.RURAL_YOUTH);
				String body = "{\"title\":%s,\"description\":%s}".formatted(json(t.title()), json(t.summary() + " " + t.solution()));
				return ctx.api("/api/v1/ideas/similar").header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body)).build();
			}

			public String setUp(Context ctx, int clients) throws Exception {
				return probe(ctx.send(request(ctx, new SplittableRandom(1))));
			}

			public void call(Context ctx, int client, SplittableRandom r) throws Exception {
				expect(ctx.send(request(ctx, r)), 200);
			}
		};
	}

	static Scenario dashboard() {
		return new Scenario() {
			public String name() {
				return "dashboard";
			}

			private HttpRequest request(Context ctx, int year) {
				return ctx.api("/api/v1/dashboard?unitId=" + ctx.unit("province") + "&year=" + year).GET().build();
			}

			public String setUp(Context ctx, int clients) throws Exception {
				return probe(ctx.send(request(ctx, 2025)));
			}

			public void call(Context ctx, int client, SplittableRandom r) throws Exception {
				expect(ctx.send(request(ctx, 2019 + r.nextInt(8))), 200);
			}
		};
	}

	/** The district's ideas as .xlsx, streamed and counted, not kept. One client: it is a heavy request. */
	static Scenario xlsxExport() {
		return xlsxExport(DEFAULT_EXPORT_FILTER);
	}

	static final String DEFAULT_EXPORT_FILTER = "unitId={district}";

	/**
	 * The .xlsx export with the list filters in {@code filter} (a query string; {@code {province}} and
	 * {@code {district}} stand for the bench units' ids), e.g. {@code unitId={province}&year=2025}.
	 */
	static String exportQuery(String filter, long province, long district) {
		return filter.replace("{province}", Long.toString(province)).replace("{district}", Long.toString(district));
	}

	static Scenario xlsxExport(String filter) {
		return new Scenario() {
			volatile long bytes;

			public String name() {
				return "xlsx-export";
			}

			public int maxClients() {
				return 1;
			}

			private HttpResponse<InputStream> fetch(Context ctx) throws Exception {
				return ctx.http.send(ctx.api("/api/v1/ideas/export.xlsx?" + exportQuery(filter, ctx.unit("province"), ctx.unit("district"))).header("Accept", "*/*").GET().build(),
						HttpResponse.BodyHandlers.ofInputStream());
			}

			public String setUp(Context ctx, int clients) throws Exception {
				HttpResponse<InputStream> r = fetch(ctx);
				try (InputStream in = r.body()) {
					in.transferTo(java.io.OutputStream.nullOutputStream());
				}
				if (r.statusCode() == 200) {
					HttpResponse<String> count = ctx.send(ctx.api("/api/v1/ideas?size=1&"
							+ exportQuery(filter, ctx.unit("province"), ctx.unit("district"))).GET().build());
					java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"totalItems\"\\s*:\\s*(\\d+)").matcher(count.body());
					System.out.printf("xlsx-export    %s: %s ideas per export%n", filter, m.find() ? m.group(1) : "?");
				}
				// before the export exists, "export.xlsx" is taken for an idea id: 400, not 404
				return r.statusCode() != 200 ? "endpoint /api/v1/ideas/export.xlsx answers " + r.statusCode() + " (not in this build)"
						: null;
			}

			public void call(Context ctx, int client, SplittableRandom r) throws Exception {
				HttpResponse<InputStream> response = fetch(ctx);
				try (InputStream in = response.body()) {
					bytes = in.transferTo(java.io.OutputStream.nullOutputStream());
				}
				if (response.statusCode() != 200 || bytes < 100) {
					throw new IllegalStateException("export → " + response.statusCode() + ", " + bytes + " bytes");
				}
			}
		};
	}

	// --- floors --------------------------------------------------------------------------------

	/**
	 * The same rows as submit-idea (code counter, idea, author, two benefits, history) with plain
	 * JDBC, one transaction per idea, into the same database: what the API costs on top of SQL.
	 */
	static Scenario jdbcInsert(String url, String user, String password) {
		return new Scenario() {
			final List<Connection> connections = new ArrayList<>();

			public String name() {
				return "jdbc-insert";
			}

			public String floor() {
				return null;
			}

			public String setUp(Context ctx, int clients) throws Exception {
				if (url == null) {
					return "no database URL (--db-url or bench.properties)";
				}
				for (int i = 0; i < clients; i++) {
					Connection c = DriverManager.getConnection(url, user, password);
					c.setAutoCommit(false);
					connections.add(c);
				}
				return null;
			}

			public void call(Context ctx, int client, SplittableRandom r) throws Exception {
				IdeaTexts.Text t = IdeaTexts.generate(r, "xã Thọ Dân", TargetGroup.RURAL_YOUTH);
				Connection c = connections.get(client);
				try {
					long number;
					try (PreparedStatement ps = c.prepareStatement("insert into idea_code_counter (prefix, year, last) values ('FLOOR', 2026, 1) "
							+ "on conflict (prefix, year) do update set last = idea_code_counter.last + 1 returning last");
							ResultSet rs = ps.executeQuery()) {
						rs.next();
						number = rs.getLong(1);
					}
					long unit = ctx.unit("commune");
					long id;
					try (PreparedStatement ps = c.prepareStatement("""
							insert into idea (code, unit_id, unit_path, year, kind, title, summary, problem, solution, novelty, scope_where,
							  application_area, sector_field, target_group, status, created_by, created_by_author)
							values (?, ?, (select path from org_unit where id = ?), 2026, 'IDEA', ?, ?, ?, ?, ?, ?, ?, ?, 'RURAL_YOUTH', 'DRAFT', ?, false)
							returning id""")) {
						ps.setString(1, "FLOOR-2026-%06d".formatted(number));
						ps.setLong(2, unit);
						ps.setLong(3, unit);
						ps.setString(4, t.title());
						ps.setString(5, t.summary());
						ps.setString(6, t.problem());
						ps.setString(7, t.solution());
						ps.setString(8, t.novelty());
						ps.setString(9, t.scopeWhere());
						ps.setString(10, t.area().name());
						ps.setString(11, t.field().name());
						ps.setLong(12, Long.parseLong(ctx.bench.getProperty("admin.id")));
						try (ResultSet rs = ps.executeQuery()) {
							rs.next();
							id = rs.getLong(1);
						}
					}
					try (PreparedStatement a = c.prepareStatement("insert into idea_author (idea_id, position, full_name) values (?, 0, 'Nguyễn Văn Bench')");
							PreparedStatement b = c.prepareStatement("insert into idea_benefit (idea_id, benefit) values (?, ?)");
							PreparedStatement h = c.prepareStatement("insert into idea_history (idea_id, actor_id, actor_name, step, to_status) "
									+ "values (?, ?, 'Bench', 'CREATE', 'DRAFT')")) {
						a.setLong(1, id);
						a.executeUpdate();
						for (String benefit : List.of("SAVING", "CONVENIENCE")) {
							b.setLong(1, id);
							b.setString(2, benefit);
							b.addBatch();
						}
						b.executeBatch();
						h.setLong(1, id);
						h.setLong(2, Long.parseLong(ctx.bench.getProperty("admin.id")));
						h.executeUpdate();
					}
					c.commit();
				}
				catch (Exception e) {
					c.rollback();
					throw e;
				}
			}

			public void tearDown(Context ctx) throws Exception {
				for (Connection c : connections) {
					c.close();
				}
				try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
					s.execute("delete from idea where code like 'FLOOR-%'");
					s.execute("delete from idea_code_counter where prefix = 'FLOOR'");
				}
			}
		};
	}

	/** The raw Lucene floor ({@link LuceneFloor}). */
	static Scenario luceneQuery(Path indexRoot) {
		return new LuceneFloor(indexRoot);
	}

	static Scenario luceneSimilar(Path indexRoot) {
		return new LuceneSimilarFloor(indexRoot);
	}

	/**
	 * What any API request costs before its own work: {@code GET /api/v1/me} with the same bearer token (HTTP, the
	 * token's look-up, the security filters, JSON). Not a floor figures are divided by: it says how much of a
	 * search's time no query shape can remove.
	 */
	static Scenario apiRequest() {
		return new Scenario() {
			public String name() {
				return "api-request";
			}

			public String floor() {
				return null;
			}

			public String setUp(Context ctx, int clients) throws Exception {
				return probe(ctx.send(ctx.api("/api/v1/me").GET().build()));
			}

			public void call(Context ctx, int client, SplittableRandom r) throws Exception {
				expect(ctx.send(ctx.api("/api/v1/me").GET().build()), 200);
			}
		};
	}

	/** The first directory under {@code root} holding a Lucene commit ({@code segments_N}). */
	static Path findIndex(Path root) throws java.io.IOException {
		if (root == null || !Files.isDirectory(root)) {
			return null;
		}
		try (Stream<Path> s = Files.walk(root, 6)) {
			return s.filter(p -> p.getFileName().toString().startsWith("segments_")).map(Path::getParent).sorted().findFirst()
				.orElse(null);
		}
	}
}
