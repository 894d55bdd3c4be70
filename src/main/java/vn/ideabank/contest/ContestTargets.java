package vn.ideabank.contest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.ideabank.common.security.UnitScope;
import vn.ideabank.org.UnitView;
import vn.ideabank.quota.CriterionInput;
import vn.ideabank.quota.RecordCounts;
import vn.ideabank.quota.TargetCounter;
import vn.ideabank.quota.TargetKind;
import vn.ideabank.quota.TargetRule;

/**
 * What contests tell the target module: CONTESTS_HELD counts the contests a subtree organised (any
 * contest past its draft, dated by the opening of its nominations), and the creativity criterion's
 * contest participation (see {@link Participation}).
 */
@Component
class ContestTargets implements TargetCounter {

	private static final String HELD = """
			select c.unit_path, c.nomination_opens as on_date from contest c
			 where c.status <> 'DRAFT' and c.unit_path like :path and c.nomination_opens >= :from and c.nomination_opens < :to""";

	private final JdbcClient jdbc;

	ContestTargets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<TargetKind> kinds() {
		return EnumSet.of(TargetKind.CONTESTS_HELD);
	}

	@Override
	public Map<Long, Long> countByChild(TargetRule rule, UnitView unit, int year, int fromMonth, int toMonth) {
		return RecordCounts.byChild(jdbc, HELD, unit, year, fromMonth, toMonth);
	}

	@Override
	public Map<Integer, Long> countByMonth(TargetRule rule, UnitView unit, int year) {
		return RecordCounts.byMonth(jdbc, HELD, unit, year);
	}

	/**
	 * The criterion's contest participation: of the year's contests open to the unit (organised by the
	 * unit or a unit above it, past their draft, nominations already opened), the share to which the
	 * unit's subtree nominated at least one entry. Empty when no contest was open to it.
	 */
	@Component
	static class Participation implements CriterionInput {

		private final JdbcClient jdbc;

		Participation(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public String key() {
			return CONTESTS;
		}

		@Override
		public OptionalDouble value(UnitView unit, int year) {
			long[] counts = jdbc.sql("""
					select count(*),
					       count(*) filter (where exists (select 1 from contest_nomination n
					                                      where n.contest_id = c.id and n.unit_path like :path))
					  from contest c
					 where c.year = :year and c.status <> 'DRAFT' and c.nomination_opens <= :today
					   and c.unit_path in (:own)""")
				.param("path", UnitScope.likePrefix(unit.path())).param("own", UnitScope.pathAndAncestors(unit.path())).param("year", year)
				.param("today", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")))
				.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
			return counts[0] == 0 ? OptionalDouble.empty() : OptionalDouble.of(counts[1] / (double) counts[0]);
		}
	}
}
