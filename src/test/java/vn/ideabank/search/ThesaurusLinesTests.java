package vn.ideabank.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The administrators' thesaurus text is checked line by line, each problem with its line and a clear message key. */
class ThesaurusLinesTests {

	private static List<String> problems(String text) {
		return ThesaurusLines.check(text, Thesaurus.builtIn()).stream()
			.map(p -> p.line() + " " + p.messageKey().substring(p.messageKey().lastIndexOf('.') + 1)).toList();
	}

	@Test
	void theShippedThesaurusAndEmptyTextPass() {
		assertThat(problems(String.join("\n", Thesaurus.builtInLines()))).isEmpty();
		assertThat(problems("")).isEmpty();
		assertThat(problems(null)).isEmpty();
		assertThat(problems("# chỉ ghi chú\n\n   \nmáy xới | máy làm đất\ncây mít > cây ăn quả\n!drone\n!cây cam")).isEmpty();
	}

	@Test
	void eachKindOfMistakeIsNamedWithItsLine() {
		assertThat(problems("một cách nói")).containsExactly("1 group");
		assertThat(problems("a | | b")).containsExactly("1 emptyPart");
		assertThat(problems("| a | b")).containsExactly("1 emptyPart");
		assertThat(problems("a | 😀 | b")).containsExactly("1 noWord");
		assertThat(problems("a > ")).containsExactly("1 broader");
		assertThat(problems("a > b > c")).containsExactly("1 broader");
		assertThat(problems("a | b > c")).containsExactly("1 broader");
		assertThat(problems("= lạc | hậu")).containsExactly("1 kept");
		assertThat(problems("= 😀")).containsExactly("1 noWord");
		assertThat(problems("!")).containsExactly("1 drop");
		assertThat(problems("!không có nhóm này")).containsExactly("1 dropUnknown");
		assertThat(problems("xe máy | Xe Máy")).containsExactly("1 duplicate");
		assertThat(problems("a | " + "b ".repeat(ThesaurusLines.MAX_SYLLABLES + 1))).containsExactly("1 phraseTooLong");
		assertThat(problems("a | " + "b".repeat(ThesaurusLines.MAX_LINE_CHARS))).containsExactly("1 lineTooLong");
		assertThat(problems("a | b\u0007")).containsExactly("1 control");
		assertThat(problems("x".repeat(ThesaurusLines.MAX_CHARS + 1))).containsExactly("0 tooLong");
		assertThat(problems("a | b\n".repeat(ThesaurusLines.MAX_LINES + 1))).containsExactly("0 tooManyLines");
	}

	@Test
	void aGroupAddedAboveMayBeDroppedBelowAndManyProblemsAreCut() {
		assertThat(problems("xmoi | xkhac\n!xmoi")).isEmpty();
		assertThat(problems("= lạc hậu\n!lạc hậu")).isEmpty();
		assertThat(problems("!xmoi\nxmoi | xkhac")).containsExactly("1 dropUnknown");
		assertThat(problems("sai\n".repeat(30))).hasSize(ThesaurusLines.MAX_PROBLEMS + 1).endsWith("0 more")
			.startsWith("1 group", "2 group");
	}
}
