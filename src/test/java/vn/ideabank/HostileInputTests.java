package vn.ideabank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.ideabank.account.AccountCommands.CreateToken;
import vn.ideabank.account.AccountService;
import vn.ideabank.search.SearchAdmin;

/**
 * No hostile input answers 5xx or leaves anything half-saved. Every state-changing handler of the
 * application (pages and API, from Spring's own registry, so a route is covered the day it is added) is
 * called as the system administrator, on the objects of {@link RouteScopeWorld}, with the plausible payload
 * of {@link RouteRequests} in which one input at a time is replaced by a hostile value of its type
 * ({@link HostileValues}): over-long, control characters, NFD Vietnamese, RTL override, syntax-laden
 * text, out-of-range numbers, impossible dates, unknown enum values, ids of nothing in path variables and
 * hostile upload names. A 5xx fails; so does a refusal (a 4xx, a form re-shown with errors, a redirect
 * with a problem notice) after which any table of the schema has another row count ({@link TableCounts}).
 * Every failure is collected, then reported at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTests extends IntegrationTest {

	/** State-changing routes not called, and why (exact {@code METHOD pattern}). */
	static final Map<String, String> EXCLUDED = Map.of(
			"POST /admin/backup", "writes a full backup of the database and the files (slow, takes no input but the button)",
			"POST /api/v1/admin/backups", "writes a full backup of the database and the files (slow, takes no input)",
			"POST /admin/search/rebuild", "rebuilds the whole search index in the background (slow, takes no input)");

	/** How many hostile values each input gets per run (the sets are walked in turn across inputs). */
	private static final int VALUES_PER_INPUT = 3;

	/** {@code -Dhostile.routes=/contests}: only the routes whose pattern contains it (to rerun a few while fixing). */
	private static final String ONLY = System.getProperty("hostile.routes", "");

	private static final String RUN = "H" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();

	@Autowired
	private ApplicationContext context;

	@Autowired
	private MockMvc mockMvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	private RouteScopeWorld world;

	private RouteRequests requests;

	private TableCounts counts;

	private String adminToken;

	private final HostileValues values = new HostileValues();

	/** What escaped the last call that had no answer. */
	private Exception escaped;

	record Route(RequestMethod method, String pattern, HandlerMethod handler) {

		@Override
		public String toString() {
			return method + " " + pattern;
		}
	}

	/** One call: the input replaced (null: none), by what, and where path variables and upload names stand. */
	record Variant(String input, HostileValues.Value value, Map<String, String> pathValues, String fileName) {
	}

	@BeforeAll
	void world() {
		world = new RouteScopeWorld(context, this::caller, RUN);
		requests = new RouteRequests(world, this::versionOf);
		counts = new TableCounts(jdbc);
		adminToken = context.getBean(AccountService.class).createToken(caller("admin"), new CreateToken("hostile input"));
		world.awaitSearchIndex(context.getBean(SearchAdmin.class), caller("admin"));
		world.awaitListeners();
	}

	private List<Route> writeRoutes() {
		return routes(false);
	}

	/** With {@code reads} the GET routes (none declared: a GET), else the state-changing ones. */
	private List<Route> routes(boolean reads) {
		List<Route> routes = new ArrayList<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			var methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				(methods.isEmpty() ? java.util.Set.of(RequestMethod.GET) : methods).stream()
					.filter(m -> reads == (m == RequestMethod.GET)).filter(m -> m != RequestMethod.HEAD && m != RequestMethod.OPTIONS)
					.forEach(m -> routes.add(new Route(m, pattern, handler)));
			}
		});
		routes.sort((x, y) -> x.toString().compareTo(y.toString()));
		return routes;
	}

	/**
	 * Reads change nothing, so only their answers are checked: every query parameter and filter field of
	 * every GET route (public ones included: {@code /public/ideas?q=%00} used to answer 500) with two
	 * hostile values of its type, as the administrator. No 5xx.
	 */
	@Test
	void noHostileQueryAnswers5xx() {
		List<String> failures = new ArrayList<>();
		int calls = 0;
		for (Route route : routes(true).stream().filter(r -> r.pattern().contains(ONLY)).toList()) {
			for (HostileValues.Field field : HostileValues.fields(route.handler())) {
				for (HostileValues.Value value : values.sample(field, 2)) {
					calls++;
					Variant variant = new Variant(field.name(), value, ids(route), null);
					Optional<MvcResult> answer = call(route, variant);
					if (answer.isEmpty() || answer.get().getResponse().getStatus() >= 500) {
						failures.add("5xx: " + route + " " + describe(variant) + " → "
								+ answer.map(HostileInputTests::summary).orElseGet(this::escapedSummary));
					}
				}
			}
		}
		System.out.printf("hostile queries: %d calls, %d failures%n", calls, failures.size());
		assertThat(calls).isGreaterThan(ONLY.isEmpty() ? 100 : 0);
		assertThat(failures).as("hostile query parameters that answered 5xx (%d calls)", calls).isEmpty();
	}

	@Test
	void everyExclusionNamesARouteOfTheApplication() {
		List<String> routes = writeRoutes().stream().map(Route::toString).toList();
		assertThat(routes).as("excluded routes that no longer exist (remove them from EXCLUDED)").containsAll(EXCLUDED.keySet());
		assertThat(routes).as("the registry lists the state-changing routes of pages and API").hasSizeGreaterThan(80);
	}

	@Test
	void noHostileInputAnswers5xxOrLeavesAnythingHalfSaved() {
		List<String> failures = new ArrayList<>();
		int calls = 0;
		Map<String, Integer> answers = new java.util.TreeMap<>();
		long started = System.nanoTime();
		Map<String, Long> before = counts.snapshot();
		for (Route route : writeRoutes().stream().filter(r -> !EXCLUDED.containsKey(r.toString()))
			.filter(r -> r.pattern().contains(ONLY)).toList()) {
			for (Variant variant : variants(route)) {
				calls++;
				Optional<MvcResult> answer = call(route, variant);
				Map<String, Long> after = counts.snapshot();
				String what = route + " " + describe(variant);
				if (answer.isEmpty() || answer.get().getResponse().getStatus() >= 500) {
					failures.add("5xx: " + what + " → " + answer.map(HostileInputTests::summary).orElseGet(this::escapedSummary));
				}
				boolean refused = answer.map(HostileInputTests::refused).orElse(true);
				answers.merge(answer.map(r -> r.getResponse().getStatus() + (refused ? " refused" : " done")).orElse("exception"), 1,
						Integer::sum);
				Map<String, String> changed = TableCounts.changed(before, after);
				if (refused && !changed.isEmpty()) {
					failures.add("half-saved: " + what + " → " + answer.map(HostileInputTests::summary).orElse("exception")
							+ " yet rows changed " + changed);
				}
				if (!refused) {
					world.awaitListeners(); // what the success set off after its commit is not the next call's doing
					after = counts.snapshot();
				}
				before = after;
			}
		}
		System.out.printf("hostile input: %d calls in %d s, answers %s, %d failures%n", calls,
				(System.nanoTime() - started) / 1_000_000_000, answers, failures.size());
		assertThat(calls).isGreaterThan(ONLY.isEmpty() ? 1000 : 0);
		assertThat(failures).as("hostile inputs that answered 5xx or half-saved (%d calls)", calls).isEmpty();
	}

	// --- variants ------------------------------------------------------------------------------

	private List<Variant> variants(Route route) {
		List<Variant> variants = new ArrayList<>();
		Map<String, String> ids = ids(route);
		List<HostileValues.Field> fields = HostileValues.fields(route.handler());
		for (HostileValues.Field field : fields) {
			for (HostileValues.Value value : values.sample(field, VALUES_PER_INPUT)) {
				variants.add(new Variant(field.name(), value, ids, null));
			}
		}
		fields.stream().filter(f -> f.json() && f.type() == String.class).findFirst()
			.ifPresent(f -> variants.add(new Variant(f.name(), HostileValues.MILLION, ids, null)));
		for (String variable : ids.keySet()) {
			Map<String, String> nothing = new LinkedHashMap<>(ids);
			nothing.put(variable, HostileValues.IDS_OF_NOTHING.get(variants.size() % HostileValues.IDS_OF_NOTHING.size()));
			variants.add(new Variant(null, null, nothing, null));
		}
		if (!requests.payload(route.handler(), null, true).files().isEmpty()) {
			for (String name : HostileValues.FILE_NAMES) {
				variants.add(new Variant(null, null, ids, name));
			}
		}
		if (variants.isEmpty()) {
			variants.add(new Variant(null, null, ids, null));
		}
		return variants;
	}

	/** Each path variable with the first id of its kind in the world (0 where it has none). */
	private Map<String, String> ids(Route route) {
		Map<String, String> ids = new LinkedHashMap<>();
		for (String variable : RouteRequests.pathVariables(route.pattern())) {
			List<Long> known = RouteRules.kindOf(route.pattern(), variable).map(world.ids::get).orElse(List.of());
			ids.put(variable, String.valueOf(known.isEmpty() ? 0L : known.get(0)));
		}
		return ids;
	}

	private static String describe(Variant v) {
		if (v.input() != null) {
			return "[" + v.input() + " = " + v.value() + "]";
		}
		if (v.fileName() != null) {
			return "[file name " + v.fileName().substring(0, Math.min(20, v.fileName().length())).replace("\u0000", "\\0")
					+ "]";
		}
		return "[path " + v.pathValues() + "]";
	}

	// --- calls ---------------------------------------------------------------------------------

	private Optional<MvcResult> call(Route route, Variant variant) {
		String uri = route.pattern();
		for (var e : variant.pathValues().entrySet()) {
			uri = uri.replaceFirst("\\{" + e.getKey() + "(:[^}]*)?}", e.getValue());
		}
		String mainKind = mainKind(route);
		RouteRequests.Payload payload = requests.payload(route.handler(), mainKind, true);
		HttpMethod method = HttpMethod.valueOf(route.method().name());
		AbstractMockHttpServletRequestBuilder<?> request;
		if (!payload.files().isEmpty()) {
			var multipart = MockMvcRequestBuilders.multipart(method, uri);
			String name = variant.fileName() != null ? variant.fileName() : "thu-dau-vao.docx";
			payload.files().forEach(param -> multipart.file(new MockMultipartFile(param, name,
					"application/vnd.openxmlformats-officedocument.wordprocessingml.document", UnitRecords.docx("Thử đầu vào"))));
			request = multipart;
		}
		else {
			request = MockMvcRequestBuilders.request(method, uri);
		}
		Map<String, List<String>> params = new LinkedHashMap<>(payload.params());
		String json = payload.json();
		if (variant.input() != null) {
			HostileValues.Field field = HostileValues.fields(route.handler()).stream()
				.filter(f -> f.name().equals(variant.input())).findFirst().orElseThrow();
			if (field.json()) {
				json = hostileJson(route, mainKind, field, variant.value());
			}
			else {
				params.put(field.name(), List.of((String) variant.value().sent()));
			}
		}
		params.forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		if (route.pattern().startsWith("/api/")) {
			request.header("Authorization", "Bearer " + adminToken);
		}
		else {
			request.with(as("admin")).with(csrf());
		}
		try {
			return Optional.of(mockMvc.perform(request).andReturn());
		}
		catch (Exception e) {
			escaped = e;
			return Optional.empty();
		}
	}

	/** The plausible JSON body with one field replaced by the hostile value. */
	@SuppressWarnings("unchecked")
	private String hostileJson(Route route, String mainKind, HostileValues.Field field, HostileValues.Value value) {
		var body = java.util.Arrays.stream(route.handler().getMethodParameters())
			.filter(p -> p.hasParameterAnnotation(RequestBody.class)).findFirst().orElseThrow();
		Object plausible = requests.value(null, body.getParameterType(), body.getGenericParameterType(), mainKind, 0);
		if (!(plausible instanceof Map<?, ?>)) {
			return RouteRequests.json(plausible);
		}
		Map<String, Object> object = new LinkedHashMap<>((Map<String, Object>) plausible);
		Object sent = HostileValues.forJson(value);
		object.put(field.name(), field.many() ? List.of(sent) : sent);
		return RouteRequests.json(object);
	}

	/** A 4xx (or a 5xx: nothing of it may stay), a form re-shown with errors, or a redirect with a problem notice. */
	private static boolean refused(MvcResult result) {
		int status = result.getResponse().getStatus();
		if (status >= 400) {
			return true;
		}
		if (result.getModelAndView() != null) {
			for (Object value : result.getModelAndView().getModel().values()) {
				if (value instanceof BindingResult binding && binding.hasErrors()) {
					return true;
				}
			}
		}
		var flash = result.getFlashMap();
		return flash.containsKey("problem") || flash.containsKey("problemText") || flash.containsKey("error");
	}

	private static String summary(MvcResult result) {
		Exception e = result.getResolvedException();
		String why = e == null ? "" : " " + e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage())
			.replace('\n', ' ').substring(0, Math.min(160, String.valueOf(e.getMessage()).length()));
		return result.getResponse().getStatus() + why;
	}

	private String escapedSummary() {
		Throwable root = escaped;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		String message = String.valueOf(root.getMessage()).replace('\n', ' ');
		return "escaped " + root.getClass().getSimpleName() + ": " + message.substring(0, Math.min(160, message.length()));
	}

	private String mainKind(Route route) {
		List<String> variables = RouteRequests.pathVariables(route.pattern());
		return variables.isEmpty() ? null
				: RouteRules.kindOf(route.pattern(), variables.get(variables.size() - 1)).orElse(null);
	}

	private Long versionOf(String kind) {
		String table = kind == null ? null : RouteRules.TABLE.get(kind);
		if (table == null) {
			return 0L;
		}
		return jdbc.sql("select version from " + table + " where id = :id").param("id", world.ids.get(kind).get(0))
			.query(Long.class).optional().orElse(0L);
	}
}
