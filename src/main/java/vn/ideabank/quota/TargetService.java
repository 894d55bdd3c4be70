package vn.ideabank.quota;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Roles;
import vn.ideabank.common.security.UnitScope;
import vn.ideabank.common.text.TextNormalizer;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.quota.TargetCommands.Allocate;
import vn.ideabank.quota.TargetCommands.PlanSettings;
import vn.ideabank.quota.TargetCommands.SaveTarget;
import vn.ideabank.quota.TargetViews.Change;
import vn.ideabank.quota.TargetViews.Part;
import vn.ideabank.quota.TargetViews.PlanView;
import vn.ideabank.quota.TargetViews.Split;
import vn.ideabank.quota.TargetViews.TargetView;
import vn.ideabank.quota.TargetViews.Weights;

/**
 * Annual plans, their targets and the allocation of each target down the tree. An office or
 * administrator covering a unit sets its plan and allocates to its children; whoever holds a unit's
 * share (its unit officer, or an office above) splits it among the unit's own children. Every change
 * of an amount is recorded (who, when, old → new, reason). Anyone with a role covering a unit reads.
 */
@Service
@Transactional(readOnly = true)
public class TargetService {

	private final TargetStore store;

	private final UnitService units;

	private final Weights defaultWeights;

	private final Map<TargetKind, Long> defaultAmounts = new EnumMap<>(TargetKind.class);

	TargetService(TargetStore store, UnitService units,
			@Value("${ideabank.target.criterion.weight-ideas:40}") int wIdeas,
			@Value("${ideabank.target.criterion.weight-models:30}") int wModels,
			@Value("${ideabank.target.criterion.weight-contests:15}") int wContests,
			@Value("${ideabank.target.criterion.weight-punctuality:15}") int wPunctuality,
			@Value("${ideabank.target.criterion.ideas-per-member:0.1}") BigDecimal ideasPerMember,
			@Value("${ideabank.target.default.ideas-proposed:1610}") long ideas,
			@Value("${ideabank.target.default.models-applied:10}") long models,
			@Value("${ideabank.target.default.agri-startups:1}") long startups,
			@Value("${ideabank.target.default.contests:1}") long contests,
			@Value("${ideabank.target.default.clubs:0}") long clubs,
			@Value("${ideabank.target.default.ip:0}") long ip) {
		this.store = store;
		this.units = units;
		this.defaultWeights = new Weights(wIdeas, wModels, wContests, wPunctuality, ideasPerMember);
		defaultAmounts.put(TargetKind.IDEAS_PROPOSED, ideas);
		defaultAmounts.put(TargetKind.MODELS_APPLIED, models);
		defaultAmounts.put(TargetKind.AGRI_STARTUPS_SUPPORTED, startups);
		defaultAmounts.put(TargetKind.CONTESTS_HELD, contests);
		defaultAmounts.put(TargetKind.CLUBS_FOUNDED, clubs);
		defaultAmounts.put(TargetKind.IP_SUPPORTED, ip);
	}

	// --- reading ---------------------------------------------------------------------------------

	/** The plan set at exactly this unit for the year, if any. */
	public Optional<PlanView> planOf(Caller caller, long unitId, int year) {
		UnitView unit = visibleUnit(caller, unitId);
		return store.planOf(unit.id(), year);
	}

	/** A plan by id; the caller must hold a role covering its unit. */
	public PlanView planById(Caller caller, long planId) {
		PlanView plan = store.plan(planId).orElseThrow(() -> new NotFoundException("target.error.notFound"));
		visibleUnit(caller, plan.unitId());
		return plan;
	}

	/** The plan that governs a unit: its own, or that of its nearest ancestor with a plan for the year. */
	public Optional<PlanView> governingPlan(Caller caller, long unitId, int year) {
		UnitView unit = visibleUnit(caller, unitId);
		return store.governing(unit.path(), year);
	}

	/** For other modules that checked the caller against the unit. */
	public Optional<PlanView> governingPlan(UnitView unit, int year) {
		return store.governing(unit.path(), year);
	}

	public boolean canSetPlan(Caller caller, UnitView unit) {
		return caller.can(unit.path(), Roles.OFFICE);
	}

