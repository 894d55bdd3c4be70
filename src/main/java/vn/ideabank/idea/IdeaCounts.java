package vn.ideabank.idea;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.UnitScope;
import vn.ideabank.member.TargetGroup;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * Grouped idea counts of a unit's subtree within a year, for dashboards, targets and reports. An idea
 * is counted in its {@code year}; its month is that of its counting date: {@code submitted_at}, or
 * {@code created_at} for an idea never submitted (entered offline, still a draft), in Vietnam time.
 * <p>
 * Answers come from {@code idea_tally}, a roll-up kept by triggers (see V33__idea_tally_rollup.sql), when the criteria
 * restrict at most one of month, kind, field and target group besides the grouping; otherwise from
 * the {@code idea} table itself. The caller must hold a role covering the unit. Ideas marked as
 * duplicates ({@code duplicate_of}) are never counted, whichever source answers.
 */
@Service
@Transactional(readOnly = true)
public class IdeaCounts {

	/** What the counts are grouped by. */
	public enum By {
		/** the unit's direct children; ideas of the unit itself are keyed by the unit's own id */
		CHILD_UNIT, MONTH, STATUS, FIELD, TARGET_GROUP, KIND, NONE
	}

	/** "Proposed": every idea sent on, whatever came of it (not drafts, not withdrawn). */
	public static final Set<IdeaStatus> PROPOSED = EnumSet.complementOf(EnumSet.of(IdeaStatus.DRAFT, IdeaStatus.WITHDRAWN));

	/** "Applied effectively": applied, and recognised after being applied. */
	public static final Set<IdeaStatus> APPLIED = EnumSet.of(IdeaStatus.APPLIED, IdeaStatus.RECOGNISED);

	/**
	 * Which ideas count; an empty set means "any". Months 1..12 inclusive, null for the whole year.
	 */
	public record Criteria(Set<IdeaStatus> statuses, Set<IdeaKind> kinds, Set<SectorField> fields,
			Set<TargetGroup> groups, Integer fromMonth, Integer toMonth) {

		public Criteria {
			statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
			kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
			fields = fields == null ? Set.of() : Set.copyOf(fields);
			groups = groups == null ? Set.of() : Set.copyOf(groups);
		}

		public static Criteria statuses(Set<IdeaStatus> statuses) {
			return new Criteria(statuses, null, null, null, null, null);
		}

		public Criteria months(Integer from, Integer to) {
			return new Criteria(statuses, kinds, fields, groups, from, to);
		}

		boolean monthRestricted() {
			return (fromMonth != null && fromMonth > 1) || (toMonth != null && toMonth < 12);
		}
	}

	/**
	 * One group: {@code key} is the child unit id, the month ("01".."12"), or the enum name (status,
	 * field, target group, kind; "" when not set); {@code null} when grouped by NONE.
	 */
	public record Count(String key, long count) {
	}

	private final JdbcClient jdbc;

	private final UnitService units;

	IdeaCounts(JdbcClient jdbc, UnitService units) {
		this.jdbc = jdbc;
		this.units = units;
	}

	/** Counts of the subtree of {@code unitId} in {@code year}, grouped; checks the caller sees the unit. */
	public List<Count> count(Caller caller, long unitId, int year, By by, Criteria criteria) {
		UnitView unit = units.find(unitId).orElseThrow(() -> new NotFoundException("unit.error.notFound"));
		if (!caller.sees(unit.path())) {
			throw new ForbiddenException();
		}
		return count(unit, year, by, criteria);
	}

	/** The total of the subtree; checks the caller sees the unit. */
	public long total(Caller caller, long unitId, int year, Criteria criteria) {
		return count(caller, unitId, year, By.NONE, criteria).stream().mapToLong(Count::count).sum();
	}

	/** Counts per child unit id (the unit itself included under its own id), every child present. */
	public Map<Long, Long> byChild(Caller caller, long unitId, int year, Criteria criteria) {
		Map<Long, Long> result = new LinkedHashMap<>();
		for (Count c : count(caller, unitId, year, By.CHILD_UNIT, criteria)) {
			result.merge(Long.parseLong(c.key()), c.count(), Long::sum);
		}
		return result;
	}

	/** Without a permission check, for modules that checked the caller against the unit themselves. */
	public List<Count> count(UnitView unit, int year, By by, Criteria criteria) {
		String dimension = tallyDimension(by, criteria);
		List<Count> rows = dimension != null ? fromTally(unit, year, by, dimension, criteria) : fromIdeas(unit, year, by, criteria);
		if (by == By.CHILD_UNIT) {
			// "" = the unit itself
			return rows.stream().map(c -> c.key().isEmpty() ? new Count(Long.toString(unit.id()), c.count()) : c).toList();
		}
		return rows;
	}

	/** The same counts read from the idea table itself (for tests comparing it with the tally). */
	List<Count> countFromIdeas(UnitView unit, int year, By by, Criteria criteria) {
		List<Count> rows = fromIdeas(unit, year, by, criteria);
		if (by == By.CHILD_UNIT) {
			return rows.stream().map(c -> c.key().isEmpty() ? new Count(Long.toString(unit.id()), c.count()) : c).toList();
		}
		return rows;
	}

