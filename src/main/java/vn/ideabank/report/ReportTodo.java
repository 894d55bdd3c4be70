package vn.ideabank.report;

import java.time.LocalDate;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Grant;
import vn.ideabank.common.security.Role;
import vn.ideabank.common.security.Roles;
import vn.ideabank.common.security.UnitScope;

/**
 * Counts for the to-do home page, inside the caller's scope: reports returned or due, plan requests not
 * answered, children missing a plan or a report. One SQL statement each, except {@link #reportsDue},
 * which is the report home's own to-do rule (a few lookups per unit the caller reports for).
 */
@Service
@Transactional(readOnly = true)
public class ReportTodo {

	private final JdbcClient jdbc;

	private final ReportService reports;

	ReportTodo(JdbcClient jdbc, ReportService reports) {
		this.jdbc = jdbc;
		this.reports = reports;
	}

	public LocalDate today() {
		return reports.today();
	}

	/** Reports of the subtrees where the caller holds one of the roles that were returned for revision. */
	public long returned(Caller caller, Set<Role> roles) {
		UnitScope.Condition scope = UnitScope.of(caller, roles).sql("unit_path");
		return scope.bind(jdbc.sql("select count(*) from report_periodic where status = 'RETURNED' and " + scope.sql()))
			.query(Long.class).single();
	}

	/**
	 * The last ended periods the units of the caller's grants with one of the roles still have to submit
	 * (not yet written, or drafts; returned ones are counted by {@link #returned}).
	 */
	public long reportsDue(Caller caller, Set<Role> roles) {
		Set<Long> units = caller.grantsFor(roles).stream().map(Grant::unitId).filter(java.util.Objects::nonNull)
			.collect(java.util.stream.Collectors.toSet());
		return reports.pending(caller).stream().filter(d -> units.contains(d.unitId()))
			.filter(d -> d.status() != ReportStatus.RETURNED).count();
	}

	/** Plan requests addressed to the subtrees where the caller holds one of the roles, not answered yet. */
	public long plansToSend(Caller caller, Set<Role> roles) {
		UnitScope.Condition scope = UnitScope.of(caller, roles).sql("unit_path");
		return scope.bind(jdbc.sql("select count(*) from report_plan_target where submission_count = 0 and " + scope.sql()))
			.query(Long.class).single();
	}

	/** Units that have not sent the plan asked for by a request of the caller's office subtrees, past its deadline. */
	public long plansMissing(Caller caller) {
		UnitScope.Condition scope = UnitScope.of(caller, Roles.OFFICE).sql("r.unit_path");
		return scope.bind(jdbc.sql("select count(distinct t.unit_id) from report_plan_target t"
				+ " join report_plan_request r on r.id = t.request_id"
				+ " where t.submission_count = 0 and r.deadline < :today and " + scope.sql()))
			.param("today", today()).query(Long.class).single();
	}

	/** The last ended quarter: the period whose reports the office checks. */
	public ReportingPeriod lastQuarter() {
		return ReportingPeriod.containing(PeriodKind.QUY, today()).previous();
	}

	/**
	 * Active direct children of the unit that have not submitted their report for the period (what the
	 * page "/reports/periodic/children" lists without a submission). The unit tree is read by its parent
	 * column in the same statement, so nothing is loaded to be counted.
	 */
	public long reportsMissing(Caller caller, long unitId, String unitPath, ReportingPeriod period) {
		if (!caller.can(unitPath, Roles.OFFICE)) {
			return 0;
		}
		return jdbc.sql("""
				select count(*) from org_unit u
				 where u.parent_id = :unit and u.active
				   and not exists (select 1 from report_periodic p
				                    where p.unit_id = u.id and p.period_kind = :kind and p.period_year = :year
				                      and p.period_no = :no and p.status = 'SUBMITTED')""")
			.param("unit", unitId).param("kind", period.kind().name()).param("year", period.year())
			.param("no", period.number()).query(Long.class).single();
	}
}
