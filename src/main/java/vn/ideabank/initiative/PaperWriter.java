package vn.ideabank.initiative;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Locale;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import vn.ideabank.common.docs.OfficialDocx;

/**
 * Writes a {@link Paper} as .docx (Apache POI, Times New Roman, A4 with the margins of Nghị định 30) and as .pdf
 * (OpenHTMLtoPDF with the bundled Liberation Serif, so every Vietnamese letter is embedded) — the way
 * {@code report.ReportDocuments} writes reports, for one-page papers with an optional table.
 */
@Component
class PaperWriter {

	private static final String FONT = "Liberation Serif";

	private static final long A4_W = 11906, A4_H = 16838, MM = 57;

	private final ITemplateEngine templates;

	PaperWriter(ITemplateEngine templates) {
		this.templates = templates;
	}

	void pdf(Paper paper, OutputStream out) {
		Context context = new Context(Locale.forLanguageTag("vi"));
		context.setVariable("doc", paper);
		String html = templates.process("initiative/paper-pdf", context);
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		font(builder, "LiberationSerif-Regular.ttf", 400, FontStyle.NORMAL);
		font(builder, "LiberationSerif-Bold.ttf", 700, FontStyle.NORMAL);
		font(builder, "LiberationSerif-Italic.ttf", 400, FontStyle.ITALIC);
		font(builder, "LiberationSerif-BoldItalic.ttf", 700, FontStyle.ITALIC);
		builder.withHtmlContent(html, null);
		builder.toStream(out);
		try {
			builder.run();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void font(PdfRendererBuilder builder, String file, int weight, FontStyle style) {
		builder.useFont(() -> {
			InputStream in = PaperWriter.class.getResourceAsStream("/fonts/" + file);
			if (in == null) {
				throw new UncheckedIOException(new IOException("font missing: " + file));
			}
			return in;
		}, FONT, weight, style, true);
	}

	void docx(Paper d, OutputStream out) {
		try (XWPFDocument doc = new XWPFDocument()) {
			page(doc);
			XWPFTable head = OfficialDocx.borderless(doc.createTable(1, 2));
			XWPFTableCell left = head.getRow(0).getCell(0);
			XWPFTableCell right = head.getRow(0).getCell(1);
			run(OfficialDocx.first(left), d.organisation(), false, false, false, ParagraphAlignment.CENTER, 12);
			run(left.addParagraph(), d.issuingBody(), true, false, false, ParagraphAlignment.CENTER, 12);
			run(left.addParagraph(), d.numberLine(), false, false, false, ParagraphAlignment.CENTER, 12);
			run(OfficialDocx.first(right), d.motto(), true, false, false, ParagraphAlignment.CENTER, 12);
			run(right.addParagraph(), d.mottoLine(), true, false, true, ParagraphAlignment.CENTER, 13);
			run(right.addParagraph(), d.placeAndDate(), false, true, false, ParagraphAlignment.CENTER, 13);
			doc.createParagraph();
			run(doc.createParagraph(), d.title(), true, false, false, ParagraphAlignment.CENTER, 14);
			if (d.subtitle() != null) {
				run(doc.createParagraph(), d.subtitle(), true, false, false, ParagraphAlignment.CENTER, 14);
			}
			doc.createParagraph();
			lines(doc, d.lines());
			if (d.table() != null && !d.table().isEmpty()) {
				int cols = d.table().get(0).size();
				XWPFTable t = doc.createTable(d.table().size(), cols);
				t.setWidth("100%");
				for (int r = 0; r < d.table().size(); r++) {
					for (int c = 0; c < cols; c++) {
						run(OfficialDocx.first(t.getRow(r).getCell(c)), d.table().get(r).get(c), r == 0, false, false,
								c == 0 ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER, 13);
					}
				}
			}
			lines(doc, d.after());
			doc.createParagraph();
			XWPFTable foot = OfficialDocx.borderless(doc.createTable(1, 2));
			XWPFTableCell to = foot.getRow(0).getCell(0);
			XWPFTableCell sign = foot.getRow(0).getCell(1);
			boolean firstRecipient = true;
			for (String r : d.recipients()) {
				run(firstRecipient ? OfficialDocx.first(to) : to.addParagraph(), r, firstRecipient, firstRecipient, false,
						ParagraphAlignment.LEFT, firstRecipient ? 12 : 11);
				firstRecipient = false;
			}
			run(OfficialDocx.first(sign), d.signFor(), true, false, false, ParagraphAlignment.CENTER, 13);
			run(sign.addParagraph(), d.signRole(), true, false, false, ParagraphAlignment.CENTER, 13);
			for (int i = 0; i < 3; i++) {
				sign.addParagraph();
			}
			run(sign.addParagraph(), d.signerName(), true, false, false, ParagraphAlignment.CENTER, 13);
			doc.write(out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void lines(XWPFDocument doc, java.util.List<Paper.Line> lines) {
		for (Paper.Line line : lines) {
			XWPFParagraph p = doc.createParagraph();
			p.setAlignment(ParagraphAlignment.BOTH);
			p.setSpacingAfter(80);
			if (!line.heading()) {
				p.setFirstLineIndent(567);
			}
			run(p, line.text(), line.heading(), false, false, ParagraphAlignment.BOTH, 14);
		}
	}

	private static void page(XWPFDocument doc) {
		CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
		CTPageSz size = sect.addNewPgSz();
		size.setW(BigInteger.valueOf(A4_W));
		size.setH(BigInteger.valueOf(A4_H));
		CTPageMar mar = sect.addNewPgMar();
		mar.setTop(BigInteger.valueOf(20 * MM));
		mar.setBottom(BigInteger.valueOf(20 * MM));
		mar.setLeft(BigInteger.valueOf(30 * MM));
		mar.setRight(BigInteger.valueOf(15 * MM));
	}

	/** {@link OfficialDocx#line} at the given size, keeping a spacing the paragraph was given before. */
	private static void run(XWPFParagraph p, String text, boolean bold, boolean italic, boolean underline,
			ParagraphAlignment align, int size) {
		int spacingAfter = p.getSpacingAfter();
		OfficialDocx.line(p, text == null ? "" : text, bold, italic, underline, align).setFontSize(size);
		if (spacingAfter > 0) {
			p.setSpacingAfter(spacingAfter);
		}
	}
}
