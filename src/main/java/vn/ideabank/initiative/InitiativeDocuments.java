package vn.ideabank.initiative;

import java.io.OutputStream;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.initiative.InitiativeStore.Row;
import vn.ideabank.initiative.InitiativeViews.ApplicationView;
import vn.ideabank.initiative.InitiativeViews.AuthorView;
import vn.ideabank.initiative.InitiativeViews.Minutes;
import vn.ideabank.initiative.InitiativeViews.Status;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * The papers an office signs, one page each: the receipt (Giấy biên nhận, TT 18/2013 Phụ lục II), the council
 * minutes, the recognition decision (or the written refusal), and a certificate per co-author naming the others.
 * None carries a description part, so nothing confidential can reach a paper. Always Vietnamese.
 */
@Service
public class InitiativeDocuments {

	static final Locale VI = Locale.forLanguageTag("vi");

	/** The papers, by the name used in their URLs. */
	public enum Kind {
		RECEIPT, MINUTES, DECISION, CERTIFICATE
	}

	private final InitiativeAccess access;

	private final InitiativeService applications;

	private final InitiativeMeeting meeting;

	private final UnitService units;

	private final MessageSource messages;

	private final PaperWriter writer;

	InitiativeDocuments(InitiativeAccess access, InitiativeService applications, InitiativeMeeting meeting,
			UnitService units, MessageSource messages, PaperWriter writer) {
		this.access = access;
		this.applications = applications;
		this.meeting = meeting;
		this.units = units;
		this.messages = messages;
		this.writer = writer;
	}

	/** Writes the paper as .docx or (pdf true) .pdf; {@code author} is the co-author's position for a certificate. */
	public void write(Caller caller, long id, Kind kind, Integer author, boolean pdf, OutputStream out) {
		Paper paper = paper(caller, id, kind, author);
		if (pdf) {
			writer.pdf(paper, out);
		}
		else {
			writer.docx(paper, out);
		}
	}

	/** A file name without spaces or diacritics: "bien-nhan-12-2026". */
	public String fileName(Caller caller, long id, Kind kind, Integer author) {
		ApplicationView a = applications.get(caller, id);
		String base = switch (kind) {
			case RECEIPT -> "bien-nhan";
			case MINUTES -> "bien-ban-hoi-dong";
			case DECISION -> a.status() == Status.REFUSED ? "tu-choi" : "quyet-dinh";
			case CERTIFICATE -> "chung-nhan-" + (author == null ? 1 : author);
		};
		return base + "-" + a.ideaCode();
	}

	Paper paper(Caller caller, long id, Kind kind, Integer author) {
		Row row = switch (kind) {
			case RECEIPT, MINUTES -> access.managed(caller, id);
			case DECISION, CERTIFICATE -> access.readable(caller, id);
		};
		ApplicationView a = applications.view(caller, row);
		UnitView issuer = units.find(row.registerUnitId() == null ? row.unitId() : row.registerUnitId()).orElseThrow();
		return switch (kind) {
			case RECEIPT -> receipt(a, issuer, caller);
			case MINUTES -> minutes(a, issuer, meeting.minutes(caller, id));
			case DECISION -> decision(a, issuer);
			case CERTIFICATE -> certificate(a, issuer, author == null ? 1 : author);
		};
	}

	private Paper receipt(ApplicationView a, UnitView issuer, Caller caller) {
		if (a.registerNo() == null) {
			throw new BusinessException("initiative.doc.notRegistered");
		}
		List<Paper.Line> lines = new ArrayList<>();
		lines.add(Paper.Line.body(text("initiative.doc.receipt.intro", issuer.name(), authors(a.authors()))));
		lines.add(Paper.Line.body(text("initiative.doc.receipt.name", a.title())));
		lines.add(Paper.Line.body(text("initiative.doc.receipt.number", a.registerNumber())));
		lines.add(Paper.Line.body(text("initiative.doc.receipt.received", day(a.receivedOn()))));
		lines.add(Paper.Line.body(text("initiative.doc.receipt.content")));
		lines.add(Paper.Line.body(text("initiative.doc.receipt.due", day(a.dueOn()))));
		return paper(issuer, text("initiative.doc.receipt.number.line", a.registerNumber()), a.receivedOn(),
				text("initiative.doc.receipt.title"), text("initiative.doc.receipt.subtitle"), lines, null, List.of(),
				text("initiative.doc.receipt.signFor"), text("initiative.doc.receipt.signRole"), caller.displayName());
	}

