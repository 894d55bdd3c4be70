package vn.ideabank.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The thesaurus joins what is said in other words, and only that. */
class ThesaurusTests {

	private static final SimilarityScorer.Frequencies NONE = SimilarityScorer.corpus(List.of());

	private static double withAndWithout(String a, String b, Thesaurus t) {
		return SimilarityScorer.similarity(a, b, NONE, t);
	}

	@Test
	void synonymsLoanwordsAndAbbreviationsBecomeOneConcept() {
		Thesaurus t = Thesaurus.builtIn();
		assertThat(SimilarityScorer.terms("Phun thuốc BVTV bằng flycam cho HTX", t))
			.containsKeys("~drone", "~bao_ve_thuc_vat", "~hop_tac_xa");
		assertThat(SimilarityScorer.terms("máy bay không người lái phun thuốc trừ sâu cho hợp tác xã", t))
			.containsKeys("~drone", "~bao_ve_thuc_vat", "~hop_tac_xa");
		String a = "Dùng flycam phun thuốc BVTV cho HTX trồng cam";
		String b = "Hợp tác xã dùng máy bay không người lái phun thuốc bảo vệ thực vật trồng cam";
		assertThat(withAndWithout(a, b, t)).isGreaterThan(withAndWithout(a, b, Thesaurus.EMPTY) + 0.3);
	}

	@Test
	void broaderTermsAreAddedAndWordsKept() {
		var terms = SimilarityScorer.terms("Tỉa cành cho cây cam", Thesaurus.builtIn());
		assertThat(terms).containsKeys("^cay_an_qua", "cam", "cay");
	}

	@Test
	void aOneSyllableWordWithDiacriticsMatchesOnlyAsWritten() {
		// "lợn" and "lớn" fold alike: "nuôi lợn" joins "nuôi heo", "nhà lớn" joins nothing
		assertThat(SimilarityScorer.terms("nuôi heo", Thesaurus.builtIn())).containsKey("~lon");
		assertThat(SimilarityScorer.terms("nhà lớn", Thesaurus.builtIn())).doesNotContainKey("~lon");
		assertThat(SimilarityScorer.terms("nha lon", Thesaurus.builtIn())).doesNotContainKey("~lon");
		// a phrase of several syllables matches without diacritics too
		assertThat(SimilarityScorer.terms("may bay khong nguoi lai", Thesaurus.builtIn())).containsKey("~drone");
	}

	@Test
	void anOverrideAddsAndDropsGroups() {
		Thesaurus t = Thesaurus.parse(List.of("drone | flycam", "xe điện | xe máy điện | xe đạp điện", "!drone"));
		assertThat(SimilarityScorer.terms("flycam", t)).doesNotContainKey("~drone");
		assertThat(SimilarityScorer.terms("xe đạp điện", t)).containsKey("~xe_dien");
	}

	@Test
	void expansionsGiveTheOtherWaysOfSayingItForSearch() {
		assertThat(Thesaurus.builtIn().expansions("flycam phun thuốc")).contains("drone", "máy bay không người lái")
			.doesNotContain("flycam");
		assertThat(Thesaurus.builtIn().expansions("bóng đá")).isEmpty();
	}

	@Test
	void aKeptPhraseStopsAShorterEntryInsideIt() {
		Thesaurus t = Thesaurus.builtIn();
		assertThat(SimilarityScorer.terms("Máy bóc vỏ lạc cải tiến", t)).containsKey("~lac");
		assertThat(SimilarityScorer.terms("trồng đậu phộng", t)).containsKey("~lac");
		for (String text : List.of("Câu lạc bộ tiếng Anh cho thiếu nhi", "Thay thế công nghệ lạc hậu", "Sổ liên lạc điện tử",
				"Tinh thần lạc quan")) {
			assertThat(SimilarityScorer.terms(text, t)).as(text).doesNotContainKey("~lac");
		}
		assertThat(SimilarityScorer.terms("CLB tiếng Anh", t)).containsKey("~cau_lac_bo");
		// the words of a kept phrase stay words of the text
		assertThat(SimilarityScorer.terms("công nghệ lạc hậu", t)).containsKeys("lac", "hau");
		// entries that, folded, were other words: "ít" is not IT, "mẫu" not fast, "gốm" not collecting
		assertThat(SimilarityScorer.terms("rất ít người dùng", t)).doesNotContainKey("~cong_nghe_thong_tin");
		assertThat(SimilarityScorer.terms("mô hình mẫu", t)).doesNotContainKey("~nhanh");
		assertThat(SimilarityScorer.terms("làng gốm", t)).doesNotContainKey("~thu_gom");
		assertThat(Thesaurus.parse(List.of("lạc | đậu phộng", "= lạc hậu", "!lạc hậu")).keptPhrases()).isEmpty();
	}
}
