package vn.ideabank.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.ideabank.IntegrationTest;
import vn.ideabank.org.UnitService;

/**
 * A download of another unit's records is refused with an ordinary 403/404 page, decided before the
 * file starts: before, the refusal came after the .xlsx headers were set and the answer was a 500.
 * Every GET route that hands out a file is listed from Spring's own registry, so a new export must
 * be added to the table below (with the query that names the other unit) before the suite passes.
 */
class RefusalBeforeDownloadTests extends IntegrationTest {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	UnitService units;

	/** Route → the query naming another unit ({@code {other}}), or "" for a route without a unit. */
	private static final Map<String, String> EXPORTS = Map.ofEntries(
			Map.entry("/startups/export.xlsx", "unit={other}"), Map.entry("/clubs/export.xlsx", "unit={other}"),
			Map.entry("/funds/export.xlsx", "unit={other}"), Map.entry("/ip/export.xlsx", "unit={other}"),
			Map.entry("/ideas/export.xlsx", "unit={other}"), Map.entry("/api/v1/ideas/export.xlsx", "unitId={other}"),
			Map.entry("/members/export.xlsx", "unit={other}"),
			Map.entry("/dashboard/export.xlsx", "unitId={other}&table=targets"),
			Map.entry("/reports/periodic/export.xlsx", "unit={other}"),
			Map.entry("/reports/periodic/children.xlsx", "unit={other}&kind=THANG&year=2026&number=1"),
			Map.entry("/reports/plans/{id}/status.xlsx", ""), Map.entry("/reviews/applied.xlsx", ""),
			Map.entry("/members/import/template.xlsx", ""), Map.entry("/ideas/import/template.xlsx", ""),
			// the register lists the caller's scope only (RouteScopeTests reads it for another unit's markers)
			Map.entry("/initiatives/register.xlsx", ""), Map.entry("/api/v1/initiatives/register.xlsx", ""),
			Map.entry("/api/v1/initiatives/{id}/benefits.xlsx", ""), Map.entry("/initiatives/{id}/benefits.xlsx", ""));

	@Test
	void everyExportIsListedHere() {
		var routes = new TreeSet<String>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			if (info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
				info.getPatternValues().stream().filter(p -> p.endsWith(".xlsx")).forEach(routes::add);
			}
		});
		assertThat(EXPORTS.keySet()).containsExactlyInAnyOrderElementsOf(routes);
	}

	@Test
	void anotherUnitsExportIsRefusedWithAPageNotHalfAFile() {
		long other = units.findByCode("TS-THOTAN").orElseThrow().id();
		EXPORTS.forEach((route, query) -> {
			if (query.isEmpty()) {
				return;
			}
			String uri = route + "?" + query.replace("{other}", Long.toString(other));
			var response = mvc.get().uri(uri).with(as("doan.thodan")).header("Accept", "text/html").exchange().getResponse();
			assertThat(response.getStatus()).as(uri).isIn(403, 404);
			assertThat(response.getContentType()).as(uri).doesNotContain("spreadsheetml");
			assertThat(response.getHeader("Content-Disposition")).as(uri).isNull();
		});
	}

	@Test
	void theErrorPathAskedForDirectlyIsNotFound() {
		assertThat(mvc.get().uri("/error").header("Accept", "text/html").exchange().getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.get().uri("/error").header("Accept", "application/json").exchange().getResponse().getStatus())
			.isEqualTo(404);
	}
}
