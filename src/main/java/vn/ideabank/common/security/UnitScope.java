package vn.ideabank.common.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

import vn.ideabank.common.error.ForbiddenException;

/**
 * The one subtree-scope rule: a set of units given by their materialised paths, each covering its
 * whole subtree (a grant at {@code /1/7/} covers {@code /1/7/42/}). Built from a caller's grants with
 * some roles, or from one unit; turned into the SQL condition of a list query (JdbcClient or native
 * SQL), a JPA predicate (Criteria, Specification), or checked in memory with {@link #covers}. The three
 * forms agree by construction: the same prefixes, LIKE wildcards in them escaped.
 * <p>
 * Prefixes are deduplicated and a prefix inside another one is dropped, so a caller bound at a district
 * and at one of its communes gets one condition, not two. A system-wide grant covers everything.
 */
public final class UnitScope {

	private static final UnitScope EVERYTHING = new UnitScope(true, List.of());

	private static final UnitScope NOTHING = new UnitScope(false, List.of());

	private final boolean everything;

	/** Sorted, outermost only; empty with {@code everything} or when nothing is covered. */
	private final List<String> prefixes;

	private UnitScope(boolean everything, List<String> prefixes) {
		this.everything = everything;
		this.prefixes = prefixes;
	}

	// --- building ------------------------------------------------------------------------------

	/** The subtrees where the caller holds any role. */
	public static UnitScope of(Caller caller) {
		return of(caller, Roles.ANY);
	}

	/** The subtrees where the caller holds one of the roles ({@link Roles} names the usual sets). */
	public static UnitScope of(Caller caller, Set<Role> roles) {
		List<String> paths = new ArrayList<>();
		for (Grant g : caller.grants()) {
			if (!roles.contains(g.role())) {
				continue;
			}
			if (g.systemWide()) {
				return EVERYTHING;
			}
			paths.add(g.unitPath());
		}
		return ofPaths(paths);
	}

	/** One unit's subtree. */
	public static UnitScope subtree(String unitPath) {
		return ofPaths(List.of(unitPath));
	}

	/** The subtrees of the given units. */
	public static UnitScope ofPaths(Collection<String> unitPaths) {
		TreeSet<String> sorted = new TreeSet<>();
		for (String p : unitPaths) {
			if (p != null && !p.isEmpty()) {
				sorted.add(p);
			}
		}
		// sorted, a prefix comes before every path it covers: keep a path only if no kept one covers it
		List<String> outer = new ArrayList<>();
		for (String p : sorted) {
			if (outer.isEmpty() || !p.startsWith(outer.get(outer.size() - 1))) {
				outer.add(p);
			}
		}
		return outer.isEmpty() ? NOTHING : new UnitScope(false, List.copyOf(outer));
	}

	public static UnitScope everything() {
		return EVERYTHING;
	}

	public static UnitScope nothing() {
		return NOTHING;
	}

	/**
	 * This scope narrowed to one unit's subtree (a unit filter): the part of the subtree it covers, which
	 * is the whole subtree when {@link #covers} the unit, the deeper prefixes inside it otherwise, or
	 * nothing. {@code null} leaves the scope as it is.
	 */
	public UnitScope within(String unitPath) {
		if (unitPath == null) {
			return this;
		}
		if (covers(unitPath)) {
			return subtree(unitPath);
		}
		return ofPaths(prefixes.stream().filter(p -> p.startsWith(unitPath)).toList());
	}

	/**
	 * Narrowed to the unit's subtree, refusing (403) a unit outside the scope: a filter naming another
	 * unit's subtree is an error, not an empty list. {@code null} leaves the scope as it is.
	 */
	public UnitScope requireWithin(String unitPath) {
		if (unitPath != null && !covers(unitPath)) {
			throw new ForbiddenException();
		}
		return within(unitPath);
	}

	// --- in memory -----------------------------------------------------------------------------

