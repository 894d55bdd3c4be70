package vn.ideabank.quota;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.text.Collator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.IdeaCounts;
import vn.ideabank.idea.IdeaCounts.By;
import vn.ideabank.idea.IdeaCounts.Count;
import vn.ideabank.idea.IdeaCounts.Criteria;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.quota.Progress.ChildLine;
import vn.ideabank.quota.Progress.CriterionPart;
import vn.ideabank.quota.Progress.CriterionScore;
import vn.ideabank.quota.Progress.Line;
import vn.ideabank.quota.Progress.UnitProgress;
import vn.ideabank.quota.TargetViews.PlanView;
import vn.ideabank.quota.TargetViews.TargetView;
import vn.ideabank.quota.TargetViews.Weights;

/**
 * Progress of a unit's subtree against its targets, computed from records by the
 * {@link TargetCounter}s (never typed in), and the creativity criterion. "Expected by today" is the
 * share × the fraction of the year's days elapsed within the period (rounded up); units behind
 * schedule (actual below expected) come first.
 */
@Service
@Transactional(readOnly = true)
public class ProgressService {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final Collator VI = Collator.getInstance(Locale.forLanguageTag("vi"));

	private final TargetService targets;

	private final UnitService units;

	private final IdeaCounts counts;

	private final Map<TargetKind, TargetCounter> counters = new EnumMap<>(TargetKind.class);

	private final Map<String, CriterionInput> inputs = new LinkedHashMap<>();

	ProgressService(TargetService targets, UnitService units, IdeaCounts counts, List<TargetCounter> counters,
			List<CriterionInput> inputs) {
		this.targets = targets;
		this.units = units;
		this.counts = counts;
		for (TargetCounter c : counters) {
			c.kinds().forEach(k -> this.counters.putIfAbsent(k, c));
		}
		inputs.forEach(i -> this.inputs.putIfAbsent(i.key(), i));
	}

	/** Whether some module counts this kind; otherwise it is shown as not tracked yet. */
	public boolean tracked(TargetKind kind) {
		return counters.containsKey(kind);
	}

	public static LocalDate today() {
		return LocalDate.now(VIETNAM);
	}

	/** The targets of the plan governing the unit, with the unit's share, expected and actual for the period. */
	public List<Line> progress(Caller caller, long unitId, int year, YearPart period) {
		return dashboard(caller, unitId, year, period, null, today()).lines();
	}

	/** Everything the dashboard shows for a unit; {@code childTargetId} picks the target of the children table. */
	public UnitProgress dashboard(Caller caller, long unitId, int year, YearPart period, Long childTargetId, LocalDate today) {
		UnitView unit = visible(caller, unitId);
		Optional<PlanView> plan = targets.governingPlan(unit, year);
		List<UnitView> children = units.children(caller, unit.id()).stream().filter(UnitView::active).toList();
		List<Line> lines = new ArrayList<>();
		TargetView childTarget = null;
		Map<Long, Long> childActuals = null;
		Map<Long, Long> childShares = Map.of();
		if (plan.isPresent()) {
			for (TargetView t : plan.get().targets()) {
				Map<Long, Long> shares = targets.shares(t, plan.get());
				Long share = shares.get(unit.id());
				Map<Long, Long> byChild = count(t.rule(), unit, year, period);
				lines.add(line(t, share, byChild == null ? null : sum(byChild), year, period, today));
				boolean pick = childTargetId == null ? childTarget == null && byChild != null : t.id() == childTargetId;
				if (pick) {
					childTarget = t;
					childActuals = byChild;
					childShares = shares;
				}
			}
		}
		if (childActuals == null) {
			childActuals = count(TargetRule.of(TargetKind.IDEAS_PROPOSED), unit, year, period);
		}
		List<ChildLine> childLines = new ArrayList<>();
		for (UnitView child : children) {
			Long actual = childActuals == null ? null : childActuals.getOrDefault(child.id(), 0L);
			childLines.add(new ChildLine(child, line(childTarget, childShares.get(child.id()), actual, year, period, today)));
		}
		childLines.sort(Comparator.comparing((ChildLine c) -> !c.line().behind())
			.thenComparingDouble(c -> ratio(c.line()))
			.thenComparing(c -> c.unit().name(), VI));
		Criteria proposed = Criteria.statuses(IdeaCounts.PROPOSED).months(period.fromMonth(), period.toMonth());
		return new UnitProgress(unit, year, period, plan.orElse(null), lines, childTarget, childLines,
				byMonth(TargetRule.of(TargetKind.IDEAS_PROPOSED), unit, year),
				byMonth(TargetRule.of(TargetKind.MODELS_APPLIED), unit, year), keyed(counts.count(unit, year, By.FIELD, proposed)),
				keyed(counts.count(unit, year, By.TARGET_GROUP, proposed)));
	}

