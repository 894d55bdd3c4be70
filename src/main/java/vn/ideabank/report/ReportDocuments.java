package vn.ideabank.report;

import java.io.IOException;
import java.io.OutputStream;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import vn.ideabank.common.docs.OfficialDates;
import vn.ideabank.common.docs.OfficialDocx;
import vn.ideabank.common.docs.PdfDocuments;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.xlsx.XlsxWriter;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.quota.TargetKind;

/**
 * Documents of the reports: the report as .docx (Apache POI) and .pdf (OpenHTMLtoPDF with the bundled
 * Liberation Serif, so every Vietnamese letter is embedded), in the layout of Nghị định 30/2020/NĐ-CP;
 * and the .xlsx of which child units submitted. Documents are always Vietnamese: they are official papers.
 */
@Service
public class ReportDocuments {

	static final Locale VI = Locale.forLanguageTag("vi");

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
		write(model(caller, reports.get(caller, reportId)), out);
	}

	public void pdf(Caller caller, long reportId, OutputStream out) throws IOException {
		Context context = new Context(VI);
		context.setVariable("doc", model(caller, reports.get(caller, reportId)));
		PdfDocuments.render(templates.process("report/document-pdf", context), out);
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

	DocumentModel model(Caller caller, ReportView r) {
		UnitView unit = units.find(r.unitId()).orElseThrow();
		UnitView parent = unit.parentId() == null ? null : units.find(unit.parentId()).orElse(null);
		LocalDate date = r.submittedAt() == null ? reports.today() : LocalDate.ofInstant(r.submittedAt(), ZoneId.systemDefault());
		String place = r.placeName() != null ? r.placeName() : text("report.doc.placeUnknown");
		String period = periodName(r.period());
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
				text("report.doc.organisation"), nfc(OfficialDates.placeAndDay(place, date)), text("report.doc.title"),
				text(r.consolidated() ? "report.doc.subtitleConsolidated" : "report.doc.subtitle", period),
				text("report.doc.intro", unit.name(), period), text("report.doc.section.figures"), tables(caller, r),
				sections, text("report.doc.closing"), text("report.doc.recipients"), recipients, text("report.doc.signFor"),
				text("report.doc.signRole"), r.signerName() == null ? "" : r.signerName());
	}

	/** The period as a document writes it mid-sentence: "quý IV năm 2026", "tháng 3 năm 2026". */
	String periodName(ReportingPeriod p) {
		Object number = p.kind() == PeriodKind.QUY ? OfficialDates.quarter(p.number()) : p.number();
		return text("report.doc.periodName." + p.kind().name(), number, String.valueOf(p.year()));
	}

	/**
	 * Section I as tables: 1. progress against each of the year's targets (and what the counters count for the kinds
	 * the plan sets none for: contests, startups, clubs, IP), 2. ideas by field, 3. ideas by target group. Every figure is
	 * the report's own: stored on submission, counted live for a draft ({@link ReportService#progress}).
	 */
	private List<DocumentModel.Table> tables(Caller caller, ReportView r) {
		List<DocumentModel.Table> tables = new ArrayList<>();
		tables.add(new DocumentModel.Table(text("report.doc.table.progress", String.valueOf(r.period().year())),
				List.of(text("report.doc.col.no"), text("report.doc.col.target"), text("report.doc.col.yearTarget"),
						text("report.doc.col.periodTarget"), text("report.doc.col.actual"), text("report.doc.col.percent")),
				progressRows(caller, r)));
		for (String group : List.of(ReportStatistics.FIELD, ReportStatistics.GROUP)) {
			List<List<String>> rows = new ArrayList<>();
			for (Figure f : r.figures()) {
				if (f.group().equals(group)) {
					rows.add(List.of(String.valueOf(rows.size() + 1), text(f.labelKey()), String.valueOf(f.value())));
				}
			}
			if (rows.isEmpty()) {
				rows.add(List.of("", text("report.doc.none"), "0"));
			}
			tables.add(new DocumentModel.Table(text("report.doc.table." + group),
					List.of(text("report.doc.col.no"), text("report.doc.group." + group), text("report.doc.col.count")), rows));
		}
		return tables;
	}

	/** Table 1's rows as the document writes them, from the report's progress table (stored once it is submitted). */
	private List<List<String>> progressRows(Caller caller, ReportView r) {
		List<List<String>> rows = new ArrayList<>();
		for (ProgressTable.Row row : reports.progress(caller, r.id()).rows()) {
			String name = row.kind() == TargetKind.CUSTOM ? row.name() : text(row.kind().messageKey());
			String actual = row.actual() == null ? text("report.doc.notTracked") : String.valueOf(row.actual());
			rows.add(row.hasTarget()
					? List.of(String.valueOf(rows.size() + 1), nfc(name), number(row.yearTarget()), number(row.periodTarget()), actual,
							row.percent() == null ? "–" : row.percent() + "%")
					: List.of(String.valueOf(rows.size() + 1), nfc(name), text("report.doc.noTarget"), "–", actual, "–"));
		}
		return rows;
	}

	private static String number(Long n) {
		return n == null ? "–" : String.valueOf(n);
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

	// --- .docx ---------------------------------------------------------------------------------

	private void write(DocumentModel d, OutputStream out) throws IOException {
		try (XWPFDocument doc = OfficialDocx.create(false)) {
			OfficialDocx.head(doc, d.organisation(), d.issuingBody(), d.numberLine(), d.motto(), d.placeAndDate());
			OfficialDocx.line(doc.createParagraph(), d.title(), true, false, false, ParagraphAlignment.CENTER).setFontSize(14);
			OfficialDocx.line(doc.createParagraph(), d.subtitle(), true, false, false, ParagraphAlignment.CENTER);
			OfficialDocx.line(doc.createParagraph(), "-----", false, false, false, ParagraphAlignment.CENTER);
			OfficialDocx.body(doc, d.intro());
			OfficialDocx.heading(doc, d.figuresHeading());
			for (DocumentModel.Table t : d.tables()) {
				OfficialDocx.line(doc.createParagraph(), t.caption(), true, true, false, ParagraphAlignment.LEFT).setFontSize(14);
				OfficialDocx.table(doc, t.headers(), t.rows());
			}
			for (DocumentModel.Section s : d.sections()) {
				OfficialDocx.heading(doc, s.heading());
				s.paragraphs().forEach(p -> OfficialDocx.body(doc, p));
				for (DocumentModel.Part part : s.parts()) {
					OfficialDocx.line(doc.createParagraph(), part.unitName(), true, true, false, ParagraphAlignment.LEFT);
					part.paragraphs().forEach(p -> OfficialDocx.body(doc, p));
				}
			}
			OfficialDocx.body(doc, d.closing());
			OfficialDocx.foot(doc, d.recipientsHeading(), d.recipients(), d.signFor(), d.signRole(), d.signerName());
			doc.write(out);
		}
	}
}
