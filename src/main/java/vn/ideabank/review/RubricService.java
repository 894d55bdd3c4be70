package vn.ideabank.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Grant;
import vn.ideabank.common.security.Roles;
import vn.ideabank.common.security.UnitScope;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.review.RubricCommands.CriterionInput;
import vn.ideabank.review.RubricCommands.SaveRubric;
import vn.ideabank.review.RubricStore.RubricRow;

/**
 * Rubrics (bộ tiêu chí), shared by evaluation councils and contest rounds. An office writes a rubric at its unit;
 * the unit's subtree and everything above it see it (an office sees its own rubrics and its ancestors'), and a
 * council or round may use a rubric of its own unit or of a unit above. A rubric has versions: a version that
 * a score was given with ({@link RubricUsage}) is never changed, only superseded by a new version, so scores keep
 * their meaning; a version nobody has scored with yet may be corrected in place.
 */
@Service
@Transactional(readOnly = true)
public class RubricService {

	/** The seeded default rubric (plan I.1). */
	public static final String DEFAULT_NAME = "Tiêu chí đánh giá ý tưởng sáng tạo";

	/** What the weights of a rubric add up to: each weight is a percentage. */
	public static final BigDecimal WEIGHT_TOTAL = BigDecimal.valueOf(100);

	private final RubricStore store;

	private final UnitService units;

	private final List<RubricUsage> usages;

	RubricService(RubricStore store, UnitService units, List<RubricUsage> usages) {
		this.store = store;
		this.units = units;
		this.usages = usages;
	}

	/**
	 * A version by id, for scoring and documents of a council or round the caller already passed the checks of:
	 * the criteria of a chosen rubric are not unit data.
	 */
	public RubricView version(long versionId) {
		return store.version(versionId).orElseThrow(() -> new NotFoundException("review.rubric.notFound"));
	}

	/** The newest version of every rubric the caller sees (system-wide, own units', units above). */
	public List<RubricView> visible(Caller caller) {
		UnitScope scope = UnitScope.of(caller);
		return store.latestVisible(scope, above(scope.prefixes()));
	}

	/** The newest version of every rubric a council or round of the unit at {@code unitPath} may use. */
	public List<RubricView> usableAt(String unitPath) {
		return store.latestVisible(UnitScope.nothing(), UnitScope.pathAndAncestors(unitPath));
	}

	/** Whether a council or round of the unit at {@code unitPath} may score with this version. */
	public boolean usableAt(long versionId, String unitPath) {
		return store.version(versionId).map(v -> v.unitPath() == null || (unitPath != null && unitPath.startsWith(v.unitPath())))
			.orElse(false);
	}

	/** The rubrics' list page: the newest version of each visible rubric, with its unit and whether it is editable. */
	public List<RubricView.Summary> list(Caller caller) {
		List<RubricView> latest = visible(caller);
		Map<Long, UnitView> names = units.findAll(latest.stream().map(RubricView::unitId).filter(java.util.Objects::nonNull)
			.distinct().toList());
		return latest.stream().map(r -> new RubricView.Summary(r, unitName(names.get(r.unitId())), r.number(),
				editable(caller, r.unitPath()))).toList();
	}

	/** A rubric with all its versions, newest first; 404 when the caller does not see it. */
	public RubricView.Details get(Caller caller, long rubricId) {
		RubricRow row = seen(caller, rubricId);
		List<RubricView> versions = new ArrayList<>(store.allVersions(rubricId));
		versions.sort(Comparator.comparingInt(RubricView::number).reversed());
		Set<Long> used = used(versions.stream().map(RubricView::versionId).toList());
		return new RubricView.Details(row.id(), row.name(), row.unitId(),
				row.unitId() == null ? null : unitName(units.find(row.unitId()).orElse(null)), row.version(),
				editable(caller, row.unitPath()),
				versions.stream().map(v -> new RubricView.VersionView(v, used.contains(v.versionId()))).toList());
	}

	/** The newest version of the seeded default rubric. */
	public RubricView defaultRubric() {
		List<RubricView> latest = store.latest();
		return latest.stream().filter(r -> r.name().equals(DEFAULT_NAME) && r.unitId() == null).findFirst()
			.orElseGet(() -> latest.get(0));
	}