	/**
	 * What the counters count in the unit's subtree for the period, for every standard kind a counter tracks, whether
	 * or not the year's plan sets a target for it (a report lists contests, startups and clubs either way).
	 */
	public Map<TargetKind, Long> actuals(Caller caller, long unitId, int year, YearPart period) {
		UnitView unit = visible(caller, unitId);
		Map<TargetKind, Long> actuals = new java.util.EnumMap<>(TargetKind.class);
		for (TargetKind kind : TargetKind.values()) {
			if (kind != TargetKind.CUSTOM) {
				Map<Long, Long> byChild = count(TargetRule.of(kind), unit, year, period);
				if (byChild != null) {
					actuals.put(kind, sum(byChild));
				}
			}
		}
		return actuals;
	}

	/** The creativity criterion of the unit itself and each of its active children, for the year. */
	public List<CriterionScore> criterion(Caller caller, long unitId, int year) {
		UnitView unit = visible(caller, unitId);
		Optional<PlanView> plan = targets.governingPlan(unit, year);
		Weights w = plan.map(PlanView::weights).orElseGet(() -> {
			var d = targets.defaultSettings();
			return new Weights(d.weightIdeas(), d.weightModels(), d.weightContests(), d.weightPunctuality(), d.ideasPerMember());
		});
		Map<Long, Long> proposed = count(TargetRule.of(TargetKind.IDEAS_PROPOSED), unit, year, YearPart.YEAR);
		Map<Long, Long> applied = count(TargetRule.of(TargetKind.MODELS_APPLIED), unit, year, YearPart.YEAR);
		Map<Long, Long> modelShares = plan.flatMap(p -> p.targets().stream().filter(t -> t.kind() == TargetKind.MODELS_APPLIED)
			.findFirst().map(t -> targets.shares(t, p))).orElse(Map.of());
		List<UnitView> scored = new ArrayList<>();
		scored.add(unit);
		units.children(caller, unit.id()).stream().filter(UnitView::active).forEach(scored::add);
		List<CriterionScore> result = new ArrayList<>();
		for (UnitView u : scored) {
			boolean self = u.id() == unit.id();
			long ideas = self ? sum(proposed) : proposed.getOrDefault(u.id(), 0L);
			long models = self ? sum(applied) : applied.getOrDefault(u.id(), 0L);
			result.add(score(u, w, ideas, models, modelShares.get(u.id()), year));
		}
		return result;
	}