	/**
	 * A unit's share of a target of its governing plan: the target's amount at the plan's unit, the
	 * allocation below it, or null when nothing was allocated to the unit.
	 */
	public Long share(TargetView target, PlanView plan, UnitView unit) {
		if (plan.unitId() == unit.id()) {
			return target.amount();
		}
		return store.allocations(target.id()).get(unit.id());
	}

	/** Shares of many units at once (plan unit = the target's amount). */
	Map<Long, Long> shares(TargetView target, PlanView plan) {
		Map<Long, Long> shares = new LinkedHashMap<>(store.allocations(target.id()));
		shares.put(plan.unitId(), target.amount());
		return shares;
	}

	/** How the unit's share of the target is split among its active children. */
	public Split split(Caller caller, long targetId, long unitId) {
		UnitView unit = visibleUnit(caller, unitId);
		TargetView target = store.target(targetId).orElseThrow(() -> new NotFoundException("target.error.notFound"));
		PlanView plan = store.plan(target.planId()).orElseThrow();
		if (!UnitScope.subtree(plan.unitPath()).covers(unit.path())) {
			throw new NotFoundException("target.error.notFound");
		}
		Map<Long, Long> allocations = store.allocations(targetId);
		Long share = unit.id() == plan.unitId() ? Long.valueOf(target.amount()) : allocations.get(unit.id());
		List<Part> parts = new ArrayList<>();
		long allocated = 0;
		for (UnitView child : activeChildrenById(caller, unit)) {
			Long amount = allocations.get(child.id());
			allocated += amount == null ? 0 : amount;
			parts.add(new Part(child.id(), child.name(), child.memberCount(), amount));
		}
		return new Split(plan, target, unit.id(), unit.name(), share, parts, allocated,
				share != null && canSplit(caller, plan, unit));
	}

	/**
	 * The changes of a target's allocations that the caller may see: all of them for whoever sees the plan's unit,
	 * otherwise those of units in the caller's scope (a commune officer splitting its share sees its own part's
	 * history and its branches', not its sibling communes').
	 */
	public List<Change> history(Caller caller, long targetId) {
		TargetView target = store.target(targetId).orElseThrow(() -> new NotFoundException("target.error.notFound"));
		PlanView plan = store.plan(target.planId()).orElseThrow();
		boolean all = caller.sees(plan.unitPath());
		Map<Long, UnitView> seen = new LinkedHashMap<>();
		List<Change> changes = store.changes(targetId,
				id -> seen.computeIfAbsent(id, k -> units.find(k).orElse(null)) == null ? "" : seen.get(id).name());
		return changes.stream().filter(c -> all || (seen.get(c.unitId()) != null && caller.sees(seen.get(c.unitId()).path())))
			.toList();
	}

	public PlanSettings defaultSettings() {
		return new PlanSettings(false, defaultWeights.ideas(), defaultWeights.models(), defaultWeights.contests(),
				defaultWeights.punctuality(), defaultWeights.ideasPerMember());
	}

	// --- plans and targets -------------------------------------------------------------------------

	/** Creates the unit's plan for the year with the standard targets at their default amounts. */
	@Transactional
	public PlanView createPlan(Caller caller, long unitId, int year) {
		UnitView unit = visibleUnit(caller, unitId);
		requireOffice(caller, unit);
		if (year < 2000 || year > 2100) {
			throw new BusinessException("year", "target.error.year");
		}
		if (store.planOf(unitId, year).isPresent()) {
			throw new BusinessException("year", "target.error.planExists", year);
		}
		long planId = store.insertPlan(unit.id(), unit.path(), year, defaultWeights, caller.accountId());
		for (Map.Entry<TargetKind, Long> e : defaultAmounts.entrySet()) {
			long id = store.insertTarget(planId, e.getKey(), null, null, e.getValue(), TargetRule.of(e.getKey()));
			store.recordChange(id, unit.id(), caller.accountId(), caller.displayName(), null, e.getValue(), null);
		}
		return store.plan(planId).orElseThrow();
	}

