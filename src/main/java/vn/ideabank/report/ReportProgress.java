package vn.ideabank.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.quota.Progress;
import vn.ideabank.quota.ProgressService;
import vn.ideabank.quota.TargetKind;
import vn.ideabank.quota.YearPart;

/**
 * Counts a report's progress rows from the {@code quota} module's {@link ProgressService} (this module counts nothing
 * itself): every target of the plan governing the unit for the report's part of the year, then every standard kind
 * without a target with what was done. {@link ReportService} stores them on submission and reads them live for drafts.
 */
@Component
class ReportProgress {

	private final ProgressService progress;

	ReportProgress(ProgressService progress) {
		this.progress = progress;
	}

	/** The rows as counted now, as the caller may see them; {@code proposed} stands in for an untracked idea count. */
	List<ProgressTable.Row> count(Caller caller, long unitId, ReportingPeriod period, long proposed) {
		YearPart part = yearPart(period);
		List<Progress.Line> lines;
		Map<TargetKind, Long> actuals;
		try {
			lines = progress.progress(caller, unitId, period.year(), part);
			actuals = progress.actuals(caller, unitId, period.year(), part);
		}
		catch (BusinessException e) {
			// a reader who sees the report but not the unit's quotas (a parent's officer): figures without targets
			lines = List.of();
			actuals = new EnumMap<>(TargetKind.class);
		}
		List<ProgressTable.Row> rows = new ArrayList<>();
		Set<TargetKind> shown = EnumSet.noneOf(TargetKind.class);
		for (Progress.Line l : lines) {
			TargetKind kind = l.target().kind();
			shown.add(kind);
			rows.add(new ProgressTable.Row(kind, kind == TargetKind.CUSTOM ? l.target().name() : null, true, l.share(),
					l.periodTarget(), l.actual()));
		}
		// every standard kind appears, even without a target this year, with what was done
		for (TargetKind kind : TargetKind.values()) {
			if (kind != TargetKind.CUSTOM && !shown.contains(kind)) {
				Long actual = actuals.get(kind);
				if (kind == TargetKind.IDEAS_PROPOSED && actual == null) {
					actual = proposed;
				}
				rows.add(new ProgressTable.Row(kind, null, false, null, null, actual));
			}
		}
		return rows;
	}

	/** The part of the plan year a period covers; a month is read against the whole year's targets. */
	static YearPart yearPart(ReportingPeriod p) {
		return switch (p.kind()) {
			case QUY -> YearPart.values()[YearPart.Q1.ordinal() + p.number() - 1];
			case SAU_THANG -> p.number() == 1 ? YearPart.H1 : YearPart.H2;
			case NAM, THANG -> YearPart.YEAR;
		};
	}
}