	/** Writes a new rubric at a unit whose office the caller holds; its first version is v1. */
	@Transactional
	public RubricView create(Caller caller, long unitId, SaveRubric command) {
		UnitView unit = units.find(unitId).orElseThrow(() -> new BusinessException("unitId", "review.rubric.unit.invalid"));
		if (!caller.can(unit.path(), Roles.OFFICE)) {
			throw new BusinessException("unitId", "review.rubric.unit.invalid");
		}
		SaveRubric clean = validate(command, List.of());
		if (store.nameTaken(unit.id(), clean.name(), 0)) {
			throw new BusinessException("name", "review.rubric.name.taken");
		}
		long rubricId = store.insertRubric(clean.name(), unit.id(), unit.path(), caller.accountId());
		return version(store.insertVersion(rubricId, clean.criteria(), caller.accountId()));
	}

	/**
	 * Saves the rubric's next version (the earlier ones stay as they were, with the scores given on them);
	 * {@code expected} is the rubric's version the form was read at.
	 */
	@Transactional
	public RubricView newVersion(Caller caller, long rubricId, SaveRubric command, long expected) {
		RubricRow row = editableRow(caller, rubricId);
		SaveRubric clean = validate(command, newest(rubricId).criteria());
		rename(row, clean.name(), expected);
		return version(store.insertVersion(rubricId, clean.criteria(), caller.accountId()));
	}

	/** Corrects a version in place; refused when any score was given with it (save a new version instead). */
	@Transactional
	public RubricView correct(Caller caller, long versionId, SaveRubric command, long expected) {
		RubricView v = version(versionId);
		RubricRow row = editableRow(caller, v.rubricId());
		if (!used(List.of(versionId)).isEmpty()) {
			throw new BusinessException("review.rubric.used", v.number());
		}
		SaveRubric clean = validate(command, v.criteria());
		rename(row, clean.name(), expected);
		store.replaceCriteria(versionId, clean.criteria());
		return version(versionId);
	}

	/**
	 * Scores given as codes ({@code NOVELTY=9; BENEFIT=8}) read with the version's criterion names ("Tính mới: 9;
	 * Tính lợi ích, hiệu quả: 8").
	 */
	public String named(long versionId, String stored) {
		return store.version(versionId).map(v -> v.named(stored)).orElse(stored);
	}

	// --- rules -----------------------------------------------------------------------------------

	private RubricView newest(long rubricId) {
		List<RubricView> all = store.allVersions(rubricId);
		return all.get(all.size() - 1);
	}

	private void rename(RubricRow row, String name, long expected) {
		if (store.nameTaken(row.unitId(), name, row.id())) {
			throw new BusinessException("name", "review.rubric.name.taken");
		}
		store.touchRubric(row.id(), name, expected);
	}

	private Set<Long> used(Collection<Long> versionIds) {
		Set<Long> used = new HashSet<>();
		usages.forEach(u -> used.addAll(u.scoredVersions(versionIds)));
		return used;
	}

	private RubricRow seen(Caller caller, long rubricId) {
		RubricRow row = store.rubric(rubricId).orElseThrow(() -> new NotFoundException("review.rubric.notFound"));
		UnitScope scope = UnitScope.of(caller);
		if (row.unitPath() != null && !scope.coversOrIsAbove(row.unitPath())) {
			throw new NotFoundException("review.rubric.notFound");
		}
		return row;
	}

	private RubricRow editableRow(Caller caller, long rubricId) {
		RubricRow row = seen(caller, rubricId);
		if (!editable(caller, row.unitPath())) {
			throw new ForbiddenException();
		}
		return row;
	}

	/** An office edits its unit's rubrics (and its subtree's); the system-wide ones only a system-wide administrator. */
	private static boolean editable(Caller caller, String unitPath) {
		if (unitPath == null) {
			return caller.grantsFor(Roles.OFFICE).stream().anyMatch(Grant::systemWide);
		}
		return caller.can(unitPath, Roles.OFFICE);
	}

