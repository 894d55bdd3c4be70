package vn.ideabank.report;

import java.time.ZoneId;
import java.util.OptionalDouble;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.ideabank.org.UnitView;
import vn.ideabank.quota.CriterionInput;

/**
 * The creativity criterion's punctuality input: of the unit's plans asked for in the year whose
 * deadline has passed or which were sent, and of its periodic reports of the year that were due or
 * sent, the share sent on time (a plan's first upload by its deadline; a report submitted by its due
 * date). Empty when the unit had nothing to send.
 */
@Component
class ReportPunctuality implements CriterionInput {

	private final JdbcClient jdbc;

	private final int dueAfterDays;

	ReportPunctuality(JdbcClient jdbc, @Value("${ideabank.reports.due-after-days:5}") int dueAfterDays) {
		this.jdbc = jdbc;
		this.dueAfterDays = dueAfterDays;
	}

	@Override
	public String key() {
		return PUNCTUALITY;
	}

	@Override
	public OptionalDouble value(UnitView unit, int year) {
		String zone = ZoneId.systemDefault().getId();
		long[] plans = jdbc.sql("""
				select count(*),
				       count(*) filter (where (t.first_submitted_at at time zone :zone)::date <= r.deadline)
				  from report_plan_target t join report_plan_request r on r.id = t.request_id
				 where t.unit_id = :unit and r.year = :year
				   and (t.first_submitted_at is not null or r.deadline < (now() at time zone :zone)::date)""")
			.param("zone", zone).param("unit", unit.id()).param("year", year)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		// a report is due a number of days after its period's last day
		String due = "(make_date(p.period_year, 1, 1) + make_interval(months => p.period_no * case p.period_kind"
				+ " when 'THANG' then 1 when 'QUY' then 3 when 'SAU_THANG' then 6 else 12 end) + make_interval(days => :due - 1))::date";
		long[] reports = jdbc.sql("""
				select count(*),
				       count(*) filter (where p.status = 'SUBMITTED' and (p.submitted_at at time zone :zone)::date <= %s)
				  from report_periodic p
				 where p.unit_id = :unit and p.period_year = :year
				   and (p.status = 'SUBMITTED' or %s < (now() at time zone :zone)::date)""".formatted(due, due))
			.param("zone", zone).param("unit", unit.id()).param("year", year).param("due", dueAfterDays)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		long total = plans[0] + reports[0];
		return total == 0 ? OptionalDouble.empty() : OptionalDouble.of((plans[1] + reports[1]) / (double) total);
	}
}
