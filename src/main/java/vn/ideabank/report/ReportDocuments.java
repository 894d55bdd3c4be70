package vn.ideabank.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.xlsx.XlsxWriter;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * Documents of the reports: the report as .docx (Apache POI) and .pdf (OpenHTMLtoPDF with the bundled
 * Liberation Serif, so every Vietnamese letter is embedded), in the layout of Nghị định 30/2020/NĐ-CP;
 * and the .xlsx of which child units submitted. Documents are always Vietnamese: they are official papers.
 */
@Service
public class ReportDocuments {

	static final Locale VI = Locale.forLanguageTag("vi");

	private static final String FONT = "Liberation Serif";

	/** A4 in twentieths of a point, and the margins of Nghị định 30 (top/bottom 20 mm, left 30 mm, right 15 mm). */
	private static final long A4_W = 11906, A4_H = 16838, MM = 57;

	private final ReportService reports;

	private final UnitService units;

	private final MessageSource messages;

	private final ITemplateEngine templates;

	ReportDocuments(ReportService reports, UnitService units, MessageSource messages, ITemplateEngine templates) {
		this.reports = reports;
		this.units = units;
		this.messages = messages;
		this.templates = templates;
	}

	public void docx(Caller caller, long reportId, OutputStream out) throws IOException {
		write(model(reports.get(caller, reportId)), out);
	}

	public void pdf(Caller caller, long reportId, OutputStream out) throws IOException {
		DocumentModel doc = model(reports.get(caller, reportId));
		Context context = new Context(VI);
		context.setVariable("doc", doc);
		String html = templates.process("report/document-pdf", context);
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		font(builder, "LiberationSerif-Regular.ttf", 400, FontStyle.NORMAL);
		font(builder, "LiberationSerif-Bold.ttf", 700, FontStyle.NORMAL);
		font(builder, "LiberationSerif-Italic.ttf", 400, FontStyle.ITALIC);
		font(builder, "LiberationSerif-BoldItalic.ttf", 700, FontStyle.ITALIC);
		builder.withHtmlContent(html, null);
		builder.toStream(out);
		builder.run();
	}

	/** The parent's list of children with their report status for the period. */
	public void childrenXlsx(Caller caller, long unitId, ReportingPeriod period, OutputStream out) throws IOException {
		List<ChildStatus> children = reports.children(caller, unitId, period);
		XlsxWriter.export(out, text(period.messageKey(), period.messageArgs()),
				List.of(text("report.col.code"), text("report.col.unit"), text("report.col.status"), text("report.col.submittedAt")),
				sink -> children.forEach(c -> sink.row(c.unitCode(), c.unitName(),
						text(c.status() == null ? "report.status.NONE" : c.status().messageKey()),
						c.submittedAt() == null ? null : LocalDate.ofInstant(c.submittedAt(), ZoneId.systemDefault()))));
	}

	/** The reports of a list page (same filter, at most the first 5,000). */
	public void listXlsx(Caller caller, ReportService.ReportFilter filter, OutputStream out) throws IOException {
		var page = reports.list(caller, filter, org.springframework.data.domain.PageRequest.of(0, 5000,
				org.springframework.data.domain.Sort.by("year", "kind", "number", "unitPath").descending()));
		XlsxWriter.export(out, text("report.list.title"),
				List.of(text("report.col.unit"), text("report.col.period"), text("report.col.status"),
						text("report.col.submittedAt"), text("report.stat.proposed"), text("report.stat.applied")),
				sink -> page.forEach(r -> sink.row(r.unitName(), text(r.period().messageKey(), r.period().messageArgs()),
						text(r.status().messageKey()),
						r.submittedAt() == null ? null : LocalDate.ofInstant(r.submittedAt(), ZoneId.systemDefault()),
						submitted(r) ? r.figure(ReportStatistics.PROPOSED) : null,
						submitted(r) ? r.figure(ReportStatistics.APPLIED) : null)));
	}

	/** Lists carry the snapshotted figures only: a draft's are live and shown on its page. */
	private static boolean submitted(ReportView r) {
		return r.status() == ReportStatus.SUBMITTED;
	}

	// --- the model -----------------------------------------------------------------------------

