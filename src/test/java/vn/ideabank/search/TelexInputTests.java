package vn.ideabank.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Telex and VNI keys typed without an input method are read as Vietnamese; ordinary text is left alone. */
class TelexInputTests {

	@Test
	void telexBecomesVietnamese() {
		assertThat(TelexInput.fromTelex("noong nghieepj")).isEqualTo("nông nghiệp");
		assertThat(TelexInput.fromTelex("ddoanf vieen truwowngf hocj")).isEqualTo("đoàn viên trường học");
		assertThat(TelexInput.fromTelex("nuwowcs sachj")).isEqualTo("nước sạch");
		assertThat(TelexInput.fromTelex("giuwx gifn")).isEqualTo("giữ gìn"); // the tone typed before the final consonant
		assertThat(TelexInput.fromTelex("Ungws dungj")).isEqualTo("Ứng dụng"); // w after the final consonant
	}

	@Test
	void vniBecomesVietnamese() {
		assertThat(TelexInput.fromVni("no6ng nghie65p")).isEqualTo("nông nghiệp");
		assertThat(TelexInput.fromVni("d9oa2n vie6n")).isEqualTo("đoàn viên");
	}

	@Test
	void onlyTextThatLooksTypedThatWayIsRead() {
		assertThat(TelexInput.candidates("noong nghieepj coong ngheej cao")).containsExactly("nông nghiệp công nghệ cao");
		assertThat(TelexInput.candidates("no6ng nghie65p")).containsExactly("nông nghiệp");
		assertThat(TelexInput.candidates("nong nghiep cong nghe cao")).isEmpty(); // no diacritics: folding suffices
		assertThat(TelexInput.candidates("Nông nghiệp công nghệ cao")).isEmpty(); // typed with an input method
		assertThat(TelexInput.candidates("ung dung IoT cho nong dan")).isEmpty();
		assertThat(TelexInput.understood("phan mem quan ly doan vien")).isEqualTo("phan mem quan ly doan vien");
		assertThat(TelexInput.candidates(null)).isEqualTo(List.of());
	}

	@Test
	void theScorerMatchesATelexTypedTextOnceRead() {
		SimilarityScorer.Frequencies none = SimilarityScorer.corpus(List.of());
		String telex = "Tur sachs thieeus nhi owr nhaf vawn hoas thoon";
		assertThat(SimilarityScorer.similarity(TelexInput.understood(telex), "Tủ sách thiếu nhi ở nhà văn hóa thôn", none))
			.isGreaterThan(0.9);
	}
}
