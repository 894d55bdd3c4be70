package vn.ideabank.report;

import java.util.List;

/**
 * A report laid out as a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP), every text
 * already resolved in Vietnamese: the .docx and the .pdf are both drawn from it.
 */
record DocumentModel(String organisation, String issuingBody, String numberLine, String motto, String placeAndDate,
		String title, String subtitle, String intro, String figuresHeading, List<Table> tables, List<Section> sections,
		String closing, String recipientsHeading, List<String> recipients, String signFor, String signRole,
		String signerName) {

	/** A numbered table of section I: its caption, column headings and rows (already formatted). */
	record Table(String caption, List<String> headers, List<List<String>> rows) {
	}

	/** A numbered section with the unit's own text and, in a consolidated report, each child's text. */
	record Section(String heading, List<String> paragraphs, List<Part> parts) {
	}

	record Part(String unitName, List<String> paragraphs) {
	}
}