	/** Whether the unit with this path lies in the scope. */
	public boolean covers(String path) {
		if (everything) {
			return true;
		}
		if (path == null) {
			return false;
		}
		for (String p : prefixes) {
			if (path.startsWith(p)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the unit lies in the scope or above one of its units: what the scope's people take part
	 * in (a contest organised by their district), beside what they manage.
	 */
	public boolean coversOrIsAbove(String path) {
		return covers(path) || (path != null && ancestors().contains(path));
	}

	public boolean isEverything() {
		return everything;
	}

	public boolean isNothing() {
		return !everything && prefixes.isEmpty();
	}

	/** The outermost units' paths (empty for everything and for nothing). */
	public List<String> prefixes() {
		return prefixes;
	}

	// --- SQL -----------------------------------------------------------------------------------

	/** A condition on a path column, {@code column like :scope0 escape '\' or …}, with its parameters. */
	public Condition sql(String column) {
		return sql(column, "scope");
	}

	/**
	 * The same with parameter names {@code <param>0, <param>1, …}, for a statement that holds two scopes.
	 */
	public Condition sql(String column, String param) {
		if (everything) {
			return new Condition("true", Map.of());
		}
		if (prefixes.isEmpty()) {
			return new Condition("false", Map.of());
		}
		StringBuilder sql = new StringBuilder("(");
		Map<String, Object> params = new LinkedHashMap<>();
		for (int i = 0; i < prefixes.size(); i++) {
			sql.append(i == 0 ? "" : " or ").append(column).append(" like :").append(param).append(i).append(" escape '\\'");
			params.put(param + i, likePrefix(prefixes.get(i)));
		}
		return new Condition(sql.append(')').toString(), Map.copyOf(params));
	}

	/** An SQL condition and the named parameters it needs. */
	public record Condition(String sql, Map<String, Object> params) {

		public StatementSpec bind(StatementSpec spec) {
			return spec.params(params);
		}

		@Override
		public String toString() {
			return sql;
		}
	}

	// --- JPA -----------------------------------------------------------------------------------

	/** The scope as a Criteria predicate on a path attribute. */
	public Predicate predicate(CriteriaBuilder cb, Expression<String> path) {
		if (everything) {
			return cb.conjunction();
		}
		if (prefixes.isEmpty()) {
			return cb.disjunction();
		}
		return cb.or(prefixes.stream().map(p -> cb.like(path, likePrefix(p), '\\')).toArray(Predicate[]::new));
	}

	/** The scope as a Specification on the entity's path attribute (usually {@code "unitPath"}). */
	public <T> Specification<T> specification(String attribute) {
		return (root, query, cb) -> predicate(cb, root.get(attribute));
	}

	/** {@link #coversOrIsAbove} as a Criteria predicate. */
	public Predicate predicateOrAbove(CriteriaBuilder cb, Expression<String> path) {
		if (everything || prefixes.isEmpty()) {
			return predicate(cb, path);
		}
		return cb.or(predicate(cb, path), path.in(ancestors()));
	}

	// --- helpers -------------------------------------------------------------------------------

	/** The LIKE pattern of everything under a path: the path with {@code \ % _} escaped, then {@code %}. */
	public static String likePrefix(String path) {
		return escapeLike(path) + "%";
	}

	/** A text with LIKE's wildcards and escape character escaped (escape character {@code \}). */
	public static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/**
	 * The unit's path and its ancestors' ({@code /1/7/42/} → {@code /1/}, {@code /1/7/}, {@code /1/7/42/}):
	 * a lookup of what governs a unit from above is {@code unit_path in (:paths)}, exact and indexed.
	 */
	public static List<String> pathAndAncestors(String path) {
		List<String> paths = new ArrayList<>();
		for (int i = path.indexOf('/', 1); i >= 0; i = path.indexOf('/', i + 1)) {
			paths.add(path.substring(0, i + 1));
		}
		return paths;
	}

	/** The paths strictly above the scope's units. */
	private Set<String> ancestors() {
		Set<String> above = new LinkedHashSet<>();
		for (String p : prefixes) {
			List<String> chain = pathAndAncestors(p);
			above.addAll(chain.subList(0, chain.size() - 1));
		}
		return above;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof UnitScope other && everything == other.everything && prefixes.equals(other.prefixes);
	}

	@Override
	public int hashCode() {
		return Boolean.hashCode(everything) * 31 + prefixes.hashCode();
	}

	@Override
	public String toString() {
		return everything ? "UnitScope[everything]" : "UnitScope" + prefixes;
	}
}
