package vn.ideabank.quota.web;

import java.io.IOException;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.Messages;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.quota.YearPart;
import vn.ideabank.quota.Progress.CriterionScore;
import vn.ideabank.quota.Progress.UnitProgress;
import vn.ideabank.quota.ProgressService;
import vn.ideabank.quota.TargetService;
import vn.ideabank.quota.web.DashboardTables.Table;

/**
 * The dashboard: a unit's targets and progress for a year or period, its children (drill down by
 * following a child), breakdowns by month, field and target group, and the creativity criterion.
 * Every chart is drawn from the table under it; every table exports to .xlsx.
 */
@Controller
class DashboardPageController {

	private final ProgressService progress;

	private final TargetService targets;

	private final UnitService units;

	private final CurrentCaller callers;

	private final Messages messages;

	DashboardPageController(ProgressService progress, TargetService targets, UnitService units, CurrentCaller callers,
			Messages messages) {
		this.progress = progress;
		this.targets = targets;
		this.units = units;
		this.callers = callers;
		this.messages = messages;
	}

	@GetMapping("/dashboard")
	String dashboard(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) YearPart period, @RequestParam(required = false) Long target, Model model) {
		Caller caller = callers.get();
		long unit = unitId != null ? unitId : defaultUnit(units, caller);
		int y = year != null ? year : Year.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getValue();
		YearPart p = period != null ? period : YearPart.YEAR;
		UnitProgress data = progress.dashboard(caller, unit, y, p, target, ProgressService.today());
		List<CriterionScore> scores = progress.criterion(caller, unit, y);
		DashboardTables tables = new DashboardTables(messages);
		Map<String, Table> byId = new LinkedHashMap<>();
		for (Table t : tables.all(data, scores, child -> link("unitId", child))) {
			byId.put(t.id(), t);
		}
		model.addAttribute("data", data);
		model.addAttribute("tables", byId);
		model.addAttribute("exportLinks", exportLinks(unit, y, p, target));
		List<UnitView> ancestors = units.ancestors(caller, unit).stream().filter(a -> caller.sees(a.path())).toList();
		// the unit selector: the way up, the unit, its children, and the caller's own units (not the whole tree)
		Map<Long, UnitView> choices = new LinkedHashMap<>();
		ancestors.forEach(a -> choices.put(a.id(), a));
		choices.put(data.unit().id(), data.unit());
		data.children().forEach(c -> choices.put(c.unit().id(), c.unit()));
		units.findAll(caller.grants().stream().map(g -> g.unitId()).filter(java.util.Objects::nonNull).toList()).values()
			.forEach(u -> choices.putIfAbsent(u.id(), u));
		model.addAttribute("units", choices.values().stream()
			.sorted(java.util.Comparator.comparing(UnitView::path)).toList());
		model.addAttribute("baseDepth", choices.values().stream().mapToInt(UnitView::depth).min().orElse(0));
		model.addAttribute("ancestors", ancestors);
		model.addAttribute("unitId", unit);
		model.addAttribute("year", y);
		model.addAttribute("period", p);
		model.addAttribute("periods", YearPart.values());
		model.addAttribute("canSetPlan", targets.canSetPlan(caller, data.unit()));
		model.addAttribute("targetLabels", data.plan() == null ? Map.of()
				: data.plan().targets().stream().collect(java.util.stream.Collectors.toMap(t -> t.id(), tables::targetLabel,
						(a, b) -> a, LinkedHashMap::new)));
		model.addAttribute("formula", formula(data));
		return "quota/dashboard";
	}

	@GetMapping("/dashboard/export.xlsx")
	void export(@RequestParam long unitId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) YearPart period, @RequestParam(required = false) Long target,
			@RequestParam String table, HttpServletResponse response) throws IOException {
		Caller caller = callers.get();
		if (!DashboardTables.IDS.contains(table)) {
			throw new NotFoundException("target.error.notFound");
		}
		int y = year != null ? year : Year.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getValue();
		YearPart p = period != null ? period : YearPart.YEAR;
		UnitProgress data = progress.dashboard(caller, unitId, y, p, target, ProgressService.today());
		List<CriterionScore> scores = table.equals("criterion") ? progress.criterion(caller, unitId, y) : List.of();
		Table t = new DashboardTables(messages).all(data, scores, child -> null).stream()
			.filter(x -> x.id().equals(table)).findFirst().orElseThrow();
		vn.ideabank.common.web.StreamedDownload.send(response, "bang-dieu-khien-" + table + "-" + y + ".xlsx",
				vn.ideabank.common.web.StreamedDownload.XLSX, out -> DashboardTables.write(t, out));
	}

	/** The caller's topmost unit: that of their highest grant, or the root for a system-wide administrator. */
	static long defaultUnit(UnitService units, Caller caller) {
		return caller.grants().stream().filter(g -> g.unitId() != null)
			.min(java.util.Comparator.comparingInt((vn.ideabank.common.security.Grant g) -> g.unitPath().length()))
			.map(g -> g.unitId())
			.orElseGet(() -> units.list(caller, null, org.springframework.data.domain.PageRequest.of(0, 1,
					org.springframework.data.domain.Sort.by("path"))).stream().findFirst()
				.orElseThrow(ForbiddenException::new).id());
	}

	private String formula(UnitProgress data) {
		var w = data.plan() != null ? data.plan().weights() : null;
		var d = targets.defaultSettings();
		return messages.get("target.criterion.formula", w != null ? w.ideas() : d.weightIdeas(),
				(w != null ? w.ideasPerMember() : d.ideasPerMember()).toPlainString(), w != null ? w.models() : d.weightModels(),
				w != null ? w.contests() : d.weightContests(), w != null ? w.punctuality() : d.weightPunctuality());
	}

	private static Map<String, String> exportLinks(long unit, int year, YearPart period, Long target) {
		Map<String, String> links = new LinkedHashMap<>();
		for (String id : DashboardTables.IDS) {
			var b = org.springframework.web.util.UriComponentsBuilder.fromPath("/dashboard/export.xlsx").queryParam("unitId", unit)
				.queryParam("year", year).queryParam("period", period.name()).queryParam("table", id);
			if (target != null) {
				b.queryParam("target", target);
			}
			links.put(id, b.build().toUriString());
		}
		return links;
	}

	private static String link(String param, Object value) {
		return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam(param, value).replaceQueryParam("target")
			.build().toUriString().replaceFirst("^[a-z]+://[^/]+", "");
	}
}
