package vn.ideabank.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

class VietnameseAnalysisTests {

	@Test
	void foldingRemovesEveryToneAndVowelMarkAndTurnsDdIntoD() {
		assertThat(VietnameseAnalysis.foldedTokens("Đoàn Thanh niên ĐỒNG LÒNG đưa nông nghiệp công nghệ cao"))
			.containsExactly("doan", "thanh", "nien", "dong", "long", "dua", "nong", "nghiep", "cong", "nghe", "cao");
		assertThat(VietnameseAnalysis.foldedTokens("ắ ằ ẳ ẵ ặ ấ ầ ẩ ẫ ậ ế ề ể ễ ệ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ứ ừ ử ữ ự ý ỳ ỷ ỹ ỵ"))
			.allMatch(t -> t.chars().allMatch(c -> c >= 'a' && c <= 'z'));
	}

	@Test
	void decomposedInputGivesTheSameTokensAsComposed() {
		String nfd = Normalizer.normalize("Nông nghiệp công nghệ cao", Normalizer.Form.NFD);
		assertThat(VietnameseAnalysis.foldedTokens(nfd)).containsExactly("nong", "nghiep", "cong", "nghe", "cao");
		assertThat(VietnameseAnalysis.tokens(VietnameseAnalysis.exact(), nfd))
			.containsExactly("nông", "nghiệp", "công", "nghệ", "cao");
	}

	@Test
	void exactAnalysisKeepsDiacriticsAndBigramsPairFoldedSyllables() {
		assertThat(VietnameseAnalysis.tokens(VietnameseAnalysis.exact(), "Mã QR")).containsExactly("mã", "qr");
		assertThat(VietnameseAnalysis.tokens(VietnameseAnalysis.bigram(), "Nông nghiệp công nghệ"))
			.containsExactly("nong nghiep", "nghiep cong", "cong nghe");
	}

	@Test
	void syntaxCharactersAndEmojiAreNoWords() {
		assertThat(VietnameseAnalysis.foldedTokens("+ - && || ! ( ) { } [ ] ^ \" ~ * ? : \\ /")).isEmpty();
	}
}
