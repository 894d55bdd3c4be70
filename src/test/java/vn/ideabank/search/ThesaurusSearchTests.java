package vn.ideabank.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import vn.ideabank.IntegrationTest;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.org.UnitService;

/**
 * The thesaurus in search (docs/search.md, "Thesaurus in search"): a phrase the thesaurus knows also finds its
 * other ways of saying it, counts as one word, ranks what was typed first, and changes nothing for a query
 * without such a phrase. Every example is also searched with the expansion off, where it must not be found.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThesaurusSearchTests extends IntegrationTest {

	/** A year no other test uses, so that only these ideas can be hits. */
	private static final int YEAR = 2012;

	@Autowired
	SearchService search;

	@Autowired
	SearchIndexing indexing;

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	private IdeaView drone;

	private IdeaView flycam;

	private IdeaView cooperative;

	private IdeaView school;

	private IdeaView pomelo;

	private IdeaView fruitTrees;

	private IdeaView apart;

	@BeforeAll
	void ideas() {
		drone = idea("Phun thuốc bằng máy bay không người lái xthes", "Đoàn viên điều khiển máy bay không người lái phun thuốc cho lúa.");
		flycam = idea("Phun thuốc bằng flycam xthes", "Dùng flycam phun thuốc cho lúa của xã.");
		cooperative = idea("Sổ sách điện tử cho hợp tác xã xthes", "Hợp tác xã dịch vụ nông nghiệp ghi sổ trên máy tính.");
		school = idea("Câu lạc bộ khoa học trường trung học cơ sở xthes", "Học sinh trường trung học cơ sở làm thí nghiệm.");
		pomelo = idea("Tỉa cành cho vườn bưởi xthes", "Kỹ thuật tỉa cành giúp bưởi ra quả đều.");
		fruitTrees = idea("Ghép mắt cho cây ăn quả xthes", "Nhân giống cây ăn quả bằng ghép mắt.");
		apart = idea("Máy bay mô hình xthes", "Không có người lái thử: học sinh tự lắp ráp.");
		indexing.processOutbox();
	}

	private IdeaView idea(String title, String text) {
		long unit = units.findByCode("TS-THODAN").orElseThrow().id();
		return ideas.create(caller("doan.thodan"), SearchTestData.idea(unit, YEAR, title, text));
	}

	private SearchResults results(String q, boolean expand) {
		return search.search(caller("doan.thodan"), new SearchQuery(q, null, YEAR, null, null, null, null, expand), 0, 50);
	}

	private List<String> codes(String q, boolean expand) {
		return results(q, expand).content().stream().map(SearchHit::code).toList();
	}

	@Test
	void aLoanwordFindsTheVietnameseWordsForItAndCountsAsOneWord() {
		// three words: flycam (a group), phun, thuốc; all required, the group matched by "máy bay không người lái"
		assertThat(codes("flycam phun thuốc", true)).contains(flycam.code(), drone.code());
		assertThat(codes("flycam phun thuốc", false)).contains(flycam.code()).doesNotContain(drone.code());
		// and the other way round, typed without diacritics
		assertThat(codes("may bay khong nguoi lai xthes", true)).contains(drone.code(), flycam.code());
		assertThat(codes("may bay khong nguoi lai xthes", false)).doesNotContain(flycam.code());
		assertThat(results("flycam phun thuốc", true).alsoSearched()).contains("máy bay không người lái", "drone")
			.doesNotContain("flycam");
		assertThat(results("flycam phun thuốc", false).alsoSearched()).isEmpty();
	}

	@Test
	void expandingNeverFindsFewerIdeasThanTheTypedWordsAlone() {
		// the five syllables of "máy bay không người lái", not as the phrase: found with or without the thesaurus
		assertThat(codes("máy bay không người lái xthes", false)).contains(apart.code());
		assertThat(codes("máy bay không người lái xthes", true)).contains(apart.code(), drone.code(), flycam.code());
		// an equivalent of several syllables is matched by its syllable pairs, not by its syllables anywhere
		assertThat(codes("flycam xthes", true)).doesNotContain(apart.code());
	}

	@Test
	void whatWasTypedRanksAboveTheOtherWaysOfSayingIt() {
		assertThat(codes("flycam xthes", true)).startsWith(flycam.code()).contains(drone.code());
		assertThat(codes("máy bay không người lái xthes", true)).startsWith(drone.code()).contains(flycam.code());
	}

	@Test
	void abbreviationsFindWhatTheyStandFor() {
		assertThat(codes("HTX xthes", true)).containsExactly(cooperative.code());
		assertThat(codes("HTX xthes", false)).isEmpty();
		assertThat(codes("THCS xthes", true)).containsExactly(school.code());
		assertThat(codes("THCS xthes", false)).isEmpty();
		// the highlighter marks the words that were found for the abbreviation
		assertThat(results("HTX xthes", true).content().get(0).titleHighlight()).containsPattern("<mark>[^<]*tác");
	}

	@Test
	void aBroaderTermFindsTheNarrowerOnesButNotTheOtherWayRound() {
		assertThat(codes("cây ăn quả xthes", true)).contains(pomelo.code(), fruitTrees.code());
		assertThat(codes("cây ăn quả xthes", false)).doesNotContain(pomelo.code());
		// "bưởi" does not find every idea about fruit trees
		assertThat(codes("bưởi xthes", true)).containsExactly(pomelo.code());
	}

	@Test
	void aQueryWithoutThesaurusWordsGivesExactlyTheHitsOfBefore() {
		for (String q : List.of("tỉa cành xthes", "phun thuốc", "nhân giống ghép mắt", "xthes", "so sach dien tu", "lúa xã")) {
			SearchResults expanded = results(q, true);
			SearchResults plain = results(q, false);
			assertThat(expanded.content()).as(q).isEqualTo(plain.content());
			assertThat(expanded.totalElements()).as(q).isEqualTo(plain.totalElements());
			assertThat(expanded.alsoSearched()).as(q).isEmpty();
			// the words the query is built from are those of before: no group
			List<String> terms = VietnameseAnalysis.foldedTokens(q).stream().distinct().toList();
			assertThat(QueryExpansion.of(Thesaurus.builtIn()).words(q, terms)).as(q).isEqualTo(QueryExpansion.Words.plain(terms));
		}
		// facets count the same ideas as the hits, expanded or not
		assertThat(search.facets(caller("doan.thodan"), new SearchQuery("HTX xthes", null, YEAR, null, null, null, null)).get("year"))
			.containsEntry(String.valueOf(YEAR), 1L);
	}
}
