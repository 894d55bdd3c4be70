package vn.ideabank.programme.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.Messages;
import vn.ideabank.common.web.PageSizes;
import vn.ideabank.common.web.Pager;
import vn.ideabank.common.web.StreamedDownload;
import vn.ideabank.common.xlsx.XlsxWriter;
import vn.ideabank.idea.IdeaReferences;
import vn.ideabank.member.MemberReferences;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.programme.ProgrammeService;
import vn.ideabank.programme.ProgrammeService.Filter;

/**
 * What the programme page controllers (startups, clubs, funds, IP registrations) share: a list page, its .xlsx
 * export, the create/edit form around a record, and the top of a detail page.
 */
@Component
class ProgrammePages {

	/** The notice shown after any programme form is saved. */
	static final String SAVED = "programme.notice.saved";

	private final ProgrammeService programme;

	private final UnitService units;

	private final CurrentCaller callers;

	private final Messages messages;

	private final IdeaReferences ideaReferences;

	private final MemberReferences memberReferences;

	ProgrammePages(ProgrammeService programme, UnitService units, CurrentCaller callers, Messages messages,
			IdeaReferences ideaReferences, MemberReferences memberReferences) {
		this.memberReferences = memberReferences;
		this.ideaReferences = ideaReferences;
		this.programme = programme;
		this.units = units;
		this.callers = callers;
		this.messages = messages;
	}

	interface Lister<T> {

		Page<T> page(Caller caller, Filter filter, Pageable pageable);
	}

	interface Chunks<T> {

		void forEach(Caller caller, Filter filter, Consumer<List<T>> chunk);
	}

	/** A page of one of the lists, filtered in SQL by the caller's scope, with the list fragment's model. */
	<T> String list(Filter filter, Integer page, Integer size, Model model, String view, Lister<T> lister) {
		Caller caller = callers.get();
		model.addAttribute("items", Pager.of(lister.page(caller, filter, PageSizes.of(page, size, Sort.unsorted()))));
		model.addAttribute("filter", filter);
		model.addAttribute("units", units.visible(caller));
		model.addAttribute("canCreate", !programme.editableUnits(caller).isEmpty());
		model.addAttribute("unitNames", unitNames(caller));
		return view;
	}

	/** Streams one of the lists as .xlsx: a header row from the message keys, then a row per record. */
	<T> void export(HttpServletResponse response, String file, String titleKey, Filter filter, Chunks<T> source,
			BiFunction<T, Map<Long, String>, Object[]> row, String... headerKeys) throws IOException {
		Caller caller = callers.get();
		Map<Long, String> names = unitNames(caller);
		if (filter.unitId() != null) {
			units.get(caller, filter.unitId()); // refuses another unit's list before the file starts
		}
		StreamedDownload.send(response, file, StreamedDownload.XLSX, out -> XlsxWriter.export(out, messages.get(titleKey),
				Arrays.stream(headerKeys).map(messages::get).toList(),
				sink -> source.forEach(caller, filter, chunk -> chunk.forEach(r -> sink.row(row.apply(r, names))))));
	}

	/** The first unit a new record may go to (403 when the caller edits none). */
	Long firstEditableUnit(Caller caller) {
		return editable(caller).get(0).id();
	}

	/** Shows the edit form of a record in a unit the caller edits (403 otherwise). */
	String openEdit(Caller caller, Model model, long id, String unitPath, Object form, String view) {
		if (!programme.canEdit(caller, unitPath)) {
			throw new ForbiddenException();
		}
		model.addAttribute("form", form);
		return form(caller, model, id, view);
	}

	/** A create form, or with {@code editId} the same template as an edit form posting to {@code …/{id}/edit}. */
	String form(Caller caller, Model model, Long editId, String view) {
		model.addAttribute("editId", editId);
		model.addAttribute("units", editable(caller));
		return view;
	}

	/** The top of a record's page: its details, its unit and whether the caller may change it. */
	String detail(Caller caller, Model model, Object details, long unitId, String unitPath, String view) {
		model.addAttribute("details", details);
		model.addAttribute("unit", units.find(unitId).orElse(null));
		model.addAttribute("canEdit", programme.canEdit(caller, unitPath));
		return view;
	}

	Map<Long, String> unitNames(Caller caller) {
		return units.visible(caller).stream().collect(Collectors.toMap(UnitView::id, UnitView::name, (a, b) -> a));
	}

	private List<UnitView> editable(Caller caller) {
		List<UnitView> editable = programme.editableUnits(caller);
		if (editable.isEmpty()) {
			throw new ForbiddenException();
		}
		return editable;
	}

	/** What a person typed to name an idea (its code or number, see {@link IdeaReferences#resolve}); blank is none. */
	Long ideaOf(Caller caller, String typed, String field) {
		return typed == null || typed.isBlank() ? null : ideaReferences.resolve(caller, typed, field);
	}

	/** What a person typed in a member picker (see {@link MemberReferences#resolve}); blank is none. */
	Long memberOf(Caller caller, String typed, String field) {
		return memberReferences.resolve(caller, typed, field);
	}

	/** "12, TS-2026-000001" → the ideas' ids, each as {@link #ideaOf}. */
	java.util.List<Long> ideasOf(Caller caller, String typed, String field) {
		if (typed == null || typed.isBlank()) {
			return java.util.List.of();
		}
		return java.util.Arrays.stream(typed.split("[ ,;]+")).filter(s -> !s.isBlank())
			.map(ref -> ideaOf(caller, ref, field)).distinct().toList();
	}
}