	/** The tally dimension that answers, or null when the criteria need the idea table. */
	static String tallyDimension(By by, Criteria c) {
		Set<String> dims = new java.util.HashSet<>();
		switch (by) {
			case MONTH -> dims.add("M");
			case KIND -> dims.add("K");
			case FIELD -> dims.add("F");
			case TARGET_GROUP -> dims.add("G");
			default -> { }
		}
		if (c.monthRestricted()) {
			dims.add("M");
		}
		if (!c.kinds().isEmpty()) {
			dims.add("K");
		}
		if (!c.fields().isEmpty()) {
			dims.add("F");
		}
		if (!c.groups().isEmpty()) {
			dims.add("G");
		}
		if (dims.size() > 1) {
			return null;
		}
		return dims.isEmpty() ? "S" : dims.iterator().next();
	}

	private List<Count> fromTally(UnitView unit, int year, By by, String dim, Criteria c) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("year", year);
		params.put("dim", dim);
		String filters = "";
		if (!c.statuses().isEmpty()) {
			filters += " and status in (:statuses)";
			params.put("statuses", names(c.statuses()));
		}
		Collection<String> values = switch (dim) {
			case "K" -> names(c.kinds());
			case "F" -> names(c.fields());
			case "G" -> names(c.groups());
			case "M" -> c.monthRestricted() ? months(c) : List.of();
			default -> List.of();
		};
		if (!values.isEmpty()) {
			filters += " and val in (:vals)";
			params.put("vals", values);
		}
		int depth = depthOf(unit.path());
		params.put("path", unit.path());
		params.put("d", depth);
		if (by == By.CHILD_UNIT) {
			// the children's rows one level down; the unit's own ideas are its total minus theirs
			params.put("prefix", UnitScope.likePrefix(unit.path()));
			params.put("d1", depth + 1);
			params.put("plen", unit.path().length());
			List<Count> children = jdbc.sql("select split_part(substr(anc_path, :plen + 1), '/', 1), sum(n) from idea_tally"
					+ " where year = :year and dim = :dim and d = :d1 and anc_path like :prefix" + filters
					+ " group by 1 having sum(n) <> 0 order by 1").params(params)
				.query((rs, i) -> new Count(rs.getString(1), rs.getLong(2))).list();
			long total = jdbc.sql("select coalesce(sum(n), 0) from idea_tally where year = :year and dim = :dim and d = :d"
					+ " and anc_path = :path" + filters).params(params).query(Long.class).single();
			long own = total - children.stream().mapToLong(Count::count).sum();
			List<Count> result = new ArrayList<>(children);
			if (own != 0) {
				result.add(0, new Count("", own));
			}
			return result;
		}
		String key = switch (by) {
			case STATUS -> "status";
			case NONE -> "null";
			default -> "val";
		};
		return jdbc.sql("select " + key + ", sum(n) from idea_tally where year = :year and dim = :dim and d = :d"
				+ " and anc_path = :path" + filters + " group by 1 having sum(n) <> 0 order by 1").params(params)
			.query((rs, i) -> new Count(rs.getString(1), rs.getLong(2))).list();
	}

	/** "/1/7/42/" → 2: the number of ids less one, as org's depth (0 at the root). */
	static int depthOf(String path) {
		return (int) path.chars().filter(ch -> ch == '/').count() - 2;
	}

	private List<Count> fromIdeas(UnitView unit, int year, By by, Criteria c) {
		String counted = "(coalesce(submitted_at, created_at) at time zone 'Asia/Ho_Chi_Minh')";
		String key = switch (by) {
			case CHILD_UNIT -> "split_part(substr(unit_path, :plen + 1), '/', 1)";
			case STATUS -> "status";
			case MONTH -> "to_char(" + counted + ", 'MM')";
			case FIELD -> "coalesce(sector_field, '')";
			case TARGET_GROUP -> "coalesce(target_group, '')";
			case KIND -> "kind";
			case NONE -> "null";
		};
		// duplicates never count (the tally leaves them out too, V80)
		List<String> where = new ArrayList<>(List.of("year = :year", "unit_path like :prefix", "duplicate_of is null"));
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("year", year);
		params.put("prefix", UnitScope.likePrefix(unit.path()));
		if (by == By.CHILD_UNIT) {
			params.put("plen", unit.path().length());
		}
		if (!c.statuses().isEmpty()) {
			where.add("status in (:statuses)");
			params.put("statuses", names(c.statuses()));
		}
		if (!c.kinds().isEmpty()) {
			where.add("kind in (:kinds)");
			params.put("kinds", names(c.kinds()));
		}
		if (!c.fields().isEmpty()) {
			where.add("sector_field in (:fields)");
			params.put("fields", names(c.fields()));
		}
		if (!c.groups().isEmpty()) {
			where.add("target_group in (:groups)");
			params.put("groups", names(c.groups()));
		}
		if (c.monthRestricted()) {
			where.add("to_char(" + counted + ", 'MM') in (:months)");
			params.put("months", months(c));
		}
		String sql = "select " + key + " as k, count(*) as n from idea where " + String.join(" and ", where)
				+ " group by 1 order by 1";
		return jdbc.sql(sql).params(params).query((rs, i) -> new Count(rs.getString(1), rs.getLong(2))).list();
	}

	private static List<String> months(Criteria c) {
		int from = c.fromMonth() == null ? 1 : Math.max(1, c.fromMonth());
		int to = c.toMonth() == null ? 12 : Math.min(12, c.toMonth());
		List<String> result = new ArrayList<>();
		for (int m = from; m <= to; m++) {
			result.add("%02d".formatted(m));
		}
		return result.isEmpty() ? List.of("00") : result;
	}

	private static List<String> names(Collection<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).sorted().collect(Collectors.toList());
	}
}
