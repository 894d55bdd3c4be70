package vn.ideabank.bench;

import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import vn.ideabank.member.TargetGroup;

/** The scenarios of {@code bench/run}: HTTP against the app ({@link Context}), and its floors ({@link JdbcInsertFloor}, {@link LuceneFloor}, {@link LuceneSimilarFloor}). */
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

	/** The JDBC floor ({@link JdbcInsertFloor}). */
	static Scenario jdbcInsert(String url, String user, String password) {
		return new JdbcInsertFloor(url, user, password);
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
