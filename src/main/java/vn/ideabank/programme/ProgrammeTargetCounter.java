package vn.ideabank.programme;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.ideabank.org.UnitView;
import vn.ideabank.quota.RecordCounts;
import vn.ideabank.quota.TargetCounter;
import vn.ideabank.quota.TargetKind;
import vn.ideabank.quota.TargetRule;

/**
 * Counts the programme targets for the target module:
 * <ul>
 * <li>AGRI_STARTUPS_SUPPORTED: startups with the agriculture flag that received at least one support in
 * the period (by month: the month of the startup's first support in the year);</li>
 * <li>CLUBS_FOUNDED: clubs founded in the period;</li>
 * <li>IP_SUPPORTED: registrations whose union support is dated in the period.</li>
 * </ul>
 * Each record counts under the direct child of the unit holding it (the unit itself under its own id).
 */
@Component
class ProgrammeTargetCounter implements TargetCounter {

	private final JdbcClient jdbc;

	ProgrammeTargetCounter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<TargetKind> kinds() {
		return EnumSet.of(TargetKind.AGRI_STARTUPS_SUPPORTED, TargetKind.CLUBS_FOUNDED, TargetKind.IP_SUPPORTED);
	}

	/** One row per counted record: its unit path and its date within the year. */
	private static String records(TargetKind kind) {
		return switch (kind) {
			case AGRI_STARTUPS_SUPPORTED -> """
					select s.unit_path, min(x.given_on) as on_date
					  from programme_startup s join programme_startup_support x on x.startup_id = s.id
					 where s.agriculture and s.unit_path like :path and x.given_on >= :from and x.given_on < :to
					 group by s.id, s.unit_path""";
			case CLUBS_FOUNDED -> """
					select c.unit_path, c.founded_on as on_date from programme_club c
					 where c.unit_path like :path and c.founded_on >= :from and c.founded_on < :to""";
			case IP_SUPPORTED -> """
					select i.unit_path, i.supported_on as on_date from programme_ip i
					 where i.union_support is not null and i.unit_path like :path and i.supported_on >= :from and i.supported_on < :to""";
			default -> throw new IllegalArgumentException(kind.name());
		};
	}

	@Override
	public Map<Long, Long> countByChild(TargetRule rule, UnitView unit, int year, int fromMonth, int toMonth) {
		return RecordCounts.byChild(jdbc, records(rule.kind()), unit, year, fromMonth, toMonth);
	}

	@Override
	public Map<Integer, Long> countByMonth(TargetRule rule, UnitView unit, int year) {
		return RecordCounts.byMonth(jdbc, records(rule.kind()), unit, year);
	}
}
