package vn.ideabank.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Roles;
import vn.ideabank.common.security.UnitScope;
import vn.ideabank.common.security.Grant;
import vn.ideabank.common.text.TextNormalizer;
import vn.ideabank.common.web.Dates;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.report.ReportCommands.WriteReport;

/**
 * Periodic reports: a unit's report for a period is pre-filled with its subtree's figures, written
 * as a draft, submitted to the parent (figures snapshotted), possibly returned with a comment. The
 * parent sees which children submitted and consolidates them in one click. A period closes a number
 * of days after its end, or earlier when a parent closes it for its subtree.
 */
@Service
@Transactional(readOnly = true)
public class ReportService {

	private final PeriodicReportRepository reports;

	private final ReportHistoryRepository history;

	private final ReportStatistics statistics;

	private final ReportProgress progress;

	private final UnitService units;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int closeAfterDays;

	private final int dueAfterDays;

	private final org.springframework.context.ApplicationEventPublisher events;

	ReportService(PeriodicReportRepository reports, ReportHistoryRepository history, ReportStatistics statistics,
			ReportProgress progress, UnitService units, JdbcClient jdbc, ObjectProvider<Clock> clock,
			@Value("${ideabank.reports.close-after-days:30}") int closeAfterDays,
			@Value("${ideabank.reports.due-after-days:5}") int dueAfterDays,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.reports = reports;
		this.history = history;
		this.statistics = statistics;
		this.progress = progress;
		this.units = units;
		this.jdbc = jdbc;
		this.clock = clock.getIfAvailable(() -> Clock.system(ZoneId.systemDefault()));
		this.closeAfterDays = closeAfterDays;
		this.dueAfterDays = dueAfterDays;
	}

	/** A report the caller is expected to write: its unit, period, due date and whether it exists yet. */
	public record ReportDue(long unitId, String unitName, ReportingPeriod period, LocalDate due, boolean overdue, Long reportId,
			ReportStatus status) {
	}

	/** Filters of the report list. */
	public record ReportFilter(PeriodKind kind, Integer year, ReportStatus status, Long unitId) {
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	public LocalDate dueDate(ReportingPeriod period) {
		return period.lastDay().plusDays(dueAfterDays);
	}

	// --- reads ---------------------------------------------------------------------------------

	public ReportView get(Caller caller, long id) {
		PeriodicReport report = load(id);
		requireStaff(caller, report.unitPath());
		return view(report);
	}

	/** The progress table: as stored on submission (what the unit sent), else counted now (a draft, returned, pre-V108). */
	public ProgressTable progress(Caller caller, long id) {
		PeriodicReport report = load(id);
		requireStaff(caller, report.unitPath());
		List<ProgressTable.Row> stored = report.status() == ReportStatus.SUBMITTED ? report.progressSnapshot() : List.of();
		return !stored.isEmpty() ? new ProgressTable(true, stored) : new ProgressTable(false,
				progress.count(caller, report.unitId(), report.period(), ReportStatistics.proposed(view(report).figures())));
	}

	public List<ReportHistoryView> history(Caller caller, long id) {
		PeriodicReport report = load(id);
		requireStaff(caller, report.unitPath());
		return history.findByReportIdOrderByAtAscIdAsc(id).stream().map(ReportHistoryEntry::view).toList();
	}

	/** Reports of units in the caller's subtrees, filtered and paginated in SQL. */
	public Page<ReportView> list(Caller caller, ReportFilter filter, Pageable pageable) {
		UnitScope scope = UnitScope.of(caller, Roles.STAFF);
		Specification<PeriodicReport> spec = (root, q, cb) -> {
			List<jakarta.persistence.criteria.Predicate> p = new ArrayList<>();
			p.add(scope.predicate(cb, root.get("unitPath")));
			if (filter.kind() != null) {
				p.add(cb.equal(root.get("kind"), filter.kind()));
			}
			if (filter.year() != null) {
				p.add(cb.equal(root.get("year"), filter.year()));
			}
			if (filter.status() != null) {
				p.add(cb.equal(root.get("status"), filter.status()));
			}
			if (filter.unitId() != null) {
				p.add(cb.equal(root.get("unitId"), filter.unitId()));
			}
			return cb.and(p.toArray(jakarta.persistence.criteria.Predicate[]::new));
		};
		Page<PeriodicReport> page = reports.findAll(spec, pageable);
		Map<Long, UnitView> names = units.findAll(page.getContent().stream().map(PeriodicReport::unitId).distinct().toList());
		// lists show the stored figures only (no live counting per row)
		return page.map(r -> r.view(nameOf(names, r.unitId()), r.snapshot()));
	}