	DocumentModel model(ReportView r) {
		UnitView unit = units.find(r.unitId()).orElseThrow();
		UnitView parent = unit.parentId() == null ? null : units.find(unit.parentId()).orElse(null);
		LocalDate date = r.submittedAt() == null ? reports.today() : LocalDate.ofInstant(r.submittedAt(), ZoneId.systemDefault());
		String place = r.placeName() != null ? r.placeName() : text("report.doc.placeUnknown");
		String period = text(r.period().messageKey(), r.period().messageArgs());
		List<DocumentModel.Row> rows = new ArrayList<>();
		for (Figure f : r.figures()) {
			boolean total = f.group().equals(ReportStatistics.TOTAL);
			String label = total ? text(f.labelKey())
					: text("report.doc.group." + f.group()) + ": " + text(f.labelKey());
			rows.add(new DocumentModel.Row(label, String.valueOf(f.value()), !total));
		}
		List<DocumentModel.Section> sections = List.of(
				section("report.doc.section.results", r.results(), r, ChildPart::results),
				section("report.doc.section.goodModels", r.goodModels(), r, ChildPart::goodModels),
				section("report.doc.section.difficulties", r.difficulties(), r, ChildPart::difficulties),
				section("report.doc.section.proposals", r.proposals(), r, ChildPart::proposals));
		List<String> recipients = new ArrayList<>();
		if (parent != null) {
			recipients.add(text("report.doc.recipient.parent", parent.name()));
		}
		if (r.consolidated()) {
			recipients.add(text("report.doc.recipient.children"));
		}
		recipients.add(text("report.doc.recipient.archive"));
		return new DocumentModel(text("report.doc.organisation"), issuingBody(unit.name()),
				r.numberSymbol() != null ? text("report.doc.number", r.numberSymbol()) : text("report.doc.numberBlank"),
				text("report.doc.organisation"),
				text("report.doc.placeDate", place, date.getDayOfMonth(), date.getMonthValue(), String.valueOf(date.getYear())),
				text("report.doc.title"),
				text(r.consolidated() ? "report.doc.subtitleConsolidated" : "report.doc.subtitle", period),
				text("report.doc.intro", unit.name(), period), text("report.doc.section.figures"), rows, sections,
				text("report.doc.closing"), text("report.doc.recipients"), recipients, text("report.doc.signFor"),
				text("report.doc.signRole"), r.signerName() == null ? "" : r.signerName());
	}

