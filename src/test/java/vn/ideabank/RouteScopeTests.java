package vn.ideabank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
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
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.ideabank.search.SearchAdmin;

/**
 * No route lets one unit's people read or change a sibling unit's private records. Every handler mapping
 * of the application (pages and API, from Spring's own registry, so a route is covered the day it is
 * added) is called as each demo role bound at commune A with the ids of commune B's objects
 * ({@link RouteScopeWorld}): a read fails on any 2xx body that shows one of B's private records (its
 * marker, looked for in HTML, JSON, .xlsx/.docx and PDF), a write on any change to B's rows
 * ({@link UnitRows}). Public routes are listed with their reason in {@link RouteRules}; a route the rules
 * cannot read fails {@link #everyRouteIsClassified()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RouteScopeTests extends IntegrationTest {

	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();

	/** At most this many combinations of B's ids per route (a route with three variables stays cheap). */
	private static final int MAX_COMBINATIONS = 8;

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

	private UnitRows bRows;

	record Route(RequestMethod method, String pattern, HandlerMethod handler) {

		boolean read() {
			return method == RequestMethod.GET;
		}

		boolean api() {
			return pattern.startsWith("/api/");
		}

		@Override
		public String toString() {
			return method + " " + pattern;
		}
	}

	@BeforeAll
	void world() {
		world = new RouteScopeWorld(context, this::caller, RUN);
		requests = new RouteRequests(world, this::versionOf);
		bRows = new UnitRows(jdbc, world.b.unit().path());
		world.awaitSearchIndex(context.getBean(SearchAdmin.class), caller("admin"));
		world.awaitListeners();
	}

	/** Every route of the application with each of its methods (none declared: a GET). */
	private List<Route> routes() {
		List<Route> routes = new ArrayList<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			var methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				(methods.isEmpty() ? List.of(RequestMethod.GET) : methods).forEach(m -> routes.add(new Route(m, pattern, handler)));
			}
		});
		routes.sort((x, y) -> x.toString().compareTo(y.toString()));
		return routes;
	}

	private boolean checked(Route route) {
		return RouteRules.publicReason(route.pattern()).isEmpty();
	}

	@Test
	@Order(1)
	void everyRouteIsClassified() {
		List<String> unclassified = new ArrayList<>();
		for (Route route : routes()) {
			if (checked(route)) {
				for (String variable : RouteRequests.pathVariables(route.pattern())) {
					if (RouteRules.kindOf(route.pattern(), variable).filter(world.ids::containsKey).isEmpty()) {
						unclassified.add(route + " {" + variable + "}");
					}
				}
			}
		}
		assertThat(unclassified).as("routes whose variables RouteRules cannot name (add them, or list the route as public)")
			.isEmpty();
		assertThat(routes()).as("the registry lists pages and API").hasSizeGreaterThan(200);
	}

	@Test
	@Order(2)
	void noRouteShowsASiblingUnitsPrivateRecordsToAnyRole() {
		List<String> leaks = new ArrayList<>();
		int calls = 0;
		for (Route route : routes().stream().filter(Route::read).filter(this::checked).toList()) {
			// with what the route needs; again with every filter it takes when one of them is a unit (naming B)
			RouteRequests.Payload needed = requests.payload(route.handler(), mainKind(route), false);
			List<RouteRequests.Payload> payloads = RouteRequests.takesUnit(route.handler())
					? List.of(needed, requests.payload(route.handler(), mainKind(route), true)) : List.of(needed);
			for (String uri : uris(route)) {
				for (RouteRequests.Payload payload : payloads) {
					for (RouteScopeWorld.Person person : world.people) {
						calls++;
						call(route, uri, payload, person).filter(r -> r.getResponse().getStatus() / 100 == 2)
							.filter(r -> text(r).contains(world.marker))
							.ifPresent(r -> leaks.add(route + " as " + person.role() + ": " + r.getRequest().getMethod() + " "
									+ uri + payload.params() + " → " + r.getResponse().getStatus()));
					}
				}
			}
		}
		assertThat(calls).isGreaterThan(500);
		assertThat(leaks).as("2xx answers that show B's private records to A's people").isEmpty();
	}

	@Test
	@Order(3)
	void noStateChangingRouteChangesASiblingUnitsRecordsForAnyRole() {
		List<String> writes = new ArrayList<>();
		Map<String, String> before = bRows.fingerprint();
		assertThat(bRows.tables()).as("B's rows are found in the records' tables and below them")
			.contains("idea", "idea_comment", "contest_nomination", "review_assignment", "programme_club", "report_periodic");
		int calls = 0;
		for (Route route : routes().stream().filter(r -> !r.read()).filter(this::checked).toList()) {
			RouteRequests.Payload payload = requests.payload(route.handler(), mainKind(route), true);
			for (String uri : uris(route)) {
				for (RouteScopeWorld.Person person : world.people) {
					calls++;
					call(route, uri, payload, person).filter(r -> r.getResponse().getStatus() / 100 == 2)
						.filter(r -> text(r).contains(world.marker))
						.ifPresent(r -> writes.add(route + " as " + person.role() + " answered with B's records: " + uri));
				}
			}
			Map<String, String> after = bRows.fingerprint();
			List<String> changed = UnitRows.changed(before, after);
			if (!changed.isEmpty()) {
				writes.add(route + " changed B's rows in " + changed);
			}
			before = after;
		}
		assertThat(calls).isGreaterThan(300);
		assertThat(writes).as("writes of A's people that reached B's records").isEmpty();
	}

	// --- requests ------------------------------------------------------------------------------

	/** The kind of the object the route is about: its last path variable's. */
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

	/** The route with its variables replaced by B's ids, each combination up to {@link #MAX_COMBINATIONS}. */
	private List<String> uris(Route route) {
		List<String> uris = new ArrayList<>(List.of(route.pattern()));
		for (String variable : RouteRequests.pathVariables(route.pattern())) {
			List<Long> ids = world.ids.get(RouteRules.kindOf(route.pattern(), variable).orElseThrow());
			List<String> next = new ArrayList<>();
			for (String uri : uris) {
				for (Long id : ids.isEmpty() ? List.of(0L) : ids) {
					next.add(uri.replaceFirst("\\{" + variable + "(:[^}]*)?}", String.valueOf(id)));
				}
			}
			uris = next.subList(0, Math.min(next.size(), MAX_COMBINATIONS));
		}
		return uris;
	}

	private Optional<MvcResult> call(Route route, String uri, RouteRequests.Payload payload, RouteScopeWorld.Person person) {
		HttpMethod method = HttpMethod.valueOf(route.method().name());
		AbstractMockHttpServletRequestBuilder<?> request;
		if (!payload.files().isEmpty()) {
			var multipart = MockMvcRequestBuilders.multipart(method, uri);
			payload.files().forEach(name -> multipart.file(new MockMultipartFile(name, "thu-pham-vi.docx",
					"application/vnd.openxmlformats-officedocument.wordprocessingml.document", UnitRecords.docx("Thử phạm vi"))));
			request = multipart;
		}
		else {
			request = MockMvcRequestBuilders.request(method, uri);
		}
		payload.params().forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
		if (payload.json() != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(payload.json());
		}
		if (route.api()) {
			request.header("Authorization", "Bearer " + person.token());
		}
		else {
			request.with(as(person.username()));
			if (!route.read()) {
				request.with(csrf());
			}
		}
		try {
			return Optional.of(mockMvc.perform(request).andReturn());
		}
		catch (Exception e) {
			// an exception that escapes is no answer at all (and no leak); a write it left behind shows in the rows
			return Optional.empty();
		}
	}

	/** The text of a body: HTML and JSON as they are, .xlsx and .docx unzipped, PDF read out. */
	static String text(MvcResult result) {
		byte[] body = result.getResponse().getContentAsByteArray();
		try {
			if (body.length > 4 && body[0] == 'P' && body[1] == 'K') {
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body))) {
					while (zip.getNextEntry() != null) {
						zip.transferTo(out);
					}
				}
				return out.toString(StandardCharsets.UTF_8);
			}
			if (body.length > 4 && new String(body, 0, 4, StandardCharsets.US_ASCII).equals("%PDF")) {
				try (PDDocument pdf = Loader.loadPDF(body)) {
					return new PDFTextStripper().getText(pdf);
				}
			}
		}
		catch (IOException e) {
			return new String(body, StandardCharsets.UTF_8);
		}
		return new String(body, StandardCharsets.UTF_8);
	}
}
