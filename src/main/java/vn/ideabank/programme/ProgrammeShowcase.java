package vn.ideabank.programme;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.security.UnitScope;
import vn.ideabank.programme.ProgrammeViews.PublicClub;
import vn.ideabank.programme.ProgrammeViews.PublicStartup;

/**
 * The public read facade for the showcase module's public pages: only the public fields (active clubs: name,
 * kind, host, school, founding date, number of activities; startups: name, stage, field, and the support total only when the
 * startup chose to publish it). No contacts, no team or member names. No caller: everything here is public.
 */
@Service
@Transactional(readOnly = true)
public class ProgrammeShowcase {

	private static final int MAX = 100;

	private final JdbcClient jdbc;

	ProgrammeShowcase(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static final String PUBLIC_CLUB = """
			select c.id, c.unit_id, c.name, c.kind, c.school, c.founded_on,
			       (select count(*) from programme_club_activity a where a.club_id = c.id) as activity_count
			  from programme_club c""";

	/** Active clubs of a unit's subtree (by its path), newest first, at most {@code limit} (≤ 100). */
	public List<PublicClub> clubs(String unitPath, int limit) {
		return jdbc.sql(PUBLIC_CLUB + " where c.active and c.unit_path like :path order by c.founded_on desc, c.id desc limit :limit")
			.param("path", UnitScope.likePrefix(unitPath)).param("limit", Math.min(Math.max(limit, 0), MAX))
			.query((rs, i) -> publicClub(rs)).list();
	}

	/** All active clubs, newest founded first, a page at a time. */
	public Page<PublicClub> activeClubs(Pageable pageable) {
		List<PublicClub> items = jdbc.sql(PUBLIC_CLUB + " where c.active order by c.founded_on desc, c.id desc"
				+ " limit :limit offset :offset")
			.param("limit", Math.min(pageable.getPageSize(), MAX)).param("offset", pageable.getOffset())
			.query((rs, i) -> publicClub(rs)).list();
		return new PageImpl<>(items, pageable, activeClubCount());
	}

	/** How many clubs are active (the showcase's total). */
	public long activeClubCount() {
		return jdbc.sql("select count(*) from programme_club where active").query(Long.class).single();
	}

	private static PublicClub publicClub(ResultSet rs) throws SQLException {
		return new PublicClub(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("name"),
				ClubKind.valueOf(rs.getString("kind")), rs.getString("school"), rs.getObject("founded_on", LocalDate.class),
				rs.getLong("activity_count"));
	}

	/** Startups of a unit's subtree that are still alive, newest first; amounts only where published. */
	public List<PublicStartup> startups(String unitPath, int limit) {
		return jdbc.sql("""
				select s.id, s.unit_id, s.name, s.stage, s.field, s.agriculture,
				       case when s.amounts_public
				            then (select coalesce(sum(x.amount), 0) from programme_startup_support x where x.startup_id = s.id)
				       end as support_total
				  from programme_startup s
				 where s.unit_path like :path and s.stage <> 'STOPPED' order by s.id desc limit :limit""")
			.param("path", UnitScope.likePrefix(unitPath)).param("limit", Math.min(Math.max(limit, 0), MAX))
			.query((rs, i) -> new PublicStartup(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("name"),
					StartupStage.valueOf(rs.getString("stage")), rs.getString("field"), rs.getBoolean("agriculture"),
					rs.getBigDecimal("support_total")))
			.list();
	}
}
