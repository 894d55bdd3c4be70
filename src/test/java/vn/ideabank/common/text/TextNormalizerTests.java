package vn.ideabank.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.text.Normalizer.Form;

import org.junit.jupiter.api.Test;

/**
 * What the normaliser promises for every string that enters: the same Vietnamese text, however it
 * was typed or pasted, comes out as one NFC string (so search, uniqueness and exports agree).
 */
class TextNormalizerTests {

	/** Expected values written in this file; guarded so a decomposed literal cannot sneak in. */
	private static String nfc(String s) {
		assertThat(Normalizer.isNormalized(s, Form.NFC)).as("test literal is NFC: %s", s).isTrue();
		return s;
	}

	private static String nfd(String s) {
		String d = Normalizer.normalize(s, Form.NFD);
		assertThat(d).as("NFD input really is decomposed").isNotEqualTo(s);
		return d;
	}

	@Test
	void decomposedVietnameseComesBackComposed() {
		for (String word : new String[] { "Đoàn xã Thọ Dân", "nông nghiệp công nghệ cao", "Tuổi trẻ sáng tạo",
				"Chi đoàn trường THCS Thọ Tân" }) {
			String result = TextNormalizer.normalize(nfd(word));
			assertThat(result).isEqualTo(nfc(word));
			assertThat(Normalizer.isNormalized(result, Form.NFC)).isTrue();
			assertThat(result.length()).isLessThan(nfd(word).length());
		}
	}

	@Test
	void noBreakAndOtherUnicodeSpacesAtTheEdgesAreTrimmed() {
		assertThat(TextNormalizer.normalize("\u00A0\u2007 Thọ Dân\u202F\u00A0")).isEqualTo("Thọ Dân");
		assertThat(TextNormalizer.normalize("Thọ\u00A0Dân")).as("inner spaces are the author's").isEqualTo("Thọ\u00A0Dân");
	}

	@Test
	void zeroWidthCharactersAndSoftHyphensAreDropped() {
		String dirty = "\uFEFFĐoàn\u200B xã\u200C Thọ\u200D Dân\u2060 nông\u00ADnghiệp";
		assertThat(TextNormalizer.normalize(dirty)).isEqualTo(nfc("Đoàn xã Thọ Dân nôngnghiệp"));
		for (char c : new char[] { '\u200B', '\u200C', '\u200D', '\uFEFF', '\u2060', '\u00AD' }) {
			assertThat(TextNormalizer.normalize("a" + c + "b")).as("U+%04X", (int) c).isEqualTo("ab");
		}
	}

	@Test
	void leadingAndTrailingWhitespaceIsTrimmed() {
		assertThat(TextNormalizer.normalize("  \t Đoàn xã Thọ Dân \r\n ")).isEqualTo(nfc("Đoàn xã Thọ Dân"));
		assertThat(TextNormalizer.normalize("\u200B Thọ Dân \u200B")).isEqualTo(nfc("Thọ Dân"));
		// spaces between words are kept as typed
		assertThat(TextNormalizer.normalize("Thọ  Dân")).isEqualTo(nfc("Thọ  Dân"));
	}

	@Test
	void markTypedAfterASpaceIsJoinedBackToItsLetter() {
		// the vnPara / old VNI habit: the tone mark arrives after a space
		assertThat(TextNormalizer.normalize("đô \u0300")).isEqualTo(nfc("đồ"));
		assertThat(TextNormalizer.normalize("Trao tặng đô \u0300 dùng học tập")).isEqualTo(nfc("Trao tặng đồ dùng học tập"));
		// the letter already carries a mark (ê) and the tone follows after a space
		assertThat(TextNormalizer.normalize("tiê \u0301n")).isEqualTo(nfc("tiến"));
		assertThat(TextNormalizer.normalize("Xã Thọ Tiê \u0301n")).isEqualTo(nfc("Xã Thọ Tiến"));
		// several blanks, a tab, a no-break space, or a zero-width char in between
		assertThat(TextNormalizer.normalize("đô  \t\u00A0\u0300")).isEqualTo(nfc("đồ"));
		assertThat(TextNormalizer.normalize("đô \u200B\u0300")).isEqualTo(nfc("đồ"));
		// and in decomposed input too
		assertThat(TextNormalizer.normalize(nfd("tiê") + " \u0301n")).isEqualTo(nfc("tiến"));
	}

	@Test
	void lineBreaksAreNotEaten() {
		// CR LF (what browsers send from a textarea) and a lone CR are stored as LF
		assertThat(TextNormalizer.normalize("Dòng một\nDòng hai\r\nDòng ba\rDòng bốn"))
			.isEqualTo(nfc("Dòng một\nDòng hai\nDòng ba\nDòng bốn"));
		assertThat(TextNormalizer.normalize("Cột\tcột")).as("tab is kept").isEqualTo(nfc("Cột\tcột"));
		assertThat(TextNormalizer.normalize("đô \u0300\ndùng")).isEqualTo(nfc("đồ\ndùng"));
		// a stray mark on the next line is not pulled across the line break
		assertThat(TextNormalizer.normalize("đô\n\u0300x")).startsWith(nfc("đô\n"));
	}

