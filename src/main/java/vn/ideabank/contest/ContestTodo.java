package vn.ideabank.contest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Role;
import vn.ideabank.common.security.Roles;
import vn.ideabank.common.security.UnitScope;

/** Counts for the to-do home page, one SQL statement each: nominations open, rounds running, entries to judge. */
@Service
@Transactional(readOnly = true)
public class ContestTodo {

	/** Entries a judge still has to score, and the nearest closing day of the rounds they are in. */
	public record Judging(long entries, LocalDate nearestDeadline) {
	}

	private final JdbcClient jdbc;

	/** The clock nominations are checked with ({@code NominationService}), so the count agrees with them. */
	private final Clock clock;

	ContestTodo(JdbcClient jdbc, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Contests open for nominations today (what {@code /contests?nominating=true} lists) that the caller's units (where it holds one of the roles) may
	 * nominate to: organised at one of those units, inside them, or above them.
	 */
	public long nominationsOpen(Caller caller, Set<Role> roles) {
		LocalDate today = LocalDate.now(clock);
		UnitScope scope = UnitScope.of(caller, roles);
		if (scope.isNothing()) {
			return 0;
		}
		UnitScope.Condition inside = scope.sql("unit_path");
		String above = "false";
		List<String> ancestors = new ArrayList<>();
		if (!scope.isEverything()) {
			Set<String> paths = new LinkedHashSet<>();
			scope.prefixes().forEach(p -> paths.addAll(UnitScope.pathAndAncestors(p)));
			ancestors.addAll(paths);
			above = "unit_path in (:above)";
		}
		var spec = inside.bind(jdbc.sql("select count(*) from contest where status = 'OPEN'"
				+ " and :today between nomination_opens and nomination_closes and (" + inside.sql() + " or " + above + ")"))
			.param("today", today);
		if (!ancestors.isEmpty()) {
			spec = spec.param("above", ancestors);
		}
		return spec.query(Long.class).single();
	}

	/** Rounds being judged now in contests organised in the subtrees where the caller is an office. */
	public long roundsInProgress(Caller caller) {
		UnitScope.Condition scope = UnitScope.of(caller, Roles.OFFICE).sql("c.unit_path");
		return scope.bind(jdbc.sql("select count(*) from contest_round r join contest c on c.id = r.contest_id"
				+ " where r.status = 'OPEN' and " + scope.sql())).query(Long.class).single();
	}

	/** The entries of the open rounds the caller judges that it has not scored yet. */
	public Judging toJudge(Caller caller) {
		return jdbc.sql("""
				select count(*), min(r.closes_on) from contest_round_judge j
				  join contest_round r on r.id = j.round_id
				  join contest_round_entry e on e.round_id = r.id
				 where j.account_id = :me and r.status = 'OPEN'
				   and not exists (select 1 from contest_round_score s
				                    where s.round_id = r.id and s.nomination_id = e.nomination_id and s.judge_id = :me)""")
			.param("me", caller.accountId())
			.query((rs, n) -> new Judging(rs.getLong(1), rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate()))
			.single();
	}
}
