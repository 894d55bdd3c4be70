package vn.ideabank.report.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.PageSizes;
import vn.ideabank.common.web.PagedResponse;
import vn.ideabank.report.ChildStatus;
import vn.ideabank.report.ReportingPeriod;
import vn.ideabank.report.PeriodKind;
import vn.ideabank.report.PlanRequestView;
import vn.ideabank.report.PlanService;
import vn.ideabank.report.ProgressTable;
import vn.ideabank.report.ReportService;
import vn.ideabank.report.ReportStatus;
import vn.ideabank.report.ReportView;

@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "Plan requests and periodic reports of the caller's units")
class ReportApiController {

	private final PlanService plans;

	private final ReportService reports;

	private final CurrentCaller callers;

	ReportApiController(PlanService plans, ReportService reports, CurrentCaller callers) {
		this.plans = plans;
		this.reports = reports;
		this.callers = callers;
	}

	@GetMapping("/plans")
	@Operation(summary = "Plan requests made by or addressed to the caller's units")
	PagedResponse<PlanRequestView> plans(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return PagedResponse.of(plans.list(callers.get(), PageSizes.of(page, size, Sort.by(Sort.Direction.DESC, "deadline"))));
	}

	@GetMapping("/plans/{id}")
	@Operation(summary = "A plan request with the status of each addressed unit the caller may see")
	PlanService.PlanRequestDetails plan(@PathVariable long id) {
		return plans.get(callers.get(), id);
	}

	@GetMapping("/periodic")
	@Operation(summary = "Periodic reports of the caller's units, filtered and paginated")
	PagedResponse<ReportView> list(@RequestParam(required = false) PeriodKind kind, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) ReportStatus status, @RequestParam(required = false) Long unitId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return PagedResponse.of(reports.list(callers.get(), new ReportService.ReportFilter(kind, year, status, unitId),
				PageSizes.of(page, size, Sort.by(Sort.Direction.DESC, "year").and(Sort.by(Sort.Direction.DESC, "number")))));
	}

	@GetMapping("/periodic/{id}")
	@Operation(summary = "A periodic report with its figures (live for a draft, snapshotted once submitted)")
	ReportView get(@PathVariable long id) {
		return reports.get(callers.get(), id);
	}

	@GetMapping("/periodic/{id}/progress")
	@Operation(summary = "A periodic report's progress against the year's targets: frozen when submitted (frozen=true), live for a draft")
	ProgressTable progress(@PathVariable long id) {
		return reports.progress(callers.get(), id);
	}

	@GetMapping("/periodic/children")
	@Operation(summary = "Which direct children of a unit have submitted their report for a period")
	List<ChildStatus> children(@RequestParam long unitId, @RequestParam PeriodKind kind, @RequestParam int year,
			@RequestParam int number) {
		return reports.children(callers.get(), unitId, new ReportingPeriod(kind, year, number));
	}
}