	@Transactional
	public PlanView updateSettings(Caller caller, long planId, PlanSettings settings, long version) {
		PlanView plan = store.plan(planId).orElseThrow(() -> new NotFoundException("target.error.notFound"));
		requireOffice(caller, visibleUnit(caller, plan.unitId()));
		Weights w = new Weights(check("weightIdeas", settings.weightIdeas(), 100), check("weightModels", settings.weightModels(), 100),
				check("weightContests", settings.weightContests(), 100),
				check("weightPunctuality", settings.weightPunctuality(), 100), settings.ideasPerMember());
		if (w.ideasPerMember() == null || w.ideasPerMember().signum() <= 0 || w.ideasPerMember().compareTo(BigDecimal.valueOf(1000)) > 0) {
			throw new BusinessException("ideasPerMember", "target.error.quota");
		}
		if (w.ideas() + w.models() + w.contests() + w.punctuality() == 0) {
			throw new BusinessException("weightIdeas", "target.error.weightsZero");
		}
		store.updatePlan(planId, version, settings.refuseMismatch(), w);
		return store.plan(planId).orElseThrow();
	}

	/** Adds a custom target ({@code targetId} null) or changes a target; the change is recorded. */
	@Transactional
	public TargetView saveTarget(Caller caller, long planId, Long targetId, SaveTarget command, long version) {
		PlanView plan = store.plan(planId).orElseThrow(() -> new NotFoundException("target.error.notFound"));
		requireOffice(caller, visibleUnit(caller, plan.unitId()));
		long amount = check("amount", command.amount(), TargetCommands.MAX_AMOUNT);
		String reason = TextNormalizer.normalizeToNull(command.reason());
		String name = TextNormalizer.normalizeToNull(command.name());
		String countUnit = TextNormalizer.normalizeToNull(command.countUnit());
		if (targetId == null) {
			if (command.kind() != TargetKind.CUSTOM) {
				throw new BusinessException("kind", "target.error.onlyCustomAdded");
			}
			if (name == null) {
				throw new BusinessException("name", "target.error.nameRequired");
			}
			if (countUnit == null) {
				throw new BusinessException("countUnit", "target.error.countUnitRequired");
			}
			TargetRule rule = command.rule() == null ? TargetRule.of(TargetKind.CUSTOM) : command.rule();
			long id = store.insertTarget(planId, TargetKind.CUSTOM, name, countUnit, amount,
					new TargetRule(TargetKind.CUSTOM, rule.statuses(), rule.ideaKinds(), rule.fields(), rule.groups()));
			store.recordChange(id, plan.unitId(), caller.accountId(), caller.displayName(), null, amount, reason);
			return store.target(id).orElseThrow();
		}
		TargetView target = store.target(targetId).filter(t -> t.planId() == planId)
			.orElseThrow(() -> new NotFoundException("target.error.notFound"));
		boolean custom = target.kind() == TargetKind.CUSTOM;
		if (custom && (name == null || countUnit == null)) {
			throw new BusinessException(name == null ? "name" : "countUnit",
					name == null ? "target.error.nameRequired" : "target.error.countUnitRequired");
		}
		TargetRule rule = custom && command.rule() != null
				? new TargetRule(TargetKind.CUSTOM, command.rule().statuses(), command.rule().ideaKinds(), command.rule().fields(),
						command.rule().groups())
				: target.rule();
		store.updateTarget(targetId, version, custom ? name : null, custom ? countUnit : null, amount, rule);
		if (amount != target.amount()) {
			store.recordChange(targetId, plan.unitId(), caller.accountId(), caller.displayName(), target.amount(), amount, reason);
		}
		return store.target(targetId).orElseThrow();
	}

	// --- allocation -------------------------------------------------------------------------------

