package vn.ideabank.initiative;

import java.util.List;

/**
 * One page of an administrative paper (Nghị định 30/2020/NĐ-CP layout), every text already in Vietnamese: the
 * .docx and the .pdf are both drawn from it. {@code table} (header row first) is optional and
 * comes between {@code lines} and {@code after}.
 */
record Paper(String organisation, String issuingBody, String numberLine, String motto, String mottoLine, String placeAndDate,
		String title, String subtitle, List<Line> lines, List<List<String>> table, List<Line> after, List<String> recipients,
		String signFor, String signRole, String signerName) {

	/** A paragraph: a heading (bold) or body text. */
	record Line(String text, boolean heading) {

		static Line body(String text) {
			return new Line(text, false);
		}

		static Line heading(String text) {
			return new Line(text, true);
		}
	}
}
