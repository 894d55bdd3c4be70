package vn.ideabank.common.docs;

import java.math.BigInteger;
import java.util.List;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

/**
 * The pieces of a .docx in the layout of Nghị định 30/2020/NĐ-CP (Phụ lục I): A4, margins top/bottom 20 mm, left
 * 30 mm, right 15 mm, Times New Roman, and the page number centred at the top of every page but the first (a PAGE
 * field, so Word counts the pages itself).
 */
public final class OfficialDocx {

	/** A4 in twentieths of a point, and one millimetre. */
	private static final long A4_W = 11906, A4_H = 16838, MM = 57;

	public static final String FONT = "Times New Roman";

	private OfficialDocx() {
	}

	/** A new document with the page set up and the page-number header. */
	public static XWPFDocument create(boolean landscape) {
		XWPFDocument doc = new XWPFDocument();
		CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
				: doc.getDocument().getBody().addNewSectPr();
		CTPageSz size = sect.addNewPgSz();
		size.setW(BigInteger.valueOf(landscape ? A4_H : A4_W));
		size.setH(BigInteger.valueOf(landscape ? A4_W : A4_H));
		if (landscape) {
			size.setOrient(STPageOrientation.LANDSCAPE);
		}
		CTPageMar mar = sect.addNewPgMar();
		mar.setTop(BigInteger.valueOf(20 * MM));
		mar.setBottom(BigInteger.valueOf(20 * MM));
		mar.setLeft(BigInteger.valueOf(30 * MM));
		mar.setRight(BigInteger.valueOf(15 * MM));
		mar.setHeader(BigInteger.valueOf(10 * MM));
		mar.setFooter(BigInteger.valueOf(10 * MM));
		pageNumbers(doc);
		return doc;
	}

	/** The page number, centred at the top; the first page has an empty header of its own (Nghị định 30). */
	private static void pageNumbers(XWPFDocument doc) {
		doc.createHeader(HeaderFooterType.FIRST);
		XWPFHeader header = doc.createHeader(HeaderFooterType.DEFAULT);
		XWPFParagraph p = header.getParagraphArray(0) != null ? header.getParagraphArray(0) : header.createParagraph();
		p.setAlignment(ParagraphAlignment.CENTER);
		XWPFRun run = p.createRun();
		run.setFontFamily(FONT);
		run.setFontSize(13);
		p.getCTP().addNewFldSimple().setInstr("PAGE");
	}

	/** One run of text in the paragraph, 13 pt unless changed on the returned run. */
	public static XWPFRun line(XWPFParagraph p, String text, boolean bold, boolean italic, boolean underline,
			ParagraphAlignment align) {
		p.setAlignment(align);
		p.setSpacingAfter(0);
		XWPFRun run = p.createRun();
		run.setFontFamily(FONT);
		run.setFontSize(13);
		run.setBold(bold);
		run.setItalic(italic);
		if (underline) {
			run.setUnderline(UnderlinePatterns.SINGLE);
		}
		run.setText(text);
		return run;
	}

	/** A paragraph of body text: 14 pt, justified, first line indented 1 cm. */
	public static XWPFParagraph body(XWPFDocument doc, String text) {
		XWPFParagraph p = doc.createParagraph();
		p.setAlignment(ParagraphAlignment.BOTH);
		p.setFirstLineIndent(567);
		p.setSpacingAfter(120);
		XWPFRun run = p.createRun();
		run.setFontFamily(FONT);
		run.setFontSize(14);
		run.setText(text);
		return p;
	}

	/** A bold heading line (14 pt). */
	public static XWPFParagraph heading(XWPFDocument doc, String text) {
		XWPFParagraph p = doc.createParagraph();
		line(p, text, true, false, false, ParagraphAlignment.LEFT).setFontSize(14);
		p.setSpacingBefore(120);
		return p;
	}

