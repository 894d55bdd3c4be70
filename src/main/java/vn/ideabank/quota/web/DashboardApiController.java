package vn.ideabank.quota.web;

import java.time.Year;
import java.time.ZoneId;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.org.UnitService;
import vn.ideabank.quota.YearPart;
import vn.ideabank.quota.Progress.CriterionScore;
import vn.ideabank.quota.Progress.UnitProgress;
import vn.ideabank.quota.ProgressService;

@RestController
@RequestMapping("/api/v1/dashboard")
@Tag(name = "Dashboard", description = "Progress against targets, computed from records, for a unit's subtree")
class DashboardApiController {

	/** The dashboard's data; in each line {@code actual} is null when the kind is not tracked yet. */
	record DashboardResponse(UnitProgress progress, List<CriterionScore> criterion) {
	}

	private final ProgressService progress;

	private final UnitService units;

	private final CurrentCaller callers;

	DashboardApiController(ProgressService progress, UnitService units, CurrentCaller callers) {
		this.progress = progress;
		this.units = units;
		this.callers = callers;
	}

	@GetMapping
	@Operation(summary = "Targets, expected by today and actual for the unit (default: the caller's first unit), its children "
			+ "(behind schedule first), months, fields, target groups and the creativity criterion")
	DashboardResponse get(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) YearPart period, @RequestParam(required = false) Long target) {
		Caller caller = callers.get();
		long unit = unitId != null ? unitId : DashboardPageController.defaultUnit(units, caller);
		int y = year != null ? year : Year.now(ZoneId.of("Asia/Ho_Chi_Minh")).getValue();
		UnitProgress data = progress.dashboard(caller, unit, y, period != null ? period : YearPart.YEAR, target,
				ProgressService.today());
		return new DashboardResponse(data, progress.criterion(caller, unit, y));
	}
}
