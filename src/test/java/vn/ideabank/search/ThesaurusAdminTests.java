package vn.ideabank.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import vn.ideabank.IntegrationTest;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.org.UnitService;

/**
 * The thesaurus administration (root administrators): the groups in effect, the additions checked line by line
 * (the typed text kept), saved for every node and used at once by search and similar ideas; the search nodes on
 * /admin/search; the "also searched" note on the search page.
 */
class ThesaurusAdminTests extends IntegrationTest {

	@Autowired
	ThesaurusAdmin thesaurus;

	@Autowired
	SearchService search;

	@Autowired
	SearchIndexing indexing;

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	/** Every test leaves the additions empty, as the other tests of the suite expect them. */
	@AfterEach
	void emptyAdditions() {
		var view = thesaurus.view(caller("admin"));
		if (!view.text().isEmpty()) {
			thesaurus.save(caller("admin"), "", view.version());
		}
	}

	private static Document page(MvcTestResult result) {
		try {
			return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		}
		catch (java.io.UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	private long version() {
		return jdbc.sql("select version from search_thesaurus where id = 1").query(Long.class).single();
	}

	private IdeaView idea(String title, String text) {
		long unit = units.findByCode("TS-THODAN").orElseThrow().id();
		IdeaView idea = ideas.create(caller("doan.thodan"), SearchTestData.idea(unit, title, text));
		indexing.processOutbox();
		return idea;
	}

	@Test
	void onlyRootAdministratorsSeeThePageWhichListsTheGroupsInEffect() {
		Document page = page(mvc.get().uri("/admin/search/thesaurus").with(as("admin")).exchange());
		assertThat(page.select("#thesaurus-groups td").eachText()).contains("drone", "hợp tác xã");
		assertThat(page.select("#thesaurus-broader td").eachText()).contains("cây cam", "cây ăn quả");
		assertThat(page.select("#thesaurus-form textarea[name=text]")).hasSize(1);
		assertThat(page.select("#thesaurus-form input[name=_csrf]")).hasSize(1);
		// a district's officer may not (nor any administrator below the root: the facade asks for a system-wide grant)
		assertThat(mvc.get().uri("/admin/search/thesaurus").with(as("huyendoan.trieuson"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/admin/search/thesaurus").with(as("huyendoan.trieuson")).with(csrf())
			.param("text", "xa | xb").param("version", String.valueOf(version()))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/admin/search/thesaurus").with(as("huyendoan.trieuson"))).hasStatus(HttpStatus.FORBIDDEN);
		// and nothing is saved without the form's CSRF token (a forged cross-site post: back to sign-in)
		long before = version();
		assertThat(mvc.post().uri("/admin/search/thesaurus").with(as("admin")).param("text", "xa | xb")
			.param("version", String.valueOf(before))).hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/login?expired");
		assertThat(version()).isEqualTo(before);
		// linked from the index page, which lists the search nodes (this one among them)
		Document admin = page(mvc.get().uri("/admin/search").with(as("admin")).exchange());
		assertThat(admin.select("a#thesaurus-link").attr("href")).isEqualTo("/admin/search/thesaurus");
		assertThat(admin.select("#search-nodes tbody tr")).isNotEmpty();
		assertThat(admin.select("#search-nodes .badge").text()).isNotBlank();
	}

	@Test
	void aTextWithMistakesIsRefusedLineByLineKeepsWhatWasTypedAndSavesNothing() {
		long before = version();
		String typed = "# ghi chú\nxmaycay | xmayxoi\nchỉ một cách nói\nxa | | xb\ncây mít >\n!không có nhóm này\nxa | xa";
		MvcTestResult result = mvc.post().uri("/admin/search/thesaurus").with(as("admin")).with(csrf()).param("text", typed)
			.param("version", String.valueOf(before)).exchange();
		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		Document page = page(result);
		assertThat(page.select("#text-error li").eachText()).hasSize(5)
			.anySatisfy(e -> assertThat(e).startsWith("Dòng 3:").contains("ít nhất hai cách nói"))
			.anySatisfy(e -> assertThat(e).startsWith("Dòng 4:").contains("trống"))
			.anySatisfy(e -> assertThat(e).startsWith("Dòng 5:").contains("cụ thể > khái quát"))
			.anySatisfy(e -> assertThat(e).startsWith("Dòng 6:").contains("không có nhóm này"))
			.anySatisfy(e -> assertThat(e).startsWith("Dòng 7:").contains("lặp lại"));
		assertThat(page.select("#thesaurus-form textarea[name=text]").first().wholeText()).contains("chỉ một cách nói", "!không có nhóm này");
		assertThat(version()).isEqualTo(before);
		assertThat(thesaurus.view(caller("admin")).text()).isEmpty();
		// the API refuses it too (the first problem), nothing saved
		MvcTestResult api = mvc.put().uri("/api/v1/admin/search/thesaurus").with(as("admin")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"chỉ một cách nói\",\"version\":" + before + "}").exchange();
		assertThat(api).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(new String(api.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8)).contains("Dòng 1:");
		assertThat(version()).isEqualTo(before);
	}

	@Test
	void aSavedGroupIsUsedAtOnceBySearchAndSimilarIdeas() {
		IdeaView idea = idea("Xnhomgoc xnhomhai cho nông dân", "Xnhomgoc giúp xnhomhai.");
		// before: the other words find nothing, and the idea is no similar idea of them
		assertThat(codes("xcachkhac")).doesNotContain(idea.code());
		assertThat(similar("Xcachkhac xthuhai", "Xcachkhac giúp xthuhai.")).doesNotContain(idea.id());
		long before = version();
		MvcTestResult saved = mvc.post().uri("/admin/search/thesaurus").with(as("admin")).with(csrf())
			.param("text", "# thử\nxnhomgoc | xcachkhac\nxnhomhai | xthuhai\n").param("version", String.valueOf(before))
			.exchange();
		assertThat(saved).hasStatus3xxRedirection().hasRedirectedUrl("/admin/search/thesaurus");
		assertThat(version()).isEqualTo(before + 1);
		assertThat(codes("xcachkhac")).contains(idea.code());
		assertThat(search.search(caller("doan.thodan"), SearchQuery.of("xcachkhac"), 0, 10).alsoSearched())
			.containsExactly("xnhomgoc");
		assertThat(similar("Xcachkhac xthuhai", "Xcachkhac giúp xthuhai.")).contains(idea.id());
		// the page lists the new groups as the administrators'
		Document page = page(mvc.get().uri("/admin/search/thesaurus").with(as("admin")).exchange());
		assertThat(page.select("#thesaurus-groups tr:contains(xnhomgoc) td").eachText()).contains("Quản trị viên thêm/sửa");
		// a form opened before that save is stale: 409, the typed text kept, nothing changed
		MvcTestResult stale = mvc.post().uri("/admin/search/thesaurus").with(as("admin")).with(csrf())
			.param("text", "xcu | xmoi").param("version", String.valueOf(before)).exchange();
		assertThat(stale).hasStatus(HttpStatus.CONFLICT);
		assertThat(page(stale).select("#thesaurus-form textarea[name=text]").first().wholeText()).contains("xcu | xmoi");
		assertThat(version()).isEqualTo(before + 1);
		// dropping a built-in group through the API: "flycam" no longer finds the drone's other names
		assertThat(thesaurus.view(caller("admin")).groups()).anyMatch(g -> g.name().equals("drone"));
		assertThat(mvc.put().uri("/api/v1/admin/search/thesaurus").with(as("admin")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"!drone\",\"version\":" + (before + 1) + "}")).hasStatusOk();
		assertThat(thesaurus.view(caller("admin")).groups()).noneMatch(g -> g.name().equals("drone"));
		assertThat(thesaurus.view(caller("admin")).dropped()).contains("drone");
		assertThat(search.search(caller("doan.thodan"), SearchQuery.of("flycam"), 0, 10).alsoSearched()).isEmpty();
	}

	@Test
	void theSearchPageSaysWhatElseWasSearchedAndLinksToTheTypedWordsAlone() {
		IdeaView idea = idea("Phun thuốc bằng máy bay không người lái xghichu", "Phun thuốc cho lúa.");
		Document page = page(mvc.get().uri("/search?q=flycam xghichu").with(as("doan.thodan")).exchange());
		assertThat(page.select("ol.hits li").text()).contains(idea.code());
		assertThat(page.select("#also-searched").text()).startsWith("Đã tìm cả:").contains("máy bay không người lái", "drone");
		String typedOnly = page.select("#also-searched a").attr("href");
		assertThat(typedOnly).contains("expand=false");
		Document only = page(mvc.get().uri(java.net.URI.create(typedOnly)).with(as("doan.thodan")).exchange());
		assertThat(only.select("ol.hits li")).isEmpty();
		assertThat(only.select("#also-searched")).isEmpty();
		assertThat(only.select("#typed-only a").attr("href")).doesNotContain("expand");
	}

	private List<String> codes(String q) {
		return search.search(caller("doan.thodan"), SearchQuery.of(q), 0, 50).content().stream().map(h -> h.code()).toList();
	}

	private List<Long> similar(String title, String text) {
		return search.similar(caller("doan.thodan"), title, text, null, 5).stream().map(SimilarIdea::id).toList();
	}
}