	@Test
	void nullStaysNullAndBlankBecomesNullOnlyWhenAsked() {
		assertThat(TextNormalizer.normalize(null)).isNull();
		assertThat(TextNormalizer.normalize("   ")).isEmpty();
		assertThat(TextNormalizer.normalizeToNull(null)).isNull();
		assertThat(TextNormalizer.normalizeToNull("")).isNull();
		assertThat(TextNormalizer.normalizeToNull(" \t\n ")).isNull();
		assertThat(TextNormalizer.normalizeToNull("\u200B\uFEFF")).isNull();
		assertThat(TextNormalizer.normalizeToNull(" " + nfd("Thọ Dân") + " ")).isEqualTo(nfc("Thọ Dân"));
	}

	@Test
	void foldDropsDiacriticsAndDStroke() {
		assertThat(TextNormalizer.fold("Đoàn Thọ Dân")).isEqualTo("Doan Tho Dan");
		assertThat(TextNormalizer.fold(nfd("đường Nông Trường"))).isEqualTo("duong Nong Truong");
		assertThat(TextNormalizer.fold(null)).isNull();
	}

	@Test
	void controlCharactersOtherThanTabAndLineFeedAreDropped() {
		assertThat(TextNormalizer.normalize("Thọ\u0000 Dân")).isEqualTo(nfc("Thọ Dân"));
		for (int c = 0; c < 0xA0; c++) {
			if (c >= 0x20 && c < 0x7F || c == '\t' || c == '\n' || c == '\r') {
				continue;
			}
			assertThat(TextNormalizer.normalize("a" + (char) c + "b")).as("U+%04X", c).isEqualTo("ab");
		}
		assertThat(TextNormalizer.normalizeToNull("\u0000\u0007\u009F")).isNull();
		// a control between a letter and its mark does not keep them apart
		assertThat(TextNormalizer.normalize("đô\u0000\u0300")).isEqualTo(nfc("đồ"));
	}

	@Test
	void bidirectionalOverridesIsolatesAndMarksAreDropped() {
		for (char c : new char[] { '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068',
				'\u2069', '\u200E', '\u200F', '\u061C' }) {
			assertThat(TextNormalizer.normalize("a" + c + "b")).as("U+%04X", (int) c).isEqualTo("ab");
		}
		// "hồ sơ‮fdp.exe" would show as "hồ sơexe.pdf"
		assertThat(TextNormalizer.normalize(nfc("hồ sơ") + "\u202Efdp.exe")).isEqualTo(nfc("hồ sơfdp.exe"));
	}

	@Test
	void halfASurrogatePairIsDroppedAWholeOneKept() {
		assertThat(TextNormalizer.normalize("a\uD800b\uDC00c")).isEqualTo("abc");
		assertThat(TextNormalizer.normalize("ý tưởng 💡")).isEqualTo(nfc("ý tưởng 💡"));
	}

	@Test
	void fileNamesLoseOverridesSeparatorsAndExcessLength() {
		assertThat(TextNormalizer.fileName("bao-cao\u202Excod.exe")).isEqualTo("bao-caoxcod.exe");
		assertThat(TextNormalizer.fileName("..\\..\\etc/passwd\u0000.pdf")).isEqualTo(".._.._etc_passwd.pdf");
		assertThat(TextNormalizer.fileName(" \u202E ")).isNull();
		assertThat(TextNormalizer.fileName(null)).isNull();
		String longName = "ý".repeat(400) + ".docx";
		String cut = TextNormalizer.fileName(longName);
		assertThat(cut.codePointCount(0, cut.length())).isEqualTo(TextNormalizer.FILE_NAME_MAX);
		assertThat(cut).endsWith(nfc("ýý.docx"));
		assertThat(TextNormalizer.fileName(nfd("Kế hoạch.pdf"))).isEqualTo(nfc("Kế hoạch.pdf"));
	}

	/**
	 * The one-pass check that lets most text through untouched never lets through a text the patterns would change:
	 * random texts from Vietnamese letters (composed and decomposed), spaces of every kind, line breaks, controls,
	 * bidirectional and zero-width characters, lone and whole surrogate pairs, and marks after a blank.
	 */
	@Test
	void textLetThroughUntouchedIsTextTheFullNormalisationLeavesAsItIs() {
		String[] pieces = { "a", "Đ", "ồ", "ệ", "ư", "o\u0302\u0300", "e\u0323", " ", "  ", "\u00A0", "\u2003", "\t", "\n", "\r", "\r\n",
				"\u0000", "\u001F", "\u007F", "\u0085", "\u009F", "\u00AD", "\u061C", "\u200B", "\u200D", "\u200E", "\u202E",
				"\u2060", "\u2066", "\uFEFF", "\u2028", "\u2029", "\uD83D\uDE00", "\uD83D", "\uDE00", "\u0300", "\u0301", "\u0303",
				"\u0344", "\u0F73", "\u1100\u1161", "\uAC00", "\u212B", "\u00C5", "x", "1", ".", "-", "é" };
		java.util.SplittableRandom random = new java.util.SplittableRandom(18);
		int untouched = 0;
		for (int n = 0; n < 200_000; n++) {
			StringBuilder b = new StringBuilder();
			for (int k = random.nextInt(8); k >= 0; k--) {
				b.append(pieces[random.nextInt(random.nextBoolean() ? 7 : pieces.length)]);
			}
			String text = b.toString();
			if (TextNormalizer.alreadyNormal(text)) {
				untouched++;
				assertThat(TextNormalizer.normalizeFully(text)).as("let through untouched: %s", text.codePoints()
					.mapToObj(Integer::toHexString).toList()).isEqualTo(text);
			}
			assertThat(TextNormalizer.normalize(text)).isEqualTo(TextNormalizer.normalizeFully(text));
		}
		assertThat(untouched).as("the check lets most plain text through").isGreaterThan(20_000);
	}
}