	/** The direct children of the unit and whether each has submitted its report for the period. */
	public List<ChildStatus> children(Caller caller, long unitId, ReportingPeriod period) {
		UnitView unit = unit(unitId);
		requireStaff(caller, unit.path());
		List<UnitView> children = units.children(caller, unitId).stream().filter(UnitView::active).toList();
		Map<Long, PeriodicReport> byUnit = children.isEmpty() ? Map.of()
				: reports.findForUnits(children.stream().map(UnitView::id).toList(), period.kind(), period.year(), period.number())
					.stream().collect(Collectors.toMap(PeriodicReport::unitId, Function.identity()));
		return children.stream().map(c -> {
			PeriodicReport r = byUnit.get(c.id());
			return new ChildStatus(c.id(), c.code(), c.name(), r == null ? null : r.id(), r == null ? null : r.status(),
					r == null || r.status() != ReportStatus.SUBMITTED ? null : r.view(c.name(), List.of()).submittedAt());
		}).toList();
	}

	/** The report of the unit for the period, if one exists and the caller may read it. */
	public java.util.Optional<ReportView> find(Caller caller, long unitId, ReportingPeriod period) {
		UnitView unit = unit(unitId);
		requireStaff(caller, unit.path());
		return reports.findFor(unitId, period.kind(), period.year(), period.number()).map(this::view);
	}

	/** Whether the period no longer takes submissions from the unit, and why (a message key), or null. */
	public String closedReason(long unitId, ReportingPeriod period) {
		UnitView unit = unit(unitId);
		if (today().isAfter(period.lastDay().plusDays(closeAfterDays))) {
			return "report.error.periodClosed";
		}
		Long closures = jdbc.sql("""
				select count(*) from report_period_closure
				 where unit_path in (:paths) and unit_id <> :unit and period_kind = :kind and period_year = :year and period_no = :no""")
			.param("paths", UnitScope.pathAndAncestors(unit.path())).param("unit", unitId).param("kind", period.kind().name())
			.param("year", period.year()).param("no", period.number()).query(Long.class).single();
		return closures > 0 ? "report.error.periodClosedByParent" : null;
	}

	/** Units whose reports the caller writes: the units of its office and unit-officer grants. */
	public List<UnitView> reportingUnits(Caller caller) {
		List<Long> ids = caller.grantsFor(Roles.STAFF).stream().map(Grant::unitId).filter(Objects::nonNull).distinct().toList();
		Map<Long, UnitView> found = units.findAll(ids);
		return ids.stream().map(found::get).filter(Objects::nonNull).filter(UnitView::active).toList();
	}

	/** The to-do list: for each unit the caller reports for, the last ended period of each kind not yet submitted. */
	public List<ReportDue> pending(Caller caller) {
		LocalDate today = today();
		List<ReportDue> due = new ArrayList<>();
		for (UnitView unit : reportingUnits(caller)) {
			for (PeriodKind kind : PeriodKind.values()) {
				ReportingPeriod p = ReportingPeriod.containing(kind, today).previous();
				if (closedReason(unit.id(), p) != null) {
					continue;
				}
				var existing = reports.findFor(unit.id(), kind, p.year(), p.number());
				if (existing.isPresent() && existing.get().status() == ReportStatus.SUBMITTED) {
					continue;
				}
				LocalDate d = dueDate(p);
				due.add(new ReportDue(unit.id(), unit.name(), p, d, today.isAfter(d), existing.map(PeriodicReport::id).orElse(null),
						existing.map(PeriodicReport::status).orElse(null)));
			}
		}
		due.sort(Comparator.comparing(ReportDue::due));
		return due;
	}

