package vn.ideabank.report;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.ideabank.idea.IdeaCounts;
import vn.ideabank.idea.IdeaCounts.By;
import vn.ideabank.idea.IdeaCounts.Count;
import vn.ideabank.idea.IdeaCounts.Criteria;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;
import vn.ideabank.org.UnitView;

/**
 * The figures that pre-fill a report: ideas of the unit's subtree counted in the period's months
 * (from the idea module's {@link IdeaCounts}; this module counts nothing itself). The caller's
 * right to the unit is checked by {@link ReportService} before.
 */
@Component
class ReportStatistics {

	static final String TOTAL = "TOTAL";

	static final String STATUS = "STATUS";

	static final String FIELD = "FIELD";

	static final String GROUP = "GROUP";

	static final String PROPOSED = "report.stat.proposed";

	static final String APPLIED = "report.stat.applied";

	static final String NOT_SET = "report.stat.notSet";

	private final IdeaCounts counts;

	ReportStatistics(IdeaCounts counts) {
		this.counts = counts;
	}

	List<Figure> of(UnitView unit, ReportingPeriod period) {
		int from = period.firstDay().getMonthValue();
		int to = period.lastDay().getMonthValue();
		Criteria proposed = Criteria.statuses(IdeaCounts.PROPOSED).months(from, to);
		List<Figure> figures = new ArrayList<>();
		List<Count> byStatus = counts.count(unit, period.year(), By.STATUS, proposed);
		figures.add(new Figure(TOTAL, PROPOSED, byStatus.stream().mapToLong(Count::count).sum(), null));
		figures.add(new Figure(TOTAL, APPLIED, byStatus.stream()
			.filter(c -> IdeaCounts.APPLIED.contains(IdeaStatus.valueOf(c.key()))).mapToLong(Count::count).sum(), null));
		for (Count c : byStatus) {
			figures.add(new Figure(STATUS, IdeaStatus.valueOf(c.key()).messageKey(), c.count(), null));
		}
		for (Count c : counts.count(unit, period.year(), By.FIELD, proposed)) {
			figures.add(new Figure(FIELD, c.key().isEmpty() ? NOT_SET : SectorField.valueOf(c.key()).messageKey(), c.count(), null));
		}
		for (Count c : counts.count(unit, period.year(), By.TARGET_GROUP, proposed)) {
			figures.add(new Figure(GROUP, c.key().isEmpty() ? NOT_SET : TargetGroup.valueOf(c.key()).messageKey(), c.count(), null));
		}
		return figures;
	}

	/** The count of ideas proposed among the figures (0 when absent). */
	static long proposed(List<Figure> figures) {
		return figures.stream().filter(f -> f.labelKey().equals(PROPOSED)).mapToLong(Figure::value).findFirst().orElse(0);
	}

	/** Sums figures with the same group and label, keeping the first order seen. */
	static List<Figure> sum(List<List<Figure>> all) {
		java.util.LinkedHashMap<String, Figure> sums = new java.util.LinkedHashMap<>();
		for (List<Figure> figures : all) {
			for (Figure f : figures) {
				sums.merge(f.group() + "|" + f.labelKey(), f, (a, b) -> new Figure(a.group(), a.labelKey(), a.value() + b.value(),
						a.target() == null && b.target() == null ? null
								: (a.target() == null ? 0 : a.target()) + (b.target() == null ? 0 : b.target())));
			}
		}
		return List.copyOf(sums.values());
	}
}