	CriterionScore score(UnitView unit, Weights w, long ideas, long models, Long modelShare, int year) {
		List<CriterionPart> parts = new ArrayList<>();
		if (w.ideasPerMember().signum() == 0) {
			parts.add(CriterionPart.noQuota("IDEAS", w.ideas()));
		}
		else if (unit.memberCount() > 0) {
			double perMember = ideas / (double) unit.memberCount();
			double fraction = Math.min(1, perMember / w.ideasPerMember().doubleValue());
			parts.add(new CriterionPart("IDEAS", true, w.ideas() * fraction, w.ideas(),
					"%d / %d = %s".formatted(ideas, unit.memberCount(), new BigDecimal(perMember).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString())));
		}
		else {
			parts.add(new CriterionPart("IDEAS", false, 0, w.ideas(), null));
		}
		if (modelShare != null && modelShare == 0) {
			parts.add(CriterionPart.noQuota("MODELS", w.models()));
		}
		else {
			double modelFraction = modelShare == null ? Math.min(1, models) : Math.min(1, models / (double) modelShare);
			parts.add(new CriterionPart("MODELS", true, w.models() * modelFraction, w.models(),
					modelShare == null ? Long.toString(models) : models + " / " + modelShare));
		}
		for (String key : List.of(CriterionInput.CONTESTS, CriterionInput.PUNCTUALITY)) {
			int weight = key.equals(CriterionInput.CONTESTS) ? w.contests() : w.punctuality();
			CriterionInput input = inputs.get(key);
			OptionalDouble value = input == null ? OptionalDouble.empty() : input.value(unit, year);
			if (value.isPresent()) {
				double v = Math.max(0, Math.min(1, value.getAsDouble()));
				parts.add(new CriterionPart(key, true, weight * v, weight, Math.round(v * 100) + "%"));
			}
			else {
				parts.add(new CriterionPart(key, false, 0, weight, null));
			}
		}
		double points = parts.stream().filter(CriterionPart::tracked).mapToDouble(CriterionPart::points).sum();
		int max = parts.stream().filter(CriterionPart::tracked).mapToInt(CriterionPart::weight).sum();
		return new CriterionScore(unit, parts, Math.round(points * 10) / 10.0, max);
	}

	// --- helpers -----------------------------------------------------------------------------------

	/** Counts by child for the period, or null when no counter tracks the kind. */
	private Map<Long, Long> count(TargetRule rule, UnitView unit, int year, YearPart period) {
		TargetCounter counter = counters.get(rule.kind());
		return counter == null ? null : counter.countByChild(rule, unit, year, period.fromMonth(), period.toMonth());
	}

	private Map<Integer, Long> byMonth(TargetRule rule, UnitView unit, int year) {
		TargetCounter counter = counters.get(rule.kind());
		Map<Integer, Long> months = new LinkedHashMap<>();
		Map<Integer, Long> counted = counter == null ? Map.of() : counter.countByMonth(rule, unit, year);
		for (int m = 1; m <= 12; m++) {
			months.put(m, counted.getOrDefault(m, 0L));
		}
		return months;
	}

	static Line line(TargetView target, Long share, Long actual, int year, YearPart period, LocalDate today) {
		Long periodTarget = share == null ? null : (long) Math.floor(share * period.shareOfYear(year) + 1e-9);
		if (share != null && period == YearPart.YEAR) {
			periodTarget = share;
		}
		// Rounded up: counts are whole, so "actual < expected" then holds exactly when actual is below the exact
		// pro-rata figure; rounding down showed a district with 0 of 1 contest as on time in December.
		Long expected = share == null ? null : (long) Math.ceil(share * period.elapsedShareOfYear(year, today) - 1e-9);
		return new Line(target, share, periodTarget, expected, actual);
	}

	private static double ratio(Line line) {
		if (line.actual() == null || line.expected() == null || line.expected() == 0) {
			return Double.MAX_VALUE;
		}
		return line.actual() / (double) line.expected();
	}

	private static long sum(Map<Long, Long> counts) {
		return counts.values().stream().mapToLong(Long::longValue).sum();
	}

	private static Map<String, Long> keyed(List<Count> counts) {
		Map<String, Long> result = new LinkedHashMap<>();
		counts.forEach(c -> result.put(c.key(), c.count()));
		return result;
	}

	private UnitView visible(Caller caller, long unitId) {
		UnitView unit = units.find(unitId).orElseThrow(() -> new NotFoundException("unit.error.notFound"));
		if (!caller.sees(unit.path())) {
			throw new ForbiddenException();
		}
		return unit;
	}
}
