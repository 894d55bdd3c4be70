package vn.ideabank.initiative;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.xlsx.XlsxWriter;
import vn.ideabank.initiative.InitiativeService.RegisterFilter;
import vn.ideabank.initiative.InitiativeViews.ApplicationView;
import vn.ideabank.initiative.InitiativeViews.BenefitView;
import vn.ideabank.initiative.InitiativeViews.RegisterRow;

/** The register and the remuneration lines as .xlsx, with the lists' own scope (no description text in either). */
@Service
public class InitiativeExports {

	/** The largest register an export carries (one office's years of filings fit well below it). */
	static final int MAX_ROWS = 5000;

	private final InitiativeService applications;

	private final MessageSource messages;

	InitiativeExports(InitiativeService applications, MessageSource messages) {
		this.applications = applications;
		this.messages = messages;
	}

	public void register(Caller caller, RegisterFilter filter, OutputStream out) throws IOException {
		List<RegisterRow> rows = applications.register(caller, filter, 0, MAX_ROWS);
		XlsxWriter.export(out, text("initiative.register.title"),
				List.of(text("initiative.col.number"), text("initiative.col.receivedOn"), text("initiative.col.code"),
						text("initiative.col.title"), text("initiative.col.authors"), text("initiative.col.unit"),
						text("initiative.col.status"), text("initiative.col.dueOn"), text("initiative.col.reach"),
						text("initiative.col.later")),
				sink -> rows.forEach(r -> sink.row(r.registerNumber(), r.receivedOn(), r.ideaCode(), r.title(), r.authors(),
						r.unitName(), text(r.status().messageKey()), r.dueOn(),
						r.reach() == null ? null : text(r.reach().messageKey()), r.later() ? text("initiative.later") : null)));
	}

	public void benefits(Caller caller, long id, OutputStream out) throws IOException {
		ApplicationView a = applications.get(caller, id);
		List<BenefitView> rows = applications.benefits(caller, id);
		XlsxWriter.export(out, text("initiative.benefit.title"),
				List.of(text("initiative.col.code"), text("initiative.col.title"), text("initiative.col.yearNo"),
						text("initiative.col.gain"), text("initiative.col.transferPrice"), text("initiative.col.owed"),
						text("initiative.col.paid")),
				sink -> rows.forEach(b -> sink.row(a.ideaCode(), a.title(), b.yearNo(), b.gain(), b.transferPrice(),
						b.owed(), b.paid())));
	}

	private String text(String key) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, null, key, locale);
	}
}