	/**
	 * Splits the unit's share among its children by hand. Amounts must be whole numbers from 0 to
	 * {@link TargetCommands#MAX_AMOUNT}; a sum other than the share is refused when the plan says so,
	 * otherwise saved and shown as a gap. One transaction: nothing is half-saved.
	 */
	@Transactional
	public Split allocate(Caller caller, long targetId, long unitId, Allocate command) {
		Split current = split(caller, targetId, unitId);
		if (current.share() == null) {
			throw new BusinessException("target.error.noShare");
		}
		if (!canSplit(caller, current.plan(), units.find(unitId).orElseThrow())) {
			throw new ForbiddenException();
		}
		Map<Long, Part> children = new LinkedHashMap<>();
		current.parts().forEach(p -> children.put(p.unitId(), p));
		Map<Long, Long> next = new LinkedHashMap<>();
		current.parts().forEach(p -> next.put(p.unitId(), p.amount()));
		for (Map.Entry<Long, Long> e : command.amounts().entrySet()) {
			Part part = children.get(e.getKey());
			if (part == null) {
				throw new BusinessException("amounts", "target.error.notAChild");
			}
			if (e.getValue() == null) {
				throw new BusinessException("amounts[" + e.getKey() + "]", "target.error.amountRequired", part.unitName());
			}
			if (e.getValue() < 0 || e.getValue() > TargetCommands.MAX_AMOUNT) {
				throw new BusinessException("amounts[" + e.getKey() + "]", "target.error.amountRange", part.unitName(),
						TargetCommands.MAX_AMOUNT);
			}
			next.put(e.getKey(), e.getValue());
		}
		long sum = next.values().stream().filter(Objects::nonNull).mapToLong(Long::longValue).sum();
		if (sum != current.share() && current.plan().refuseMismatch()) {
			throw new BusinessException("amounts", sum > current.share() ? "target.error.over" : "target.error.under", sum,
					current.share());
		}
		store.bumpTarget(targetId, command.version());
		String reason = TextNormalizer.normalizeToNull(command.reason());
		for (Map.Entry<Long, Long> e : next.entrySet()) {
			Long old = children.get(e.getKey()).amount();
			if (e.getValue() != null && !e.getValue().equals(old)) {
				UnitView child = units.find(e.getKey()).orElseThrow();
				store.upsertAllocation(targetId, child.id(), child.path(), e.getValue());
				store.recordChange(targetId, child.id(), caller.accountId(), caller.displayName(), old, e.getValue(), reason);
			}
		}
		return split(caller, targetId, unitId);
	}

	/** Splits the unit's share in proportion to the children's member counts (largest remainder). */
	@Transactional
	public Split allocateByMembers(Caller caller, long targetId, long unitId, String reason, long version) {
		Split current = split(caller, targetId, unitId);
		if (current.share() == null) {
			throw new BusinessException("target.error.noShare");
		}
		if (current.parts().isEmpty()) {
			throw new BusinessException("target.error.noChildren");
		}
		return allocate(caller, targetId, unitId, new Allocate(proposeByMembers(current), reason, version));
	}

	/** The proportional split of a share, without saving it. */
	public static Map<Long, Long> proposeByMembers(Split split) {
		List<Part> parts = split.parts().stream().sorted(Comparator.comparingLong(Part::unitId)).toList();
		long[] amounts = Apportion.largestRemainder(split.share() == null ? 0 : split.share(),
				parts.stream().map(p -> (long) p.memberCount()).toList());
		Map<Long, Long> result = new LinkedHashMap<>();
		for (int i = 0; i < parts.size(); i++) {
			result.put(parts.get(i).unitId(), amounts[i]);
		}
		return result;
	}

	// --- rules -------------------------------------------------------------------------------------

	private boolean canSplit(Caller caller, PlanView plan, UnitView unit) {
		return unit.id() == plan.unitId() ? caller.can(unit.path(), Roles.OFFICE)
				: caller.can(unit.path(), Roles.STAFF);
	}

	private List<UnitView> activeChildrenById(Caller caller, UnitView unit) {
		return units.children(caller, unit.id()).stream().filter(UnitView::active)
			.sorted(Comparator.comparingLong(UnitView::id)).toList();
	}

	private static void requireOffice(Caller caller, UnitView unit) {
		if (!caller.can(unit.path(), Roles.OFFICE)) {
			throw new ForbiddenException();
		}
	}

	private UnitView visibleUnit(Caller caller, long unitId) {
		UnitView unit = units.find(unitId).orElseThrow(() -> new NotFoundException("unit.error.notFound"));
		if (!caller.sees(unit.path())) {
			throw new ForbiddenException();
		}
		return unit;
	}

	private static int check(String field, Integer value, int max) {
		if (value == null || value < 0 || value > max) {
			throw new BusinessException(field, "target.error.range", 0, max);
		}
		return value;
	}

	private static long check(String field, Long value, long max) {
		if (value == null || value < 0 || value > max) {
			throw new BusinessException(field, "target.error.range", 0, max);
		}
		return value;
	}
}