	private static List<String> above(List<String> prefixes) {
		Set<String> paths = new LinkedHashSet<>();
		prefixes.forEach(p -> paths.addAll(UnitScope.pathAndAncestors(p)));
		return List.copyOf(paths);
	}

	private static String unitName(UnitView u) {
		return u == null ? null : u.name();
	}

	/**
	 * Checks a rubric and returns it cleaned: blank rows dropped, names stripped, a blank code given the previous
	 * version's code of the criterion with the same name, or the next free {@code C<n>}. Weights are shares of 100.
	 */
	static SaveRubric validate(SaveRubric command, List<RubricView.CriterionView> previous) {
		String name = command.name() == null ? "" : command.name().strip();
		if (name.isEmpty() || name.length() > 200) {
			throw new BusinessException("name", "review.rubric.name.invalid");
		}
		List<CriterionInput> rows = command.criteria() == null ? List.of()
				: command.criteria().stream().filter(c -> c != null && !blank(c)).toList();
		if (rows.isEmpty()) {
			throw new BusinessException("criteria", "review.rubric.criteria.empty");
		}
		if (rows.size() > 30) {
			throw new BusinessException("criteria", "review.rubric.criteria.tooMany");
		}
		Set<String> codes = new HashSet<>();
		Set<String> names = new HashSet<>();
		rows.stream().map(CriterionInput::code).filter(c -> c != null && !c.isBlank()).forEach(c -> codes.add(c.strip()));
		List<CriterionInput> clean = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		BigDecimal sum = BigDecimal.ZERO;
		int next = 1;
		for (int i = 0; i < rows.size(); i++) {
			CriterionInput c = rows.get(i);
			String field = "criteria[" + i + "]";
			String cname = c.name() == null ? "" : c.name().strip();
			if (cname.isEmpty() || cname.length() > 200) {
				throw new BusinessException(field + ".name", "review.rubric.criterionName.invalid", i + 1);
			}
			if (!names.add(cname.toLowerCase(java.util.Locale.ROOT))) {
				throw new BusinessException(field + ".name", "review.rubric.criterionName.duplicate", cname);
			}
			String code = c.code() == null || c.code().isBlank() ? null : c.code().strip();
			if (code == null) {
				code = previous.stream().filter(p -> p.name().equalsIgnoreCase(cname)).map(RubricView.CriterionView::code)
					.filter(p -> !codes.contains(p) && !seen.contains(p)).findFirst().orElse(null);
			}
			while (code == null) {
				String candidate = "C" + next++;
				code = codes.contains(candidate) || seen.contains(candidate) ? null : candidate;
			}
			if (!code.matches("[A-Za-z0-9_]{1,40}") || !seen.add(code)) {
				throw new BusinessException(field + ".code", "review.rubric.code.invalid", cname);
			}
			if (c.weight() == null || c.weight().signum() <= 0 || c.weight().compareTo(WEIGHT_TOTAL) > 0
					|| c.weight().scale() > 2) {
				throw new BusinessException(field + ".weight", "review.rubric.weight.invalid", cname);
			}
			if (c.min() < -1000 || c.max() > 1000) {
				throw new BusinessException(field + ".min", "review.rubric.scale.range", cname);
			}
			if (c.max() <= c.min()) {
				throw new BusinessException(field + ".max", "review.rubric.scale.invalid", cname, c.min(), c.max());
			}
			String description = c.description() == null || c.description().isBlank() ? null : c.description().strip();
			if (description != null && description.length() > 2000) {
				throw new BusinessException(field + ".description", "review.rubric.description.tooLong", cname);
			}
			sum = sum.add(c.weight());
			clean.add(new CriterionInput(code, cname, description, c.weight(), c.min(), c.max()));
		}
		if (sum.compareTo(WEIGHT_TOTAL) != 0) {
			throw new BusinessException("criteria", "review.rubric.weights.sum", sum.stripTrailingZeros().toPlainString());
		}
		return new SaveRubric(name, List.copyOf(clean));
	}

	/** A row left empty in the form (name, weight and description blank): not a criterion. */
	private static boolean blank(CriterionInput c) {
		return (c.name() == null || c.name().isBlank()) && c.weight() == null
				&& (c.description() == null || c.description().isBlank());
	}
}
