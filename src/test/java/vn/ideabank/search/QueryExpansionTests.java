package vn.ideabank.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How a query's words become groups of equivalent phrases (the predicates are checked by ThesaurusSearchTests). */
class QueryExpansionTests {

	private static QueryExpansion.Words words(String q) {
		List<String> terms = VietnameseAnalysis.foldedTokens(q).stream().distinct().toList();
		return QueryExpansion.of(Thesaurus.builtIn()).words(q, terms);
	}

	private static List<String> equivalents(QueryExpansion.Group g) {
		return g.equivalents().stream().map(QueryExpansion.Equivalent::written).toList();
	}

	@Test
	void aKnownPhraseBecomesOneGroupAndTheOtherWordsStayAsTheyWere() {
		QueryExpansion.Words w = words("flycam phun thuốc");
		assertThat(w.terms()).containsExactly("phun", "thuoc");
		assertThat(w.groups()).hasSize(1);
		assertThat(w.groups().get(0).typed()).isEqualTo("flycam");
		assertThat(equivalents(w.groups().get(0))).contains("drone", "máy bay không người lái").doesNotContain("flycam");
		assertThat(w.count()).isEqualTo(3);
		assertThat(w.all()).containsExactly("flycam", "phun", "thuoc");
		// typed without diacritics, several syllables: the same group
		assertThat(words("may bay khong nguoi lai").groups()).singleElement()
			.satisfies(g -> assertThat(equivalents(g)).contains("flycam", "drone"));
		assertThat(words("HTX").groups()).singleElement().satisfies(g -> assertThat(equivalents(g)).containsExactly("hợp tác xã"));
		assertThat(words("THCS").groups()).singleElement()
			.satisfies(g -> assertThat(equivalents(g)).contains("trung học cơ sở"));
	}

	@Test
	void anEquivalentHoldingEveryTypedSyllableIsShownButNotSearched() {
		QueryExpansion.Group rac = words("phân loại rác").groups().stream().filter(g -> g.typed().equals("rac")).findFirst().orElseThrow();
		assertThat(equivalents(rac)).contains("rác thải", "chất thải rắn");
		assertThat(QueryExpansion.findingMore(rac)).extracting(QueryExpansion.Equivalent::written)
			.contains("chất thải rắn").doesNotContain("rác thải", "rác sinh hoạt", "rác thải sinh hoạt");
		assertThat(words("phân loại rác").alsoSearched()).contains("rác thải");
		QueryExpansion.Group ocop = words("OCOP").groups().get(0);
		assertThat(QueryExpansion.findingMore(ocop)).extracting(QueryExpansion.Equivalent::written)
			.contains("mỗi xã một sản phẩm").doesNotContain("sản phẩm ocop");
	}

	@Test
	void broaderTermsWidenFromTheGeneralToTheSpecificOnly() {
		assertThat(words("cây ăn quả").groups()).singleElement()
			.satisfies(g -> assertThat(equivalents(g)).contains("cây cam", "bưởi", "vải thiều"));
		assertThat(words("cây cam").groups()).isEmpty();
		assertThat(words("bưởi").groups()).isEmpty();
		// a one-syllable phrase with diacritics is marked: matched only as written ("lợn" folded is also "lớn")
		assertThat(words("gia súc").groups()).singleElement().satisfies(g -> assertThat(g.equivalents())
			.anySatisfy(e -> assertThat(e.written() + e.onlyAsWritten()).isEqualTo("lợntrue")));
	}

	@Test
	void nothingInsideAKeptPhraseWidensTheQuery() {
		// "lạc" (peanuts) is a group; "câu lạc bộ" is one of its own and "lạc hậu" is kept as it is
		assertThat(words("câu lạc bộ tiếng Anh").groups()).singleElement()
			.satisfies(g -> assertThat(equivalents(g)).containsExactly("clb"));
		assertThat(words("công nghệ lạc hậu").groups()).isEmpty();
		assertThat(words("máy bóc vỏ lạc").groups()).singleElement()
			.satisfies(g -> assertThat(equivalents(g)).contains("đậu phộng"));
	}

	@Test
	void aQueryWithoutKnownPhrasesIsLeftAsItWasAndGroupsAreBounded() {
		for (String q : List.of("tỉa cành cho vườn", "nông nghiệp công nghệ cao", "lon bia", "", "điện tử")) {
			List<String> terms = VietnameseAnalysis.foldedTokens(q).stream().distinct().toList();
			assertThat(words(q)).as(q).isEqualTo(QueryExpansion.Words.plain(terms));
		}
		String many = "htx thcs thpt cntt atgt bvtv ubnd mttq bhyt hnd hlhpn";
		QueryExpansion.Words w = words(many);
		assertThat(w.groups()).hasSize(QueryExpansion.MAX_GROUPS);
		assertThat(w.count()).isEqualTo(VietnameseAnalysis.foldedTokens(many).size());
		assertThat(w.groups()).allSatisfy(g -> assertThat(g.equivalents()).hasSizeLessThanOrEqualTo(QueryExpansion.MAX_EQUIVALENTS));
	}
}
