package vn.ideabank.contest;

import java.io.IOException;
import java.io.OutputStream;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import vn.ideabank.common.docs.OfficialDates;
import vn.ideabank.common.docs.OfficialDocx;
import vn.ideabank.common.docs.PdfDocuments;
import vn.ideabank.common.security.Caller;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * The organiser's award papers (Nghị định 30/2020 layout, always Vietnamese): the award decision (Quyết định khen
 * thưởng) as .docx with the awards list attached, and the awards list alone as a printable PDF. Only the organiser's
 * office makes them; the awards are those recorded on the entries.
 */
@Service
@Transactional(readOnly = true)
public class AwardDocuments {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private final ContestService contests;

	private final NominationRepository nominations;

	private final UnitService units;

	private final MessageSource messages;

	private final ITemplateEngine templates;

	AwardDocuments(ContestService contests, NominationRepository nominations, UnitService units, MessageSource messages,
			ITemplateEngine templates) {
		this.contests = contests;
		this.nominations = nominations;
		this.units = units;
		this.messages = messages;
		this.templates = templates;
	}

	/** What both papers show: the organiser, the decision, and one row per award (tier order). */
	public record AwardPaper(String contestName, String organiser, String issuingBody, String numberLine, String placeAndDate,
			String decisionNumber, String signerTitle, String signerName, List<List<String>> rows) {
	}

	AwardPaper paper(Caller caller, long contestId) {
		Contest c = contests.organised(caller, contestId);
		UnitView unit = units.find(c.unitId()).orElseThrow();
		var d = c.decision();
		List<Nomination> awarded = new ArrayList<>(nominations.findAwarded(contestId));
		awarded.sort(Comparator.comparing(Nomination::awardTier));
		List<List<String>> rows = new ArrayList<>();
		for (Nomination n : awarded) {
			String award = n.awardTier() == AwardTier.CUSTOM ? n.awardName() : text(n.awardTier().messageKey());
			rows.add(List.of(String.valueOf(rows.size() + 1), n.authors(), n.ideaTitle(), n.unitName(), award));
		}
		LocalDate day = d.decisionDate() != null ? d.decisionDate() : LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
		return new AwardPaper(c.name(), unit.name(), nfc(unit.name().toUpperCase(VI)),
				d.decisionNumber() != null ? text("contest.decision.doc.number", d.decisionNumber())
						: text("contest.decision.doc.numberBlank"),
				nfc(OfficialDates.placeAndDay(text("contest.cert.placeUnknown"), day)),
				d.decisionNumber(), d.signerTitle(), d.signerName(), rows);
	}

	/** The award decision with the awards list on its own page after it. */
	public void decisionDocx(Caller caller, long contestId, OutputStream out) throws IOException {
		AwardPaper p = paper(caller, contestId);
		try (XWPFDocument doc = OfficialDocx.create(false)) {
			OfficialDocx.head(doc, text("contest.cert.organisation"), p.issuingBody(), p.numberLine(),
					text("contest.cert.motto"), p.placeAndDate());
			OfficialDocx.line(doc.createParagraph(), text("contest.decision.doc.title"), true, false, false,
					ParagraphAlignment.CENTER).setFontSize(14);
			OfficialDocx.line(doc.createParagraph(), text("contest.decision.doc.subject", p.contestName()), true, false, false,
					ParagraphAlignment.CENTER).setFontSize(14);
			OfficialDocx.line(doc.createParagraph(), "-----", false, false, false, ParagraphAlignment.CENTER);
			OfficialDocx.line(doc.createParagraph(), text("contest.decision.doc.authority", p.issuingBody()), true, false, false,
					ParagraphAlignment.CENTER).setFontSize(14);
			OfficialDocx.body(doc, text("contest.decision.doc.basis1"));
			OfficialDocx.body(doc, text("contest.decision.doc.basis2", p.contestName()));
			OfficialDocx.body(doc, text("contest.decision.doc.basis3"));
			OfficialDocx.line(doc.createParagraph(), text("contest.decision.doc.decides"), true, false, false,
					ParagraphAlignment.CENTER).setFontSize(14);
			OfficialDocx.body(doc, text("contest.decision.doc.article1", p.rows().size(), p.contestName()));
			OfficialDocx.body(doc, text("contest.decision.doc.article2"));
			OfficialDocx.body(doc, text("contest.decision.doc.article3"));
			OfficialDocx.foot(doc, text("contest.decision.doc.recipients"),
					List.of(text("contest.decision.doc.recipient1"), text("contest.decision.doc.recipient2")),
					text("contest.decision.doc.signFor"), p.signerTitle(), p.signerName());
			var listTitle = doc.createParagraph();
			listTitle.setPageBreak(true);
			OfficialDocx.line(listTitle, text("contest.decision.doc.listTitle"), true, false, false, ParagraphAlignment.CENTER)
				.setFontSize(14);
			OfficialDocx.line(doc.createParagraph(), p.contestName(), true, false, false, ParagraphAlignment.CENTER);
			OfficialDocx.line(doc.createParagraph(), text("contest.decision.doc.listOf",
					p.decisionNumber() == null ? "……" : p.decisionNumber()), false, true, false, ParagraphAlignment.CENTER);
			OfficialDocx.table(doc, headers(), p.rows());
			doc.write(out);
		}
	}

	/** The awards list alone, to print (A4 portrait PDF). */
	public void listPdf(Caller caller, long contestId, OutputStream out) throws IOException {
		AwardPaper p = paper(caller, contestId);
		Context context = new Context(VI);
		context.setVariable("p", p);
		context.setVariable("headers", headers());
		context.setVariable("organisation", text("contest.cert.organisation"));
		context.setVariable("title", text("contest.decision.doc.listTitle"));
		context.setVariable("listOf", text("contest.decision.doc.listOf", p.decisionNumber() == null ? "……" : p.decisionNumber()));
		PdfDocuments.render(templates.process("contest/awards-pdf", context), out);
	}

	private List<String> headers() {
		return List.of(text("contest.decision.doc.col.no"), text("contest.decision.doc.col.authors"),
				text("contest.decision.doc.col.work"), text("contest.decision.doc.col.unit"), text("contest.decision.doc.col.award"));
	}

	private String text(String key, Object... args) {
		return nfc(messages.getMessage(key, args, key, VI));
	}

	private static String nfc(String s) {
		return Normalizer.normalize(s, Normalizer.Form.NFC);
	}
}