	// --- commands ------------------------------------------------------------------------------

	/** The unit's report for the period, created as a draft the first time (refused for a closed period). */
	@Transactional
	public ReportView open(Caller caller, long unitId, ReportingPeriod period) {
		UnitView unit = unit(unitId);
		requireStaff(caller, unit.path());
		var existing = reports.findFor(unitId, period.kind(), period.year(), period.number());
		if (existing.isPresent()) {
			return view(existing.get());
		}
		refuseIfClosed(unitId, period);
		if (period.firstDay().isAfter(today())) {
			throw new BusinessException("number", "report.error.periodInFuture");
		}
		try {
			PeriodicReport created = reports.saveAndFlush(new PeriodicReport(unitId, unit.path(), period, caller.accountId()));
			record(caller, created, null, ReportStatus.DRAFT, null);
			return view(created);
		}
		catch (DataIntegrityViolationException e) {
			throw new ObjectOptimisticLockingFailureException(PeriodicReport.class, unitId);
		}
	}

	@Transactional
	public ReportView write(Caller caller, long id, WriteReport command) {
		PeriodicReport report = load(id);
		requireStaff(caller, report.unitPath());
		checkVersion(report, command.version());
		if (!report.status().editable()) {
			throw new BusinessException("report.error.notEditable");
		}
		report.write(new WriteReport(command.version(), text(command.results()), text(command.goodModels()),
				text(command.difficulties()), text(command.proposals()), text(command.numberSymbol()),
				text(command.signerName()), text(command.placeName())));
		reports.saveAndFlush(report);
		return view(report);
	}

	/** Saves what was typed and submits it, together or not at all ("Nộp báo cáo" submits what is on the screen). */
	@Transactional
	public ReportView writeAndSubmit(Caller caller, long id, WriteReport command) {
		ReportView written = write(caller, id, command);
		return submit(caller, id, written.version());
	}

	/** Sends the report to the parent: its figures and progress table, as the submitter sees them, are stored for good. */
	@Transactional
	public ReportView submit(Caller caller, long id, long version) {
		PeriodicReport report = load(id);
		requireStaff(caller, report.unitPath());
		checkVersion(report, version);
		if (!report.status().editable()) {
			throw new BusinessException("report.error.alreadySubmitted");
		}
		refuseIfClosed(report.unitId(), report.period());
		ReportStatus from = report.status();
		List<Figure> figures = statistics.of(unit(report.unitId()), report.period());
		report.submit(figures, progress.count(caller, report.unitId(), report.period(), ReportStatistics.proposed(figures)),
				caller.accountId(), clock.instant());
		reports.saveAndFlush(report);
		record(caller, report, from, ReportStatus.SUBMITTED, null);
		return view(report);
	}

	/** The parent's office sends a submitted report back for revision, with a comment. */
	@Transactional
	public ReportView returnForRevision(Caller caller, long id, long version, String comment) {
		PeriodicReport report = load(id);
		String parentPath = parentPath(report.unitPath());
		if (parentPath == null || !caller.can(parentPath, Roles.OFFICE)) {
			throw new ForbiddenException();
		}
		checkVersion(report, version);
		if (report.status() != ReportStatus.SUBMITTED) {
			throw new BusinessException("report.error.notSubmitted");
		}
		String why = text(comment);
		if (why == null) {
			throw new BusinessException("comment", "report.error.commentRequired");
		}
		report.returnForRevision(why);
		reports.saveAndFlush(report);
		record(caller, report, ReportStatus.SUBMITTED, ReportStatus.RETURNED, why);
		events.publishEvent(new ReportEvents.ReportReturned(report.id(), report.unitId(), report.period().messageKey(), java.util.Arrays.stream(report.period().messageArgs()).map(String::valueOf).toList(), why, caller.accountId()));
		return view(report);
	}

