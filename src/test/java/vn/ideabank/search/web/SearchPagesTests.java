package vn.ideabank.search.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import vn.ideabank.IntegrationTest;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStep;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.org.UnitService;
import vn.ideabank.search.SearchService;
import vn.ideabank.search.SearchTestData;

/** The search page, its API, the similar-ideas panels and the index administration through MockMvc. */
class SearchPagesTests extends IntegrationTest {

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	SearchService search;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	vn.ideabank.search.SearchAdmin admin;

	private IdeaView idea(String title) {
		return idea(title, title);
	}

	private IdeaView idea(String title, String text) {
		long unit = units.findByCode("TS-THODAN").orElseThrow().id();
		return ideas.create(caller("doan.thodan"), SearchTestData.idea(unit, title, text));
	}

	/** Waits for the outbox poller (every 500 ms in tests) to index what was committed. */
	private void indexed() throws InterruptedException {
		for (int i = 0; i < 100; i++) {
			if (jdbc.sql("select count(*) from search_outbox").query(Long.class).single() == 0) {
				Thread.sleep(100); // the batch just taken may still be running
				if (jdbc.sql("select count(*) from search_outbox").query(Long.class).single() == 0) {
					return;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the outbox was not processed");
	}

	private static Document page(MvcTestResult result) {
		assertThat(result).hasStatusOk();
		try {
			return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		}
		catch (java.io.UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void theSearchPageShowsHighlightedHitsFacetsAndIsReachableFromTheHeader() throws Exception {
		IdeaView found = idea("Nông nghiệp công nghệ cao xtrangtimkiem");
		indexed();
		Document home = page(mvc.get().uri("/").with(as("doan.thodan")).exchange());
		assertThat(home.select("form.header-search[action=/search] input[name=q]")).hasSize(1);

		Document results = page(mvc.get().uri("/search?q=nong nghiep cong nghe cao xtrangtimkiem").with(as("doan.thodan")).exchange());
		var hit = results.select("ol.hits li.hit:has(a[href=/ideas/" + found.id() + "])");
		assertThat(hit).hasSize(1);
		assertThat(hit.select("mark").eachText()).contains("xtrangtimkiem");
		// the filter box arrives after the hits: the page asks for it with htmx
		String facetsUrl = results.select(".search-facets[hx-get]").attr("hx-get");
		assertThat(facetsUrl).startsWith("/search/facets?").contains("q=");
		Document facets = page(mvc.get().uri(java.net.URI.create(facetsUrl)).with(as("doan.thodan")).exchange());
		assertThat(facets.select(".search-facets .facet h2").eachText()).as(facets.html()).isNotEmpty();
		String yearLink = facets.select(".search-facets a[href*=year=]").attr("href");
		assertThat(yearLink).startsWith("/search?");
		assertThat(yearLink).contains("q=");
		assertThat(page(mvc.get().uri(java.net.URI.create(yearLink)).with(as("doan.thodan")).exchange()).select("ol.hits li.hit")).isNotEmpty();
	}

	@Test
	void badQueriesGiveAPageNeverAnError() {
		for (String q : new String[] { "", "+ - && || ! ( ) { } [ ] ^ \" ~ * ? : \\ /", "a".repeat(10_000), "😀",
				Normalizer.normalize("Nông nghiệp", Normalizer.Form.NFD), "%", "<script>alert(1)</script>" }) {
			MvcTestResult r = mvc.get().uri("/search").param("q", q).with(as("doan.thodan")).exchange();
			assertThat(r).as(q.length() > 50 ? q.substring(0, 50) : q).hasStatusOk();
			assertThat(r.getResponse().getContentAsByteArray().length).isPositive();
		}
		MvcTestResult api = mvc.get().uri("/api/v1/search/ideas").param("q", "( [ \\").with(as("doan.thodan")).exchange();
		assertThat(api).hasStatusOk();
		assertThat(mvc.get().uri("/search?page=-4&size=100000").with(as("doan.thodan"))).hasStatusOk();
	}

	@Test
	void longAndHostileQueriesGetTheAppsOwnAnswer() throws Exception {
		IdeaView found = idea("Nước sạch cho điểm trường xlongquery");
		indexed();
		String tenThousand = ("xlongquery nước sạch " + "a".repeat(9_000) + " ").repeat(2).substring(0, 10_000);
		// the page's form posts; the answer redirects to the searched part (500 characters), bookmarkable
		MvcTestResult posted = mvc.post().uri("/search").param("q", tenThousand).with(as("doan.thodan")).with(csrf()).exchange();
		assertThat(posted).hasStatus3xxRedirection().flash().containsKey("queryCut");
		String location = posted.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/search?q=xlongquery").hasSizeLessThan(8_000);
		assertThat(page(mvc.get().uri(java.net.URI.create(location)).with(as("doan.thodan")).exchange())
			.select("ol.hits a[href=/ideas/" + found.id() + "]")).hasSize(1);
		Document tooLong = page(mvc.post().uri("/search").param("q", tenThousand + "x").with(as("doan.thodan")).with(csrf()).exchange());
		assertThat(tooLong.select("[role=alert]").text()).contains("10000");
		Document form = page(mvc.get().uri("/search").with(as("doan.thodan")).exchange());
		assertThat(form.select("form.search-form[method=post] input[name=_csrf]")).hasSize(1);
		// the API: a JSON body up to 10,000 characters, refused in the app's JSON beyond
		for (String q : new String[] { "", tenThousand, "title:(a OR b)~ *?", Normalizer.normalize("Nước sạch xlongquery", Normalizer.Form.NFD),
				"😀 xlongquery 🚀", "xlongquery Nước sạch 清水 чистая вода مياه", "xlongquery\u0000nước", "${7*7} {7*7} #{x}" }) {
			assertThat(mvc.post().uri("/api/v1/search/ideas").with(as("doan.thodan")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"q\":\"" + q.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u0000", "\\u0000") + "\"}"))
				.as(q.length() > 40 ? q.substring(0, 40) : q).hasStatusOk();
			assertThat(mvc.get().uri("/search").param("q", q).with(as("doan.thodan"))).hasStatusOk();
			assertThat(mvc.post().uri("/search").param("q", q).with(as("doan.thodan")).with(csrf())).hasStatus3xxRedirection();
		}
		assertThat(mvc.post().uri("/api/v1/search/ideas").with(as("doan.thodan")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"q\":\"" + "a".repeat(10_001) + "\"}")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		// through Tomcat: a 10,000-character Vietnamese query fits the URL; a longer URL is refused by the app's own page
		var http = java.net.http.HttpClient.newHttpClient();
		String encoded = java.net.URLEncoder.encode("ước ".repeat(2_500), StandardCharsets.UTF_8);
		var fits = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/search?q=" + encoded)).build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(fits.statusCode()).as("not refused by Tomcat").isIn(200, 302);
		var tooLarge = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/search?q=" + encoded.repeat(3)))
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(tooLarge.statusCode()).isEqualTo(400);
		assertThat(tooLarge.body()).doesNotContain("Apache Tomcat").doesNotContain("HTTP Status 400")
			.contains("Yêu cầu không hợp lệ", "tối đa 96 KB");
	}

	@Test
	void theApiAnswersHitsFacetsAndTotalAndSimilarIdeas() throws Exception {
		IdeaView found = idea("Máy bóc vỏ lạc từ động cơ xe máy cũ xapitimkiem");
		indexed();
		assertThat(mvc.get().uri("/api/v1/search/ideas?q=xapitimkiem&page=0&size=20").with(as("doan.thodan")))
			.hasStatusOk().bodyJson()
			.hasPathSatisfying("$.content[0].code", v -> assertThat(v).isEqualTo(found.code()))
			.hasPathSatisfying("$.totalElements", v -> assertThat(v).isEqualTo(1))
			.hasPathSatisfying("$.totalExact", v -> assertThat(v).isEqualTo(true));
		assertThat(mvc.get().uri("/api/v1/search/facets?q=xapitimkiem").with(as("doan.thodan"))).hasStatusOk().bodyJson()
			.hasPathSatisfying("$.year", v -> assertThat(v).isNotNull());
		assertThat(mvc.get().uri("/api/v1/search/facets?q=xapitimkiem").with(as("doan.thotan"))).hasStatusOk().bodyJson()
			.hasPathSatisfying("$.status", v -> assertThat(v).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).isEmpty());
		assertThat(mvc.get().uri("/api/v1/search/ideas?q=xapitimkiem").with(as("doan.thotan"))).hasStatusOk().bodyJson()
			.hasPathSatisfying("$.totalElements", v -> assertThat(v).isEqualTo(0));
		assertThat(mvc.post().uri("/api/v1/ideas/similar").with(as("doan.thodan")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"Che tao may boc lac bang dong co xe may hong xapitimkiem\",\"description\":\"boc vo lac nhanh\"}"))
			.hasStatusOk().bodyJson()
			.hasPath("$[0].similarity")
			.extractingPath("$[*].id").asArray().contains((int) found.id());
	}

	@Test
	void theIdeaFormCarriesTheSimilarPanelWhichAnswersWhileTyping() throws Exception {
		IdeaView earlier = idea("Đèn năng lượng mặt trời cho đường làng xdenformtyping");
		indexed();
		Document form = page(mvc.get().uri("/ideas/new").with(as("doan.thodan")).exchange());
		assertThat(form.select("form.idea-form #similar-ideas[hx-post=/search/similar]")).hasSize(1);
		Document panel = page(mvc.post().uri("/search/similar").with(as("doan.thodan")).with(csrf())
			.param("title", "Den nang luong mat troi cho duong lang xdenformtyping").param("summary", "thap sang duong thon")
			.exchange());
		assertThat(panel.select("ul.similar-list a").eachAttr("href")).contains("/ideas/" + earlier.id());
	}

	@Test
	void reviewersSeeTheClosestEarlierIdeasOnTheIdeaPageAndMarkADuplicate() throws Exception {
		IdeaView earlier = idea("Thu gom vỏ chai nhựa đổi cây xanh xreviewpanel");
		earlier = ideas.step(caller("doan.thodan"), earlier.id(), new TakeStep(IdeaStep.SUBMIT, earlier.version(), null, null, null, null));
		IdeaView later = idea("Đổi vỏ chai nhựa lấy cây xanh xreviewpanel");
		later = ideas.step(caller("doan.thodan"), later.id(), new TakeStep(IdeaStep.SUBMIT, later.version(), null, null, null, null));
		indexed();
		Document ideaPage = page(mvc.get().uri("/ideas/{id}", later.id()).with(as("tran.thi.binh")).exchange());
		assertThat(ideaPage.select("[hx-get=/search/ideas/" + later.id() + "/similar]")).hasSize(1);
		Document panel = page(mvc.get().uri("/search/ideas/{id}/similar", later.id()).with(as("tran.thi.binh")).exchange());
		assertThat(panel.select("#similar-review ul.similar-list a").eachAttr("href")).contains("/ideas/" + earlier.id());
		Document judged = page(mvc.post().uri("/search/ideas/{id}/judgements", later.id()).with(as("tran.thi.binh")).with(csrf())
			.param("otherId", String.valueOf(earlier.id())).param("verdict", "DUPLICATE").exchange());
		assertThat(judged.select(".verdict").text()).isNotBlank();
		// the unit's officer is no reviewer: no panel, and the judgement is refused
		assertThat(page(mvc.get().uri("/search/ideas/{id}/similar", later.id()).with(as("doan.thodan")).exchange())
			.select("#similar-review")).isEmpty();
		assertThat(mvc.post().uri("/search/ideas/{id}/judgements", later.id()).with(as("doan.thodan")).with(csrf())
			.param("otherId", String.valueOf(earlier.id())).param("verdict", "DISTINCT")).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void theAdministratorSeesTheIndexStatusAndRebuildsIt() throws Exception {
		idea("Ý tưởng để dựng lại chỉ mục xrebuild");
		indexed();
		Document status = page(mvc.get().uri("/admin/search").with(as("admin")).exchange());
		assertThat(status.select("#index-status dd").eachText()).isNotEmpty();
		assertThat(mvc.get().uri("/admin/search").with(as("huyendoan.trieuson"))).hasStatus(HttpStatus.FORBIDDEN);
		Document started = page(mvc.post().uri("/admin/search/rebuild").with(as("admin")).with(csrf()).exchange());
		assertThat(started.select("form[action=/admin/search/rebuild]")).hasSize(1);
		for (int i = 0; i < 200 && admin.status(caller("admin")).rebuilding(); i++) {
			Thread.sleep(100);
		}
		var after = admin.status(caller("admin"));
		assertThat(after.rebuilding()).isFalse();
		assertThat(after.rebuiltAt()).isNotNull();
		assertThat(after.indexed()).isPositive();
		assertThat(page(mvc.get().uri("/search?q=xrebuild").with(as("doan.thodan")).exchange()).select("ol.hits li")).hasSize(1);
	}
}