	private Paper minutes(ApplicationView a, UnitView issuer, Minutes m) {
		List<Paper.Line> lines = new ArrayList<>();
		lines.add(Paper.Line.body(text("initiative.doc.minutes.intro", m.councilName(), a.title(), a.ideaCode())));
		lines.add(Paper.Line.heading(text("initiative.doc.minutes.members")));
		lines.add(Paper.Line.body(text("initiative.doc.minutes.present", m.present().size(), String.join(", ", m.present()))));
		if (m.chair() != null || m.secretary() != null) {
			lines.add(Paper.Line.body(text("initiative.doc.minutes.chairs", m.chair() == null ? "—" : m.chair(),
					m.secretary() == null ? "—" : m.secretary())));
		}
		if (!m.absent().isEmpty()) {
			lines.add(Paper.Line.body(text("initiative.doc.minutes.absent", m.absent().size(), String.join(", ", m.absent()))));
		}
		lines.add(Paper.Line.heading(text("initiative.doc.minutes.scores")));
		List<List<String>> table = new ArrayList<>();
		table.add(List.of(text("initiative.doc.minutes.reviewer"), text("initiative.doc.minutes.total")));
		m.scores().forEach(s -> table.add(List.of(s.reviewer(), s.total() == null ? text("initiative.doc.minutes.noScore")
				: String.format(VI, "%.2f", s.total()))));
		List<Paper.Line> after = List.of(
				Paper.Line.body(text("initiative.doc.minutes.aggregate",
						m.aggregate() == null ? "—" : String.format(VI, "%.2f", m.aggregate()))),
				Paper.Line.heading(text("initiative.doc.minutes.vote")),
				Paper.Line.body(text("initiative.doc.minutes.decision." + m.decision())),
				Paper.Line.body(text("initiative.doc.minutes.reason", m.decisionReason() == null ? "" : m.decisionReason())));
		LocalDate on = m.decidedAt() == null ? access.today() : LocalDate.ofInstant(m.decidedAt(), ZoneId.systemDefault());
		return paper(issuer, text("initiative.doc.minutes.number"), on, text("initiative.doc.minutes.title"),
				text("initiative.doc.minutes.subtitle", a.title()), lines, table, after, text("initiative.doc.minutes.signFor"),
				text("initiative.doc.minutes.signRole"), m.chair() == null ? "" : m.chair());
	}

	private Paper decision(ApplicationView a, UnitView issuer) {
		if (a.status() == Status.REFUSED) {
			List<Paper.Line> lines = List.of(Paper.Line.body(text("initiative.doc.refusal.intro", authors(a.authors()), a.title())),
					Paper.Line.heading(text("initiative.doc.refusal.reasons")), Paper.Line.body(a.refusalReason()),
					Paper.Line.body(text("initiative.doc.refusal.closing")));
			return paper(issuer, number(a), a.decidedOn(), text("initiative.doc.refusal.title"),
					text("initiative.doc.refusal.subtitle"), lines, null, List.of(), text("initiative.doc.signFor"),
					text("initiative.doc.signRole"), a.signerName());
		}
		if (a.status() != Status.RECOGNISED) {
			throw new BusinessException("initiative.doc.notDecided");
		}
		List<Paper.Line> lines = new ArrayList<>();
		lines.add(Paper.Line.body(text("initiative.doc.decision.basis1")));
		lines.add(Paper.Line.body(text("initiative.doc.decision.basis2")));
		lines.add(Paper.Line.body(text("initiative.doc.decision.basis3")));
		lines.add(Paper.Line.heading(text("initiative.doc.decision.decides")));
		lines.add(Paper.Line.body(text("initiative.doc.decision.article1", a.title(), a.ideaCode())));
		lines.add(Paper.Line.body(text("initiative.doc.decision.authors", a.authors().stream()
			.map(x -> text("initiative.doc.decision.author", x.fullName(), share(x))).collect(Collectors.joining("; ")))));
		lines.add(Paper.Line.body(text("initiative.doc.decision.reach", text(a.reach().messageKey()))));
		lines.add(Paper.Line.body(text("initiative.doc.decision.article2")));
		lines.add(Paper.Line.body(text("initiative.doc.decision.article3")));
		return paper(issuer, number(a), a.decidedOn(), text("initiative.doc.decision.title"),
				text("initiative.doc.decision.subtitle"), lines, null, List.of(), text("initiative.doc.signFor"),
				text("initiative.doc.signRole"), a.signerName());
	}