	/** A table without borders (the two-column head and foot of the document). */
	public static XWPFTable borderless(XWPFTable table) {
		CTTblBorders borders = table.getCTTbl().getTblPr().isSetTblBorders() ? table.getCTTbl().getTblPr().getTblBorders()
				: table.getCTTbl().getTblPr().addNewTblBorders();
		borders.addNewTop().setVal(STBorder.NIL);
		borders.addNewBottom().setVal(STBorder.NIL);
		borders.addNewLeft().setVal(STBorder.NIL);
		borders.addNewRight().setVal(STBorder.NIL);
		borders.addNewInsideH().setVal(STBorder.NIL);
		borders.addNewInsideV().setVal(STBorder.NIL);
		table.setWidth("100%");
		return table;
	}

	/** A ruled table: a bold header row, then the rows (12 pt), full width. */
	public static XWPFTable table(XWPFDocument doc, List<String> headers, List<List<String>> rows) {
		XWPFTable table = doc.createTable(rows.size() + 1, headers.size());
		table.setWidth("100%");
		fill(table.getRow(0), headers, true);
		for (int i = 0; i < rows.size(); i++) {
			fill(table.getRow(i + 1), rows.get(i), false);
		}
		doc.createParagraph().setSpacingAfter(0);
		return table;
	}

	private static void fill(XWPFTableRow row, List<String> cells, boolean bold) {
		for (int c = 0; c < cells.size(); c++) {
			XWPFTableCell cell = row.getCell(c);
			XWPFParagraph p = cell.getParagraphs().get(0);
			line(p, cells.get(c) == null ? "" : cells.get(c), bold, false, false,
					c == 0 || !bold ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER).setFontSize(12);
		}
	}

	/** The first paragraph of a table cell. */
	public static XWPFParagraph first(XWPFTableCell cell) {
		return cell.getParagraphs().get(0);
	}

	/** The document head: organisation and issuing body with the number on the left, motto and place/date right. */
	public static void head(XWPFDocument doc, String organisation, String issuingBody, String numberLine, String motto,
			String placeAndDate) {
		XWPFTable head = borderless(doc.createTable(1, 2));
		XWPFTableCell left = head.getRow(0).getCell(0);
		XWPFTableCell right = head.getRow(0).getCell(1);
		if (organisation != null) {
			line(first(left), organisation, false, false, false, ParagraphAlignment.CENTER);
			line(left.addParagraph(), issuingBody, true, false, false, ParagraphAlignment.CENTER);
		}
		else {
			line(first(left), issuingBody, true, false, false, ParagraphAlignment.CENTER);
		}
		line(left.addParagraph(), "***", false, false, false, ParagraphAlignment.CENTER);
		line(left.addParagraph(), numberLine, false, false, false, ParagraphAlignment.CENTER);
		line(first(right), motto, true, false, true, ParagraphAlignment.CENTER);
		line(right.addParagraph(), "", false, false, false, ParagraphAlignment.CENTER);
		line(right.addParagraph(), placeAndDate, false, true, false, ParagraphAlignment.RIGHT);
		doc.createParagraph();
	}

	/** The foot: recipients (Nơi nhận) on the left, the signature block on the right. */
	public static void foot(XWPFDocument doc, String recipientsHeading, List<String> recipients, String signFor,
			String signRole, String signerName) {
		XWPFTable foot = borderless(doc.createTable(1, 2));
		XWPFTableCell to = foot.getRow(0).getCell(0);
		XWPFTableCell sign = foot.getRow(0).getCell(1);
		line(first(to), recipientsHeading, true, true, false, ParagraphAlignment.LEFT).setFontSize(12);
		for (String r : recipients) {
			line(to.addParagraph(), r, false, false, false, ParagraphAlignment.LEFT).setFontSize(11);
		}
		line(first(sign), signFor == null ? "" : signFor, true, false, false, ParagraphAlignment.CENTER);
		line(sign.addParagraph(), signRole == null ? "" : signRole, true, false, false, ParagraphAlignment.CENTER);
		for (int i = 0; i < 3; i++) {
			sign.addParagraph();
		}
		line(sign.addParagraph(), signerName == null ? "" : signerName, true, false, false, ParagraphAlignment.CENTER);
	}
}
