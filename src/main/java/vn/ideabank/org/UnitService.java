package vn.ideabank.org;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Roles;
import vn.ideabank.common.security.UnitScope;
import vn.ideabank.common.text.TextNormalizer;
import vn.ideabank.org.UnitCommands.CreateUnit;
import vn.ideabank.org.UnitCommands.EditUnit;
import vn.ideabank.org.UnitCommands.MoveUnit;

/**
 * The organisation tree's facade. Methods taking a {@link Caller} check the caller's grants against
 * the unit; lists are filtered inside the query by the caller's subtrees.
 */
@Service
@Transactional(readOnly = true)
public class UnitService {

	private static final Comparator<UnitView> BY_NAME = Comparator.comparing(UnitView::name,
			Collator.getInstance(Locale.forLanguageTag("vi")));

	private final UnitRepository units;

	private final ApplicationEventPublisher events;

	private final UnitPathCopies pathCopies;

	UnitService(UnitRepository units, ApplicationEventPublisher events, UnitPathCopies pathCopies) {
		this.units = units;
		this.events = events;
		this.pathCopies = pathCopies;
	}

	public UnitView get(Caller caller, long id) {
		Unit unit = load(id);
		UnitPermissions.requireView(caller, unit);
		return unit.view();
	}

	/** For other modules resolving references; no permission check, so never expose the result unfiltered. */
	public Optional<UnitView> find(long id) {
		return units.findById(id).map(Unit::view);
	}

	/** For other modules resolving a unit by its code; no permission check. */
	public Optional<UnitView> findByCode(String code) {
		return units.findByCode(code).map(Unit::view);
	}