	private Paper certificate(ApplicationView a, UnitView issuer, int position) {
		if (a.status() != Status.RECOGNISED) {
			throw new BusinessException("initiative.doc.notDecided");
		}
		AuthorView who = a.authors().stream().filter(x -> x.position() == position).findFirst()
			.orElseThrow(() -> new BusinessException("author", "initiative.doc.noSuchAuthor"));
		String others = a.authors().stream().filter(x -> x.position() != position).map(AuthorView::fullName)
			.collect(Collectors.joining(", "));
		List<Paper.Line> lines = new ArrayList<>();
		lines.add(Paper.Line.body(text("initiative.doc.certificate.person", who.fullName())));
		if (who.birthDate() != null) {
			lines.add(Paper.Line.body(text("initiative.doc.certificate.birth", day(who.birthDate()))));
		}
		if (who.jobTitle() != null || who.workplace() != null) {
			lines.add(Paper.Line.body(text("initiative.doc.certificate.work", nz(who.jobTitle()), nz(who.workplace()))));
		}
		lines.add(Paper.Line.body(text(others.isEmpty() ? "initiative.doc.certificate.sole" : "initiative.doc.certificate.coauthor",
				a.title(), share(who))));
		if (!others.isEmpty()) {
			lines.add(Paper.Line.body(text("initiative.doc.certificate.others", others)));
		}
		lines.add(Paper.Line.body(text("initiative.doc.certificate.decision", a.decisionNo(), day(a.decidedOn()),
				text(a.reach().messageKey()))));
		return paper(issuer, text("initiative.doc.certificate.number", a.decisionNo(), position), a.decidedOn(),
				text("initiative.doc.certificate.title"), null, lines, null, List.of(), text("initiative.doc.signFor"),
				text("initiative.doc.signRole"), a.signerName());
	}

	// --- shared layout ---------------------------------------------------------------------------

	private Paper paper(UnitView issuer, String numberLine, LocalDate date, String title, String subtitle,
			List<Paper.Line> lines, List<List<String>> table, List<Paper.Line> after, String signFor, String signRole, String signer) {
		UnitView parent = issuer.parentId() == null ? null : units.find(issuer.parentId()).orElse(null);
		return new Paper(upper(parent == null ? text("initiative.doc.organisation") : parent.name()), upper(issuer.name()),
				numberLine, text("initiative.doc.motto"), text("initiative.doc.mottoLine"),
				placeAndDate(place(issuer.name()), date == null ? access.today() : date), title, subtitle, lines, table, after,
				List.of(text("initiative.doc.recipients"), text("initiative.doc.recipient.authors"),
						text("initiative.doc.recipient.archive")),
				signFor, signRole, signer == null ? "" : signer);
	}

	private String number(ApplicationView a) {
		return a.decisionNo() == null || a.decisionNo().isBlank() ? text("initiative.doc.numberBlank")
				: text("initiative.doc.number", a.decisionNo());
	}

	private String authors(List<AuthorView> authors) {
		return authors.stream().map(AuthorView::fullName).collect(Collectors.joining(", "));
	}

	private static String share(AuthorView a) {
		return a.contribution().stripTrailingZeros().toPlainString();
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	/** Nghị định 30/2020: "ngày 05 tháng 3 năm 2026" — a zero before days under 10 and months 1 and 2. */
	static String placeAndDateText(String place, LocalDate d) {
		String day = d.getDayOfMonth() < 10 ? "0" + d.getDayOfMonth() : String.valueOf(d.getDayOfMonth());
		String month = d.getMonthValue() < 3 ? "0" + d.getMonthValue() : String.valueOf(d.getMonthValue());
		return place + ", ngày " + day + " tháng " + month + " năm " + d.getYear();
	}

	private String placeAndDate(String place, LocalDate d) {
		return nfc(placeAndDateText(place, d));
	}

	/** "Triệu Sơn" from "Huyện đoàn Triệu Sơn", "Thọ Dân" from "Đoàn xã Thọ Dân". */
	static String place(String unitName) {
		return unitName.replaceFirst("^(?i)(Huyện đoàn|Tỉnh đoàn|Thành đoàn|Đoàn xã|Đoàn phường|Đoàn thị trấn|Chi đoàn|Đoàn)\\s+", "");
	}

	/** "05/03/2026", as the papers and refusals write a day. */
	static String day(LocalDate d) {
		return d == null ? "" : String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
	}

	private static String upper(String s) {
		return nfc(s.toUpperCase(VI));
	}

	private String text(String key, Object... args) {
		return nfc(messages.getMessage(key, args, key, VI));
	}

	private static String nfc(String s) {
		return Normalizer.normalize(s, Normalizer.Form.NFC);
	}
}
