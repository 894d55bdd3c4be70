package vn.ideabank.review.web;

import java.io.IOException;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.Dates;
import vn.ideabank.common.web.Messages;
import vn.ideabank.common.web.PageSizes;
import vn.ideabank.common.web.Pager;
import vn.ideabank.common.xlsx.XlsxWriter;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/** "Mô hình áp dụng hiệu quả": the yearly list of applied ideas in the caller's scope, with evidence, and its .xlsx. */
@Controller
class AppliedModelsController {

	private static final Sort ORDER = Sort.by("unitPath", "code");

	private final IdeaService ideas;

	private final UnitService units;

	private final CurrentCaller callers;

	private final Messages messages;

	AppliedModelsController(IdeaService ideas, UnitService units, CurrentCaller callers, Messages messages) {
		this.ideas = ideas;
		this.units = units;
		this.callers = callers;
		this.messages = messages;
	}

	@GetMapping("/reviews/applied")
	String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		Caller caller = callers.get();
		int y = year == null ? Year.now().getValue() : year;
		Page<IdeaView> found = ideas.appliedModels(caller, null, y, PageSizes.of(page, size, ORDER));
		model.addAttribute("year", y);
		model.addAttribute("pager", Pager.of(found));
		model.addAttribute("unitNames", units.findAll(found.getContent().stream().map(IdeaView::unitId).distinct().toList()));
		return "review/applied";
	}

	@GetMapping("/reviews/applied.xlsx")
	void export(@RequestParam(required = false) Integer year, HttpServletResponse response) throws IOException {
		Caller caller = callers.get();
		int y = year == null ? Year.now().getValue() : year;
		DateTimeFormatter date = Dates.DAY;
		vn.ideabank.common.web.StreamedDownload.send(response, "mo-hinh-ap-dung-" + y + ".xlsx",
				vn.ideabank.common.web.StreamedDownload.XLSX, out -> XlsxWriter.export(out, messages.get("review.applied.sheet"), List.of(
				messages.get("review.applied.col.code"), messages.get("review.applied.col.title"),
				messages.get("review.applied.col.unit"), messages.get("review.applied.col.where"),
				messages.get("review.applied.col.since"), messages.get("review.applied.col.effect"),
				messages.get("review.applied.col.status")), sink -> {
					for (int p = 0;; p++) {
						Page<IdeaView> chunk = ideas.appliedModels(caller, null, y, PageRequest.of(p, 500, ORDER));
						var names = units.findAll(chunk.getContent().stream().map(IdeaView::unitId).distinct().toList());
						for (IdeaView i : chunk) {
							UnitView unit = names.get(i.unitId());
							sink.row(i.code(), i.title(), unit == null ? "" : unit.name(), i.appliedWhere(),
									i.appliedSince() == null ? "" : i.appliedSince().format(date), i.appliedEffect(),
									messages.get(i.status().messageKey()));
						}
						if (!chunk.hasNext()) {
							return;
						}
					}
				}));
	}
}