	/** "BCH ĐOÀN XÃ THỌ DÂN" from "Đoàn xã Thọ Dân", "BCH ĐOÀN HUYỆN TRIỆU SƠN" from "Huyện đoàn Triệu Sơn". */
	static String issuingBody(String unitName) {
		String upper = unitName.toUpperCase(VI);
		if (upper.startsWith("ĐOÀN ") || upper.startsWith("CHI ĐOÀN ")) {
			return nfc("BCH " + upper);
		}
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\S+) ĐOÀN (.+)$").matcher(upper);
		if (m.matches()) {
			return nfc("BCH ĐOÀN " + m.group(1) + " " + m.group(2));
		}
		return nfc("BCH ĐOÀN " + upper);
	}

	private DocumentModel.Section section(String key, String own, ReportView r, Function<ChildPart, String> pick) {
		List<DocumentModel.Part> parts = new ArrayList<>();
		for (ChildPart p : r.childParts()) {
			String t = pick.apply(p);
			if (t != null && !t.isBlank()) {
				parts.add(new DocumentModel.Part(p.unitName(), paragraphs(t)));
			}
		}
		List<String> mine = paragraphs(own);
		if (mine.isEmpty() && parts.isEmpty()) {
			mine = List.of(text("report.doc.nothing"));
		}
		return new DocumentModel.Section(text(key), mine, parts);
	}

	private static List<String> paragraphs(String text) {
		if (text == null) {
			return List.of();
		}
		return text.lines().map(String::strip).filter(s -> !s.isEmpty()).map(ReportDocuments::nfc).toList();
	}

	private String text(String key, Object... args) {
		return nfc(messages.getMessage(key, args, key, VI));
	}

	private static String nfc(String s) {
		return Normalizer.normalize(s, Normalizer.Form.NFC);
	}

	private static void font(PdfRendererBuilder builder, String file, int weight, FontStyle style) {
		builder.useFont(() -> {
			InputStream in = ReportDocuments.class.getResourceAsStream("/fonts/" + file);
			if (in == null) {
				throw new UncheckedIOException(new IOException("font missing: " + file));
			}
			return in;
		}, FONT, weight, style, true);
	}

	// --- .docx ---------------------------------------------------------------------------------

	private void write(DocumentModel d, OutputStream out) throws IOException {
		try (XWPFDocument doc = new XWPFDocument()) {
			page(doc);
			XWPFTable head = borderless(doc.createTable(1, 2));
			XWPFTableCell left = head.getRow(0).getCell(0);
			XWPFTableCell right = head.getRow(0).getCell(1);
			line(first(left), d.organisation(), false, false, false, ParagraphAlignment.CENTER);
			line(left.addParagraph(), d.issuingBody(), true, false, false, ParagraphAlignment.CENTER);
			line(left.addParagraph(), "***", false, false, false, ParagraphAlignment.CENTER);
			line(left.addParagraph(), d.numberLine(), false, false, false, ParagraphAlignment.CENTER);
			line(first(right), d.motto(), true, false, true, ParagraphAlignment.CENTER);
			line(right.addParagraph(), "", false, false, false, ParagraphAlignment.CENTER);
			line(right.addParagraph(), d.placeAndDate(), false, true, false, ParagraphAlignment.RIGHT);
			doc.createParagraph();
			line(doc.createParagraph(), d.title(), true, false, false, ParagraphAlignment.CENTER).setFontSize(14);
			line(doc.createParagraph(), d.subtitle(), true, false, false, ParagraphAlignment.CENTER);
			line(doc.createParagraph(), "-----", false, false, false, ParagraphAlignment.CENTER);
			body(doc, d.intro());
			line(doc.createParagraph(), d.figuresHeading(), true, false, false, ParagraphAlignment.LEFT);
			for (DocumentModel.Row row : d.figures()) {
				body(doc, (row.indented() ? "   + " : "- ") + row.label() + ": " + row.value());
			}
			for (DocumentModel.Section s : d.sections()) {
				line(doc.createParagraph(), s.heading(), true, false, false, ParagraphAlignment.LEFT);
				s.paragraphs().forEach(p -> body(doc, p));
				for (DocumentModel.Part part : s.parts()) {
					line(doc.createParagraph(), part.unitName(), true, true, false, ParagraphAlignment.LEFT);
					part.paragraphs().forEach(p -> body(doc, p));
				}
			}
			body(doc, d.closing());
			XWPFTable foot = borderless(doc.createTable(1, 2));
			XWPFTableCell to = foot.getRow(0).getCell(0);
			XWPFTableCell sign = foot.getRow(0).getCell(1);
			line(first(to), d.recipientsHeading(), true, true, false, ParagraphAlignment.LEFT).setFontSize(12);
			for (String r : d.recipients()) {
				line(to.addParagraph(), r, false, false, false, ParagraphAlignment.LEFT).setFontSize(11);
			}
			line(first(sign), d.signFor(), true, false, false, ParagraphAlignment.CENTER);
			line(sign.addParagraph(), d.signRole(), true, false, false, ParagraphAlignment.CENTER);
			for (int i = 0; i < 3; i++) {
				sign.addParagraph();
			}
			line(sign.addParagraph(), d.signerName(), true, false, false, ParagraphAlignment.CENTER);
			doc.write(out);
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

	private static XWPFTable borderless(XWPFTable table) {
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

	private static XWPFParagraph first(XWPFTableCell cell) {
		return cell.getParagraphs().get(0);
	}

	private static XWPFRun line(XWPFParagraph p, String text, boolean bold, boolean italic, boolean underline,
			ParagraphAlignment align) {
		p.setAlignment(align);
		p.setSpacingAfter(0);
		XWPFRun run = p.createRun();
		run.setFontFamily("Times New Roman");
		run.setFontSize(13);
		run.setBold(bold);
		run.setItalic(italic);
		if (underline) {
			run.setUnderline(UnderlinePatterns.SINGLE);
		}
		run.setText(text);
		return run;
	}

	private static void body(XWPFDocument doc, String text) {
		XWPFParagraph p = doc.createParagraph();
		p.setAlignment(ParagraphAlignment.BOTH);
		p.setFirstLineIndent(567);
		p.setSpacingAfter(120);
		XWPFRun run = p.createRun();
		run.setFontFamily("Times New Roman");
		run.setFontSize(14);
		run.setText(text);
	}
}