	/** Units by id, for other modules labelling their records. */
	public Map<Long, UnitView> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return units.findByIdIn(ids).stream().collect(Collectors.toMap(Unit::id, Unit::view));
	}

	public boolean canManage(Caller caller, long id) {
		return UnitPermissions.canManage(caller, load(id));
	}

	public boolean isEmpty() {
		return units.count() == 0;
	}

	/** The ancestors of a unit from the root down (for breadcrumbs; names are not private). */
	public List<UnitView> ancestors(Caller caller, long id) {
		Unit unit = load(id);
		UnitPermissions.requireView(caller, unit);
		List<Long> ids = idsOf(unit.path());
		ids.remove(unit.id());
		Map<Long, UnitView> byId = findAll(ids);
		return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
	}

	/** The active units right below one, for scheduled jobs addressing them; no permission check. */
	public List<Long> activeChildIds(long id) {
		return units.findByParentIdOrderByName(id).stream().map(Unit::view).filter(UnitView::active).map(UnitView::id).toList();
	}

	public List<UnitView> children(Caller caller, long id) {
		Unit unit = load(id);
		UnitPermissions.requireView(caller, unit);
		return units.findByParentIdOrderByName(id).stream().map(Unit::view).sorted(BY_NAME).toList();
	}

	/** The forest of subtrees the caller holds a role in, children ordered by Vietnamese name. */
	public List<UnitNode> tree(Caller caller, boolean includeInactive) {
		UnitScope scope = UnitScope.of(caller);
		List<Unit> visible = new ArrayList<>();
		if (scope.isEverything()) {
			visible.addAll(units.findAllInTreeOrder());
		}
		for (String prefix : scope.prefixes()) {
			visible.addAll(units.findSubtree(UnitScope.likePrefix(prefix)));
		}
		Map<Long, UnitView> byId = new LinkedHashMap<>();
		visible.stream().filter(u -> includeInactive || u.active()).forEach(u -> byId.putIfAbsent(u.id(), u.view()));
		Map<Long, List<UnitView>> childrenOf = new HashMap<>();
		List<UnitView> roots = new ArrayList<>();
		for (UnitView u : byId.values()) {
			if (u.parentId() != null && byId.containsKey(u.parentId())) {
				childrenOf.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
			}
			else {
				roots.add(u);
			}
		}
		return roots.stream().sorted(BY_NAME).map(r -> node(r, childrenOf)).toList();
	}

	private UnitNode node(UnitView unit, Map<Long, List<UnitView>> childrenOf) {
		List<UnitNode> children = childrenOf.getOrDefault(unit.id(), List.of()).stream().sorted(BY_NAME)
			.map(c -> node(c, childrenOf)).toList();
		return new UnitNode(unit, children);
	}

	/** Active units the caller sees, paginated and filtered in SQL by subtree and name or code. */
	public Page<UnitView> list(Caller caller, String query, Pageable pageable) {
		Specification<Unit> spec = UnitScope.of(caller).<Unit>specification("path")
			.and((root, q, cb) -> cb.isTrue(root.get("active")));
		query = TextNormalizer.normalize(query);
		if (query != null && !query.isBlank()) {
			String like = "%" + UnitScope.escapeLike(query.toLowerCase(Locale.ROOT)) + "%";
			spec = spec.and((root, q, cb) -> cb.or(cb.like(cb.lower(root.get("name")), like, '\\'),
					cb.like(cb.lower(root.get("code")), like, '\\')));
		}
		return units.findAll(spec, pageable).map(Unit::view);
	}

	/** Active units in which the caller may manage structure (targets of create and move). */
	public List<UnitView> manageable(Caller caller) {
		return tree(caller, false).stream().flatMap(this::flatten).map(UnitNode::unit)
			.filter(u -> caller.can(u.path(), Roles.OFFICE))
			.toList();
	}

	/** Every active unit the caller holds a role in, depth-first, for choosing a unit in a form. */
	public List<UnitView> visible(Caller caller) {
		return tree(caller, false).stream().flatMap(this::flatten).map(UnitNode::unit).toList();
	}

	private Stream<UnitNode> flatten(UnitNode node) {
		return Stream.concat(Stream.of(node),
				node.children().stream().flatMap(this::flatten));
	}

	@Transactional
	public UnitView create(Caller caller, CreateUnit command) {
		Unit parent = null;
		if (command.parentId() != null) {
			parent = load(command.parentId());
			UnitPermissions.requireManage(caller, parent);
		}
		else if (!UnitPermissions.canCreateRoot(caller)) {
			throw new ForbiddenException();
		}
		String code = command.code().toUpperCase(Locale.ROOT);
		if (units.existsByCodeIgnoreCase(code)) {
			throw new BusinessException("code", "unit.error.codeTaken", code);
		}
		Unit unit = new Unit(units.nextId(), code, command.name(), command.levelName(), command.kind(),
				command.memberCount(), parent);
		try {
			return units.saveAndFlush(unit).view();
		}
		catch (DataIntegrityViolationException e) {
			// someone took the code between the check above and this insert
			throw new BusinessException("code", "unit.error.codeTaken", code);
		}
	}

	@Transactional
	public UnitView edit(Caller caller, long id, EditUnit command) {
		Unit unit = load(id);
		UnitPermissions.requireManage(caller, unit);
		checkVersion(unit, command.version());
		unit.edit(command.name(), command.levelName(), command.kind(), command.memberCount());
		return units.saveAndFlush(unit).view();
	}

	/** Moves a unit and its whole subtree under another unit; never under itself or its descendants. */
	@Transactional
	public UnitView move(Caller caller, long id, MoveUnit command) {
		// lock both rows in id order (no deadlock) so a concurrent move of either waits for this one
		long first = Math.min(id, command.parentId());
		long second = Math.max(id, command.parentId());
		lock(first);
		lock(second);
		Unit unit = load(id);
		UnitPermissions.requireManage(caller, unit);
		checkVersion(unit, command.version());
		Unit parent = load(command.parentId());
		UnitPermissions.requireManage(caller, parent);
		String oldPath = unit.path();
		int oldDepth = unit.depth();
		unit.placeUnder(parent);
		units.saveAndFlush(unit);
		units.rewriteDescendantPaths(oldPath, unit.path(), unit.depth() - oldDepth);
		// every module's copies of the paths, in this transaction (the *unit_path convention, see UnitPathCopies)
		pathCopies.rewrite(oldPath, unit.path());
		events.publishEvent(new UnitMoved(id, oldPath, unit.path()));
		return load(id).view();
	}

	/** Deactivates a unit; its records stay. A unit with active children must have them handled first. */
	@Transactional
	public UnitView deactivate(Caller caller, long id, long version) {
		Unit unit = load(id);
		UnitPermissions.requireManage(caller, unit);
		checkVersion(unit, version);
		if (units.existsByParentIdAndActiveTrue(id)) {
			throw new BusinessException("unit.error.hasActiveChildren");
		}
		unit.deactivate();
		return units.saveAndFlush(unit).view();
	}

	@Transactional
	public UnitView activate(Caller caller, long id, long version) {
		Unit unit = load(id);
		UnitPermissions.requireManage(caller, unit);
		checkVersion(unit, version);
		unit.activate(unit.parentId() == null ? null : load(unit.parentId()));
		return units.saveAndFlush(unit).view();
	}

	private static void checkVersion(Unit unit, long version) {
		if (unit.version() != version) {
			throw new ObjectOptimisticLockingFailureException(Unit.class, unit.id());
		}
	}

	private void lock(long id) {
		units.findForUpdate(id).orElseThrow(() -> new NotFoundException("unit.error.notFound"));
	}

	private Unit load(long id) {
		return units.findById(id).orElseThrow(() -> new NotFoundException("unit.error.notFound"));
	}

	private static List<Long> idsOf(String path) {
		List<Long> ids = new ArrayList<>();
		for (String part : path.split("/")) {
			if (!part.isEmpty()) {
				ids.add(Long.parseLong(part));
			}
		}
		return ids;
	}
}