	/** The office of a unit closes the period for the units below it: they can no longer submit. */
	@Transactional
	public void closePeriod(Caller caller, long unitId, ReportingPeriod period) {
		UnitView unit = unit(unitId);
		if (!caller.can(unit.path(), Roles.OFFICE)) {
			throw new ForbiddenException();
		}
		jdbc.sql("""
				insert into report_period_closure (unit_id, unit_path, period_kind, period_year, period_no, closed_by)
				values (:unit, :path, :kind, :year, :no, :by) on conflict do nothing""")
			.param("unit", unitId).param("path", unit.path()).param("kind", period.kind().name())
			.param("year", period.year()).param("no", period.number()).param("by", caller.accountId()).update();
	}

	/**
	 * "Báo cáo tổng hợp": the unit's own report for the period, marked consolidated, with the narratives
	 * of its children's submitted reports grouped by unit; its figures are those of the whole subtree.
	 */
	@Transactional
	public ReportView consolidate(Caller caller, long unitId, ReportingPeriod period) {
		ReportView opened = open(caller, unitId, period);
		PeriodicReport report = load(opened.id());
		if (!report.status().editable()) {
			throw new BusinessException("report.error.alreadySubmitted");
		}
		List<ChildStatus> children = children(caller, unitId, period);
		List<Long> submitted = children.stream().filter(ChildStatus::submitted).map(ChildStatus::reportId).toList();
		Map<Long, PeriodicReport> byId = reports.findAllById(submitted).stream()
			.collect(Collectors.toMap(PeriodicReport::id, Function.identity()));
		List<ChildPart> parts = new ArrayList<>();
		for (ChildStatus c : children) {
			PeriodicReport r = c.reportId() == null ? null : byId.get(c.reportId());
			if (r != null) {
				ReportView v = r.view(c.unitName(), List.of());
				parts.add(new ChildPart(c.unitId(), c.unitName(), v.results(), v.goodModels(), v.difficulties(), v.proposals()));
			}
		}
		report.consolidate(parts);
		reports.saveAndFlush(report);
		return view(report);
	}

	// --- rules ---------------------------------------------------------------------------------

	private ReportView view(PeriodicReport r) {
		UnitView unit = unit(r.unitId());
		List<Figure> figures = r.status() == ReportStatus.SUBMITTED ? r.snapshot() : statistics.of(unit, r.period());
		return r.view(unit.name(), figures);
	}

	private void refuseIfClosed(long unitId, ReportingPeriod period) {
		String reason = closedReason(unitId, period);
		if (reason != null) {
			throw new BusinessException("number", reason, Dates.DAY.format(period.lastDay().plusDays(closeAfterDays + 1L)));
		}
	}

	private void record(Caller caller, PeriodicReport r, ReportStatus from, ReportStatus to, String comment) {
		history.save(new ReportHistoryEntry(r.id(), caller.accountId(), caller.displayName(), from, to, comment));
	}

	private static void checkVersion(PeriodicReport r, long version) {
		if (r.version() != version) {
			throw new ObjectOptimisticLockingFailureException(PeriodicReport.class, r.id());
		}
	}

	private static void requireStaff(Caller caller, String unitPath) {
		if (!caller.can(unitPath, Roles.STAFF)) {
			throw new ForbiddenException();
		}
	}

	static String parentPath(String path) {
		String trimmed = path.substring(0, path.length() - 1);
		int slash = trimmed.lastIndexOf('/');
		return slash <= 0 ? null : trimmed.substring(0, slash + 1);
	}

	private PeriodicReport load(long id) {
		return reports.findById(id).orElseThrow(() -> new NotFoundException("report.error.notFound"));
	}

	private UnitView unit(long id) {
		return units.find(id).orElseThrow(() -> new NotFoundException("report.error.unitNotFound"));
	}

	private static String text(String s) {
		return TextNormalizer.normalizeToNull(s);
	}

	private static String nameOf(Map<Long, UnitView> names, long id) {
		return names.containsKey(id) ? names.get(id).name() : "#" + id;
	}
}
