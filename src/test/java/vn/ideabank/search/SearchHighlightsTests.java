package vn.ideabank.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SearchHighlightsTests {

	private static QueryExpansion.Words plain(String... terms) {
		return QueryExpansion.Words.plain(List.of(terms));
	}

	@Test
	void marksTheFoldedWordsAndEscapesTheRestKeepingDiacritics() {
		SearchHighlights marks = SearchHighlights.of(plain("bep", "trau"), false);
		assertThat(marks.title("Bếp đun trấu <b>tiết kiệm</b> & sạch"))
			.isEqualTo("<mark>Bếp</mark> đun <mark>trấu</mark> &lt;b&gt;tiết kiệm&lt;/b&gt; &amp; sạch");
		assertThat(marks.title("Máy sấy lúa")).isNull();
	}

	@Test
	void theTwoSentencesWithMostDistinctWordsInTheTextsOrder() {
		SearchHighlights marks = SearchHighlights.of(plain("bep", "trau", "ho"), false);
		String text = "Bếp đun bằng trấu. Câu không liên quan. Hộ nghèo dùng bếp trấu. Chỉ có bếp thôi.";
		assertThat(marks.passages(text)).containsExactly("<mark>Bếp</mark> đun bằng <mark>trấu</mark>.",
				"<mark>Hộ</mark> nghèo dùng <mark>bếp</mark> <mark>trấu</mark>.");
		assertThat(marks.passages("Không có gì.")).isEmpty();
	}

	@Test
	void aSentenceTooLongToShowIsCutAroundItsFirstMark() {
		String filler = "chữ ".repeat(200);
		String passage = SearchHighlights.of(plain("bep"), false).passages(filler + "bếp trấu " + filler).get(0);
		assertThat(passage).startsWith("…").endsWith(" …").contains("<mark>bếp</mark> trấu")
			.hasSizeLessThan(SearchHighlights.MAX_PASSAGE_CHARS + 20);
	}

	@Test
	void aThesaurusGroupMarksWhatWasTypedAndItsEquivalentsAsWholePhrases() {
		var group = new QueryExpansion.Group("flycam", List.of(new QueryExpansion.Equivalent("máy bay không người lái",
				"may bay khong nguoi lai", false)));
		SearchHighlights marks = SearchHighlights.of(new QueryExpansion.Words(List.of("phun"), List.of(group),
				List.of("flycam", "phun")), false);
		assertThat(marks.title("Dùng máy bay không người lái phun thuốc, không cần máy bay"))
			.isEqualTo("Dùng <mark>máy</mark> <mark>bay</mark> <mark>không</mark> <mark>người</mark> <mark>lái</mark> "
					+ "<mark>phun</mark> thuốc, không cần máy bay");
		assertThat(marks.title("Flycam phun thuốc")).isEqualTo("<mark>Flycam</mark> <mark>phun</mark> thuốc");
	}

	@Test
	void theFuzzyFallbackMarksWordsOneLetterOffWithTheFirstLetterExact() {
		assertThat(SearchHighlights.of(plain("xphanbox"), true).title("Máy xphanbon và yphanbox"))
			.isEqualTo("Máy <mark>xphanbon</mark> và yphanbox");
		assertThat(SearchHighlights.of(plain("xphanbox"), false).title("Máy xphanbon")).isNull();
	}
}
