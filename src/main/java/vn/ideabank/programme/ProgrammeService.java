package vn.ideabank.programme;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Roles;
import vn.ideabank.common.security.UnitScope;
import vn.ideabank.member.MemberService;
import vn.ideabank.member.MemberView;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.programme.ProgrammeCommands.AddDeadline;
import vn.ideabank.programme.ProgrammeCommands.AddSupport;
import vn.ideabank.programme.ProgrammeCommands.ChangeIpStatus;
import vn.ideabank.programme.ProgrammeCommands.GrantAward;
import vn.ideabank.programme.ProgrammeCommands.LogActivity;
import vn.ideabank.programme.ProgrammeCommands.SaveClub;
import vn.ideabank.programme.ProgrammeCommands.SaveFund;
import vn.ideabank.programme.ProgrammeCommands.SaveIp;
import vn.ideabank.programme.ProgrammeCommands.SaveStartup;
import vn.ideabank.programme.ProgrammeEvents.ClubActivityLogged;
import vn.ideabank.programme.ProgrammeEvents.IpStatusChanged;
import vn.ideabank.programme.ProgrammeEvents.StartupSupported;
import vn.ideabank.programme.ProgrammeViews.ActivityView;
import vn.ideabank.programme.ProgrammeViews.AwardView;
import vn.ideabank.programme.ProgrammeViews.ClubDetails;
import vn.ideabank.programme.ProgrammeViews.ClubView;
import vn.ideabank.programme.ProgrammeViews.DeadlineView;
import vn.ideabank.programme.ProgrammeViews.FundDetails;
import vn.ideabank.programme.ProgrammeViews.FundView;
import vn.ideabank.programme.ProgrammeViews.IpDetails;
import vn.ideabank.programme.ProgrammeViews.IpHistoryView;
import vn.ideabank.programme.ProgrammeViews.IpView;
import vn.ideabank.programme.ProgrammeViews.StartupDetails;
import vn.ideabank.programme.ProgrammeViews.StartupView;
import vn.ideabank.programme.ProgrammeViews.SupportView;

/**
 * The programme module's facade: startups, clubs and IP registrations. Every method taking a
 * {@link Caller} checks the caller's grants against the unit of the record (everyone with a role reads
 * the subtree; ADMIN, OFFICE and UNIT_OFFICER edit it); lists are filtered in SQL by the caller's
 * subtrees. One transaction per command: a refused command saves nothing.
 */
@Service
@Transactional(readOnly = true)
public class ProgrammeService {

	private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999");

	private static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);

	private final JdbcClient jdbc;

	private final UnitService units;

	private final MemberService members;

	private final IdeaLinks ideaLinks;

	private final ApplicationEventPublisher events;

	ProgrammeService(JdbcClient jdbc, UnitService units, MemberService members, ApplicationEventPublisher events,
			IdeaLinks ideaLinks) {
		this.ideaLinks = ideaLinks;
		this.jdbc = jdbc;
		this.units = units;
		this.members = members;
		this.events = events;
	}

	/** A text filter and an optional unit (its subtree) for the lists. */
	public record Filter(Long unitId, String q) {

		public static Filter none() {
			return new Filter(null, null);
		}
	}

	// --- permissions ---------------------------------------------------------------------------------

	public boolean canEdit(Caller caller, String unitPath) {
		return caller.can(unitPath, Roles.STAFF);
	}

	/** Active units in which the caller may record startups, clubs and registrations. */
	public List<UnitView> editableUnits(Caller caller) {
		return units.visible(caller).stream().filter(u -> u.active() && canEdit(caller, u.path())).toList();
	}

	private UnitView editableUnit(Caller caller, Long unitId, String field) {
		if (unitId == null) {
			throw new BusinessException(field, "programme.error.unit-required");
		}
		UnitView unit = units.find(unitId).orElseThrow(() -> new BusinessException(field, "programme.error.unit-required"));
		if (!canEdit(caller, unit.path())) {
			throw new ForbiddenException();
		}
		return unit;
	}

	private void requireEdit(Caller caller, String unitPath) {
		if (!canEdit(caller, unitPath)) {
			throw new ForbiddenException();
		}
	}

	private void requireView(Caller caller, String unitPath) {
		if (!caller.sees(unitPath)) {
			throw new ForbiddenException();
		}
	}

	/** What any role reads: the caller's subtrees, narrowed to the filter's unit (refused outside them). */
	private UnitScope scope(Caller caller, Filter filter) {
		String within = null;
		if (filter.unitId() != null) {
			within = units.find(filter.unitId()).orElseThrow(() -> new NotFoundException("programme.error.not-found")).path();
		}
		return UnitScope.of(caller).requireWithin(within);
	}

	// --- startups ------------------------------------------------------------------------------------

	private static final String STARTUP_SELECT = """
			select s.*, (select count(*) from programme_startup_support x where x.startup_id = s.id) as support_count,
			       (select coalesce(sum(x.amount), 0) from programme_startup_support x where x.startup_id = s.id) as support_total
			  from programme_startup s""";

	public Page<StartupView> startups(Caller caller, Filter filter, Pageable pageable) {
		return page("programme_startup", STARTUP_SELECT, "s", "s.name", caller, filter, pageable, ProgrammeService::startupRow);
	}

	public void forEachStartup(Caller caller, Filter filter, Consumer<List<StartupView>> chunk) {
		chunks(STARTUP_SELECT, "s", "s.name", caller, filter, ProgrammeService::startupRow, chunk);
	}

	public StartupDetails startup(Caller caller, long id) {
		StartupView s = loadStartup(id);
		requireView(caller, s.unitPath());
		List<Long> ideas = jdbc.sql("select idea_id from programme_startup_idea where startup_id = :id order by idea_id")
			.param("id", id).query(Long.class).list();
		List<SupportView> supports = jdbc.sql("select * from programme_startup_support where startup_id = :id order by given_on, id")
			.param("id", id).query((rs, i) -> support(rs)).list();
		List<IpView> ips = jdbc.sql(IP_SELECT + " where i.startup_id = :id order by i.id").param("id", id)
			.query((rs, i) -> ipRow(rs)).list();
		return new StartupDetails(s, ideas, supports, ips);
	}

	@Transactional
	public StartupView createStartup(Caller caller, SaveStartup command) {
		UnitView unit = editableUnit(caller, command.unitId(), "unitId");
		checkStartup(command);
		List<Long> ideaIds = ideaLinks.check(caller, command.ideaIds(), unit.path(), "ideaIds");
		long id = jdbc.sql("""
				insert into programme_startup (unit_id, unit_path, name, field, agriculture, stage, team, contact, revenue_band,
				                               jobs_created, amounts_public, created_by)
				values (:unit, :path, :name, :field, :agri, :stage, :team, :contact, :band, :jobs, :pub, :by) returning id""")
			.param("unit", unit.id()).param("path", unit.path()).param("name", command.name().strip())
			.param("field", command.field().strip()).param("agri", command.agriculture()).param("stage", command.stage().name())
			.param("team", blankToNull(command.team())).param("contact", blankToNull(command.contact()))
			.param("band", command.revenueBand() == null ? null : command.revenueBand().name())
			.param("jobs", command.jobsCreated()).param("pub", command.amountsPublic()).param("by", caller.accountId())
			.query(Long.class).single();
		linkIdeas(id, ideaIds);
		return loadStartup(id);
	}

	@Transactional
	public StartupView editStartup(Caller caller, long id, SaveStartup command, long version) {
		StartupView s = loadStartup(id);
		requireEdit(caller, s.unitPath());
		checkStartup(command);
		List<Long> ideaIds = ideaLinks.check(caller, command.ideaIds(), s.unitPath(), "ideaIds");
		versioned("programme_startup", id, jdbc.sql("""
				update programme_startup set name = :name, field = :field, agriculture = :agri, stage = :stage, team = :team,
				       contact = :contact, revenue_band = :band, jobs_created = :jobs, amounts_public = :pub, version = version + 1
				 where id = :id and version = :version""")
			.param("name", command.name().strip()).param("field", command.field().strip()).param("agri", command.agriculture())
			.param("stage", command.stage().name()).param("team", blankToNull(command.team()))
			.param("contact", blankToNull(command.contact()))
			.param("band", command.revenueBand() == null ? null : command.revenueBand().name())
			.param("jobs", command.jobsCreated()).param("pub", command.amountsPublic()).param("id", id).param("version", version)
			.update());
		jdbc.sql("delete from programme_startup_idea where startup_id = :id").param("id", id).update();
		linkIdeas(id, ideaIds);
		return loadStartup(id);
	}

	@Transactional
	public SupportView addSupport(Caller caller, long startupId, AddSupport command) {
		StartupView s = loadStartup(startupId);
		requireEdit(caller, s.unitPath());
		if (command.kind() == null) {
			throw new BusinessException("kind", "programme.error.required");
		}
		checkAmount(command.amount(), "programme.error.amount-negative");
		checkDate("givenOn", command.givenOn(), true);
		length("partner", command.partner(), 300);
		length("note", command.note(), 1000);
		long id = jdbc.sql("""
				insert into programme_startup_support (startup_id, kind, amount, given_on, partner, note, created_by)
				values (:s, :kind, :amount, :on, :partner, :note, :by) returning id""")
			.param("s", startupId).param("kind", command.kind().name()).param("amount", command.amount())
			.param("on", command.givenOn()).param("partner", blankToNull(command.partner()))
			.param("note", blankToNull(command.note())).param("by", caller.accountId())
			.query(Long.class).single();
		events.publishEvent(new StartupSupported(startupId, id, s.unitId(), s.unitPath(), command.kind(), command.givenOn()));
		return jdbc.sql("select * from programme_startup_support where id = :id").param("id", id)
			.query((rs, i) -> support(rs)).single();
	}

	private void checkStartup(SaveStartup c) {
		required("name", c.name(), 300);
		required("field", c.field(), 200);
		if (c.stage() == null) {
			throw new BusinessException("stage", "programme.error.required");
		}
		length("team", c.team(), 4000);
		length("contact", c.contact(), 300);
		if (c.jobsCreated() != null && c.jobsCreated() < 0) {
			throw new BusinessException("jobsCreated", "programme.error.negative");
		}
	}

	private void linkIdeas(long startupId, List<Long> ideaIds) {
		for (Long ideaId : ideaIds.stream().distinct().toList()) {
			jdbc.sql("insert into programme_startup_idea (startup_id, idea_id) values (:s, :i)").param("s", startupId)
				.param("i", ideaId).update();
		}
	}

	private StartupView loadStartup(long id) {
		return jdbc.sql(STARTUP_SELECT + " where s.id = :id").param("id", id).query((rs, i) -> startupRow(rs)).optional()
			.orElseThrow(() -> new NotFoundException("programme.error.not-found"));
	}

	// --- clubs ---------------------------------------------------------------------------------------

	private static final String CLUB_SELECT = """
			select c.*, (select count(*) from programme_club_activity a where a.club_id = c.id) as activity_count
			  from programme_club c""";

	public Page<ClubView> clubs(Caller caller, Filter filter, Pageable pageable) {
		return page("programme_club", CLUB_SELECT, "c", "c.name", caller, filter, pageable, ProgrammeService::clubRow);
	}

	public void forEachClub(Caller caller, Filter filter, Consumer<List<ClubView>> chunk) {
		chunks(CLUB_SELECT, "c", "c.name", caller, filter, ProgrammeService::clubRow, chunk);
	}

	public ClubDetails club(Caller caller, long id) {
		ClubView c = loadClub(id);
		requireView(caller, c.unitPath());
		List<ActivityView> log = jdbc.sql("select * from programme_club_activity where club_id = :id order by held_on desc, id desc")
			.param("id", id)
			.query((rs, i) -> new ActivityView(rs.getLong("id"), rs.getLong("club_id"), rs.getObject("held_on", LocalDate.class),
					rs.getString("title"), rs.getInt("attendance")))
			.list();
		return new ClubDetails(c, log);
	}

	@Transactional
	public ClubView createClub(Caller caller, SaveClub command) {
		UnitView unit = editableUnit(caller, command.unitId(), "unitId");
		checkClub(command);
		long id = jdbc.sql("""
				insert into programme_club (unit_id, unit_path, name, kind, school, founded_on, decision_no, members, member_count,
				                            active, created_by)
				values (:unit, :path, :name, :kind, :school, :founded, :decision, :members, :count, :active, :by) returning id""")
			.param("active", command.active())
			.param("unit", unit.id()).param("path", unit.path()).param("name", command.name().strip())
			.param("kind", command.kind().name()).param("school", blankToNull(command.school()))
			.param("founded", command.foundedOn()).param("decision", blankToNull(command.decisionNo()))
			.param("members", blankToNull(command.members()))
			.param("count", command.memberCount() == null ? 0 : command.memberCount()).param("by", caller.accountId())
			.query(Long.class).single();
		return loadClub(id);
	}

	@Transactional
	public ClubView editClub(Caller caller, long id, SaveClub command, long version) {
		ClubView c = loadClub(id);
		requireEdit(caller, c.unitPath());
		checkClub(command);
		versioned("programme_club", id, jdbc.sql("""
				update programme_club set name = :name, kind = :kind, school = :school, founded_on = :founded,
				       decision_no = :decision, members = :members, member_count = :count, active = :active,
				       version = version + 1
				 where id = :id and version = :version""")
			.param("active", command.active())
			.param("name", command.name().strip()).param("kind", command.kind().name())
			.param("school", blankToNull(command.school())).param("founded", command.foundedOn())
			.param("decision", blankToNull(command.decisionNo())).param("members", blankToNull(command.members()))
			.param("count", command.memberCount() == null ? 0 : command.memberCount()).param("id", id)
			.param("version", version).update());
		return loadClub(id);
	}

	@Transactional
	public ActivityView logActivity(Caller caller, long clubId, LogActivity command) {
		ClubView c = loadClub(clubId);
		requireEdit(caller, c.unitPath());
		required("title", command.title(), 300);
		checkDate("heldOn", command.heldOn(), true);
		if (command.heldOn().isBefore(c.foundedOn())) {
			throw new BusinessException("heldOn", "programme.error.before-founding");
		}
		if (command.attendance() == null) {
			throw new BusinessException("attendance", "programme.error.required");
		}
		if (command.attendance() < 0) {
			throw new BusinessException("attendance", "programme.error.negative");
		}
		long id = jdbc.sql("""
				insert into programme_club_activity (club_id, held_on, title, attendance, created_by)
				values (:c, :on, :title, :n, :by) returning id""")
			.param("c", clubId).param("on", command.heldOn()).param("title", command.title().strip())
			.param("n", command.attendance()).param("by", caller.accountId()).query(Long.class).single();
		events.publishEvent(new ClubActivityLogged(clubId, id, c.unitId(), c.unitPath(), command.heldOn(), command.attendance()));
		return new ActivityView(id, clubId, command.heldOn(), command.title().strip(), command.attendance());
	}

	private void checkClub(SaveClub c) {
		required("name", c.name(), 300);
		if (c.kind() == null) {
			throw new BusinessException("kind", "programme.error.required");
		}
		length("school", c.school(), 300);
		checkDate("foundedOn", c.foundedOn(), true);
		length("decisionNo", c.decisionNo(), 100);
		length("members", c.members(), 4000);
		if (c.memberCount() != null && c.memberCount() < 0) {
			throw new BusinessException("memberCount", "programme.error.negative");
		}
	}

	private ClubView loadClub(long id) {
		return jdbc.sql(CLUB_SELECT + " where c.id = :id").param("id", id).query((rs, i) -> clubRow(rs)).optional()
			.orElseThrow(() -> new NotFoundException("programme.error.not-found"));
	}

	// --- funds and scholarships ----------------------------------------------------------------------

	private static final String FUND_SELECT = """
			select f.*, (select count(*) from programme_fund_award a where a.fund_id = f.id) as award_count,
			       (select coalesce(sum(a.amount), 0) from programme_fund_award a where a.fund_id = f.id) as award_total
			  from programme_fund f""";

	static final String AWARD_SELECT = """
			select w.*, f.name as fund_name, f.kind as fund_kind
			  from programme_fund_award w join programme_fund f on f.id = w.fund_id""";

	/** How many of a fund's awards its page lists, newest first. */
	public static final int FUND_PAGE_AWARDS = 200;

	public Page<FundView> funds(Caller caller, Filter filter, Pageable pageable) {
		return page("programme_fund", FUND_SELECT, "f", "f.year desc, f.name", caller, filter, pageable, ProgrammeService::fundRow);
	}

	public void forEachFund(Caller caller, Filter filter, Consumer<List<FundView>> chunk) {
		chunks(FUND_SELECT, "f", "f.year desc, f.name", caller, filter, ProgrammeService::fundRow, chunk);
	}

	public FundDetails fund(Caller caller, long id) {
		FundView f = loadFund(id);
		requireView(caller, f.unitPath());
		// the newest awards only: the count and total of all of them are on the fund itself
		List<AwardView> awards = jdbc.sql(AWARD_SELECT + " where w.fund_id = :id order by w.awarded_on desc, w.id desc limit :limit")
			.param("id", id).param("limit", FUND_PAGE_AWARDS).query((rs, i) -> awardRow(rs)).list();
		return new FundDetails(f, awards);
	}

	@Transactional
	public FundView createFund(Caller caller, SaveFund command) {
		UnitView unit = editableUnit(caller, command.unitId(), "unitId");
		checkFund(command);
		long id = jdbc.sql("""
				insert into programme_fund (unit_id, unit_path, name, kind, year, description, created_by)
				values (:unit, :path, :name, :kind, :year, :description, :by) returning id""")
			.param("unit", unit.id()).param("path", unit.path()).param("name", command.name().strip())
			.param("kind", command.kind().name()).param("year", command.year())
			.param("description", blankToNull(command.description())).param("by", caller.accountId())
			.query(Long.class).single();
		return loadFund(id);
	}

	/** Changes a programme; its year cannot leave behind awards dated in another year. */
	@Transactional
	public FundView editFund(Caller caller, long id, SaveFund command, long version) {
		FundView f = loadFund(id);
		requireEdit(caller, f.unitPath());
		checkFund(command);
		boolean outside = jdbc.sql("select exists (select 1 from programme_fund_award where fund_id = :id"
				+ " and extract(year from awarded_on) <> :year)").param("id", id).param("year", command.year())
			.query(Boolean.class).single();
		if (outside) {
			throw new BusinessException("year", "programme.error.fund-year-awards");
		}
		versioned("programme_fund", id, jdbc.sql("""
				update programme_fund set name = :name, kind = :kind, year = :year, description = :description,
				       version = version + 1
				 where id = :id and version = :version""")
			.param("name", command.name().strip()).param("kind", command.kind().name()).param("year", command.year())
			.param("description", blankToNull(command.description())).param("id", id).param("version", version).update());
		return loadFund(id);
	}

	/**
	 * Records an award. The recipient (a roster member, a person by name, or a unit) must lie in the programme's
	 * subtree; the date in the programme's year; the amount whole đồng, not negative.
	 */
	@Transactional
	public AwardView grantAward(Caller caller, long fundId, GrantAward command) {
		FundView f = loadFund(fundId);
		requireEdit(caller, f.unitPath());
		int recipients = (command.memberId() != null ? 1 : 0) + (blankToNull(command.recipientName()) != null ? 1 : 0)
				+ (command.recipientUnitId() != null ? 1 : 0);
		if (recipients == 0) {
			throw new BusinessException("memberId", "programme.error.recipient-required");
		}
		if (recipients > 1) {
			throw new BusinessException("memberId", "programme.error.recipient-one");
		}
		UnitView owner;
		String name = blankToNull(command.recipientName());
		if (command.memberId() != null) {
			MemberView member = members.find(command.memberId())
				.orElseThrow(() -> new BusinessException("memberId", "programme.error.member-unknown"));
			owner = recipientUnit(caller, f, member.unitId(), "memberId");
			name = member.fullName();
		}
		else if (command.recipientUnitId() != null) {
			owner = recipientUnit(caller, f, command.recipientUnitId(), "recipientUnitId");
		}
		else {
			owner = units.find(f.unitId()).orElseThrow();
		}
		length("recipientName", name, 300);
		if (command.amount() == null) {
			throw new BusinessException("amount", "programme.error.required");
		}
		checkAmount(command.amount(), "programme.error.award-negative");
		checkDate("awardedOn", command.awardedOn(), true);
		if (command.awardedOn().getYear() != f.year()) {
			throw new BusinessException("awardedOn", "programme.error.award-year", Integer.toString(f.year()));
		}
		required("decisionNo", command.decisionNo(), 100);
		length("note", command.note(), 1000);
		ideaLinks.check(caller, command.ideaId(), f.unitPath(), "ideaId");
		if (command.startupId() != null) {
			StartupView s = jdbc.sql(STARTUP_SELECT + " where s.id = :id").param("id", command.startupId())
				.query((rs, i) -> startupRow(rs)).optional()
				.orElseThrow(() -> new BusinessException("startupId", "programme.error.startup-unknown"));
			if (!caller.sees(s.unitPath())) {
				throw new BusinessException("startupId", "programme.error.startup-unknown");
			}
		}
		long id = jdbc.sql("""
				insert into programme_fund_award (fund_id, unit_id, unit_path, member_id, recipient_name, to_unit, amount,
				                                  awarded_on, decision_no, idea_id, startup_id, note, created_by)
				values (:fund, :unit, :path, :member, :name, :toUnit, :amount, :on, :no, :idea, :startup, :note, :by)
				returning id""")
			.param("fund", fundId).param("unit", owner.id()).param("path", owner.path()).param("member", command.memberId())
			.param("name", command.recipientUnitId() != null ? null : name).param("toUnit", command.recipientUnitId() != null)
			.param("amount", command.amount()).param("on", command.awardedOn()).param("no", command.decisionNo().strip())
			.param("idea", command.ideaId()).param("startup", command.startupId()).param("note", blankToNull(command.note()))
			.param("by", caller.accountId()).query(Long.class).single();
		return jdbc.sql(AWARD_SELECT + " where w.id = :id").param("id", id).query((rs, i) -> awardRow(rs)).single();
	}

	/** The recipient's unit: it must exist and lie in the programme's subtree (a fund gives within its own tree). */
	private UnitView recipientUnit(Caller caller, FundView f, long unitId, String field) {
		UnitView unit = units.find(unitId).orElseThrow(() -> new BusinessException(field, "programme.error.unit-required"));
		if (!UnitScope.subtree(f.unitPath()).covers(unit.path()) || !caller.sees(unit.path())) {
			throw new BusinessException(field, "programme.error.recipient-outside");
		}
		return unit;
	}

	private static void checkFund(SaveFund c) {
		required("name", c.name(), 300);
		if (c.kind() == null) {
			throw new BusinessException("kind", "programme.error.required");
		}
		if (c.year() == null) {
			throw new BusinessException("year", "programme.error.required");
		}
		if (c.year() < EARLIEST.getYear() || c.year() > LocalDate.now().getYear() + 1) {
			throw new BusinessException("year", "programme.error.year-range");
		}
		length("description", c.description(), 4000);
	}

	private FundView loadFund(long id) {
		return jdbc.sql(FUND_SELECT + " where f.id = :id").param("id", id).query((rs, i) -> fundRow(rs)).optional()
			.orElseThrow(() -> new NotFoundException("programme.error.not-found"));
	}

	static FundView fundRow(ResultSet rs) throws SQLException {
		return new FundView(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_path"), rs.getString("name"),
				FundKind.valueOf(rs.getString("kind")), rs.getInt("year"), rs.getString("description"),
				rs.getLong("award_count"), rs.getBigDecimal("award_total"), rs.getLong("version"));
	}

	static AwardView awardRow(ResultSet rs) throws SQLException {
		return new AwardView(rs.getLong("id"), rs.getLong("fund_id"), rs.getString("fund_name"),
				FundKind.valueOf(rs.getString("fund_kind")), rs.getLong("unit_id"), longOrNull(rs, "member_id"),
				rs.getString("recipient_name"), rs.getBoolean("to_unit"), rs.getBigDecimal("amount"),
				rs.getObject("awarded_on", LocalDate.class), rs.getString("decision_no"), longOrNull(rs, "idea_id"),
				longOrNull(rs, "startup_id"), rs.getString("note"));
	}

	// --- IP registrations ----------------------------------------------------------------------------

	private static final String IP_SELECT = """
			select i.*, (select min(d.due_on) from programme_ip_deadline d where d.ip_id = i.id and not d.done) as next_deadline
			  from programme_ip i""";

	public Page<IpView> registrations(Caller caller, Filter filter, Pageable pageable) {
		return page("programme_ip", IP_SELECT, "i", "i.title", caller, filter, pageable, ProgrammeService::ipRow);
	}

	public void forEachRegistration(Caller caller, Filter filter, Consumer<List<IpView>> chunk) {
		chunks(IP_SELECT, "i", "i.title", caller, filter, ProgrammeService::ipRow, chunk);
	}

	public IpDetails registration(Caller caller, long id) {
		IpView ip = loadIp(id);
		requireView(caller, ip.unitPath());
		List<IpHistoryView> history = jdbc.sql("select * from programme_ip_history where ip_id = :id order by id")
			.param("id", id)
			.query((rs, i) -> new IpHistoryView(status(rs.getString("from_status")), status(rs.getString("to_status")),
					rs.getString("note"), rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by_name")))
			.list();
		return new IpDetails(ip, history, deadlines(id));
	}

	/** Open deadlines of registrations the caller sees, due by {@code until}, soonest first ("visible in-app"). */
	public List<DeadlineView> upcomingDeadlines(Caller caller, LocalDate until, int limit) {
		UnitScope.Condition scope = UnitScope.of(caller).sql("i.unit_path");
		StatementSpec spec = jdbc.sql("""
				select d.*, exists (select 1 from programme_ip_reminder r where r.deadline_id = d.id) as reminded
				  from programme_ip_deadline d join programme_ip i on i.id = d.ip_id
				 where not d.done and d.due_on <= :until and %s
				 order by d.due_on, d.id limit :limit""".formatted(scope.sql()))
			.param("until", until).param("limit", limit);
		return scope.bind(spec).query((rs, i) -> deadline(rs)).list();
	}

	@Transactional
	public IpView createRegistration(Caller caller, SaveIp command) {
		UnitView unit = editableUnit(caller, command.unitId(), "unitId");
		if (command.type() == null) {
			throw new BusinessException("type", "programme.error.required");
		}
		IpStatus status = command.status() == null ? IpStatus.PREPARING : command.status();
		required("title", command.title(), 300);
		required("applicant", command.applicant(), 300);
		checkFiling(command.type(), status, command.applicationNo(), command.filedOn());
		checkSupport(command.unionSupport(), command.supportedOn(), command.filedOn());
		ideaLinks.check(caller, command.ideaId(), unit.path(), "ideaId");
		if (command.startupId() != null) {
			StartupView s = jdbc.sql(STARTUP_SELECT + " where s.id = :id").param("id", command.startupId())
				.query((rs, i) -> startupRow(rs)).optional()
				.orElseThrow(() -> new BusinessException("startupId", "programme.error.startup-unknown"));
			requireView(caller, s.unitPath());
		}
		long id = jdbc.sql("""
				insert into programme_ip (unit_id, unit_path, idea_id, startup_id, ip_type, title, applicant, application_no,
				                          filed_on, status, union_support, supported_on, created_by)
				values (:unit, :path, :idea, :startup, :type, :title, :applicant, :no, :filed, :status, :support, :supportedOn, :by)
				returning id""")
			.param("unit", unit.id()).param("path", unit.path()).param("idea", command.ideaId())
			.param("startup", command.startupId()).param("type", command.type().name()).param("title", command.title().strip())
			.param("applicant", command.applicant().strip()).param("no", blankToNull(command.applicationNo()))
			.param("filed", command.filedOn()).param("status", status.name())
			.param("support", blankToNull(command.unionSupport())).param("supportedOn", command.supportedOn())
			.param("by", caller.accountId()).query(Long.class).single();
		history(caller, id, null, status, null);
		events.publishEvent(new IpStatusChanged(id, unit.id(), unit.path(), null, status, caller.accountId()));
		return loadIp(id);
	}

	/** Moves a registration along the transition table of {@link IpStatus}, with a history row and an event. */
	@Transactional
	public IpView changeStatus(Caller caller, long id, ChangeIpStatus command, long version) {
		IpView ip = loadIp(id);
		requireEdit(caller, ip.unitPath());
		if (command.to() == null) {
			throw new BusinessException("to", "programme.error.required");
		}
		if (!ip.status().canMoveTo(command.to())) {
			throw new BusinessException("to", "programme.error.ip-transition");
		}
		String number = blankToNull(command.applicationNo()) != null ? command.applicationNo().strip() : ip.applicationNo();
		LocalDate filedOn = command.filedOn() != null ? command.filedOn() : ip.filedOn();
		checkFiling(ip.type(), command.to(), number, filedOn);
		length("note", command.note(), 1000);
		versioned("programme_ip", id, jdbc.sql("""
				update programme_ip set status = :status, application_no = :no, filed_on = :filed, version = version + 1
				 where id = :id and version = :version""")
			.param("status", command.to().name()).param("no", number).param("filed", filedOn).param("id", id)
			.param("version", version).update());
		if (command.to().finished()) {
			// nothing is due any more on a finished application
			jdbc.sql("update programme_ip_deadline set done = true where ip_id = :id").param("id", id).update();
		}
		history(caller, id, ip.status(), command.to(), blankToNull(command.note()));
		events.publishEvent(new IpStatusChanged(id, ip.unitId(), ip.unitPath(), ip.status(), command.to(), caller.accountId()));
		return loadIp(id);
	}

	/** Records (or clears, with a blank text) the support the union gave. */
	@Transactional
	public IpView recordSupport(Caller caller, long id, String support, LocalDate supportedOn, long version) {
		IpView ip = loadIp(id);
		requireEdit(caller, ip.unitPath());
		String text = blankToNull(support);
		checkSupport(text, text == null ? null : supportedOn, null);
		versioned("programme_ip", id, jdbc.sql("""
				update programme_ip set union_support = :s, supported_on = :on, version = version + 1
				 where id = :id and version = :version""")
			.param("s", text).param("on", text == null ? null : supportedOn).param("id", id).param("version", version).update());
		return loadIp(id);
	}

	@Transactional
	public DeadlineView addDeadline(Caller caller, long ipId, AddDeadline command) {
		IpView ip = loadIp(ipId);
		requireEdit(caller, ip.unitPath());
		if (ip.status().finished()) {
			throw new BusinessException("dueOn", "programme.error.ip-finished");
		}
		required("label", command.label(), 300);
		if (command.dueOn() == null) {
			throw new BusinessException("dueOn", "programme.error.required");
		}
		if (ip.filedOn() != null && command.dueOn().isBefore(ip.filedOn())) {
			throw new BusinessException("dueOn", "programme.error.before-filing");
		}
		long id = jdbc.sql("""
				insert into programme_ip_deadline (ip_id, label, due_on, created_by) values (:ip, :label, :due, :by) returning id""")
			.param("ip", ipId).param("label", command.label().strip()).param("due", command.dueOn())
			.param("by", caller.accountId()).query(Long.class).single();
		return new DeadlineView(id, ipId, command.label().strip(), command.dueOn(), false, false);
	}

	@Transactional
	public void completeDeadline(Caller caller, long ipId, long deadlineId) {
		IpView ip = loadIp(ipId);
		requireEdit(caller, ip.unitPath());
		int n = jdbc.sql("update programme_ip_deadline set done = true where id = :d and ip_id = :ip").param("d", deadlineId)
			.param("ip", ipId).update();
		if (n == 0) {
			throw new NotFoundException("programme.error.not-found");
		}
	}

	private List<DeadlineView> deadlines(long ipId) {
		return jdbc.sql("""
				select d.*, exists (select 1 from programme_ip_reminder r where r.deadline_id = d.id) as reminded
				  from programme_ip_deadline d where d.ip_id = :id order by d.due_on, d.id""")
			.param("id", ipId).query((rs, i) -> deadline(rs)).list();
	}

	private void checkFiling(IpType type, IpStatus status, String number, LocalDate filedOn) {
		checkDate("filedOn", filedOn, false);
		String no = blankToNull(number);
		if (no != null && !type.accepts(no.strip(), filedOn == null ? null : filedOn.getYear())) {
			throw new BusinessException("applicationNo",
					type.example() == null ? "programme.error.ip-number-free" : "programme.error.ip-number", type.example());
		}
		if (status.filed() && no == null) {
			throw new BusinessException("applicationNo", "programme.error.ip-number-required");
		}
		if (status.filed() && filedOn == null) {
			throw new BusinessException("filedOn", "programme.error.ip-filed-required");
		}
	}

	private void checkSupport(String support, LocalDate supportedOn, LocalDate filedOn) {
		length("unionSupport", support, 1000);
		boolean text = blankToNull(support) != null;
		if (text && supportedOn == null) {
			throw new BusinessException("supportedOn", "programme.error.required");
		}
		if (!text && supportedOn != null) {
			throw new BusinessException("unionSupport", "programme.error.required");
		}
		checkDate("supportedOn", supportedOn, false);
	}

	private void history(Caller caller, long ipId, IpStatus from, IpStatus to, String note) {
		jdbc.sql("""
				insert into programme_ip_history (ip_id, from_status, to_status, note, changed_by, changed_by_name)
				values (:ip, :from, :to, :note, :by, :name)""")
			.param("ip", ipId).param("from", from == null ? null : from.name()).param("to", to.name()).param("note", note)
			.param("by", caller.accountId()).param("name", caller.displayName()).update();
	}

	private IpView loadIp(long id) {
		return jdbc.sql(IP_SELECT + " where i.id = :id").param("id", id).query((rs, i) -> ipRow(rs)).optional()
			.orElseThrow(() -> new NotFoundException("programme.error.not-found"));
	}

	// --- paths ---------------------------------------------------------------------------------------

	// --- helpers -------------------------------------------------------------------------------------

	interface Row<T> {

		T map(ResultSet rs) throws SQLException;
	}

	private <T> Page<T> page(String table, String select, String alias, String order, Caller caller, Filter filter,
			Pageable pageable, Row<T> row) {
		UnitScope.Condition scope = scope(caller, filter).sql(alias + ".unit_path");
		String where = where(scope, alias, filter);
		long total = bind(scope, jdbc.sql("select count(*) from " + table + " " + alias + " where " + where), filter)
			.query(Long.class).single();
		List<T> items = bind(scope, jdbc.sql(select + " where " + where + " order by " + order + ", " + alias
				+ ".id limit :limit offset :offset"), filter)
			.param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
			.query((rs, i) -> row.map(rs)).list();
		return new PageImpl<>(items, pageable, total);
	}

	private <T> void chunks(String select, String alias, String order, Caller caller, Filter filter, Row<T> row,
			Consumer<List<T>> chunk) {
		UnitScope.Condition scope = scope(caller, filter).sql(alias + ".unit_path");
		String where = where(scope, alias, filter);
		long after = 0;
		while (true) {
			List<Long> ids = bind(scope, jdbc.sql("select " + alias + ".id from (" + select + ") " + alias + " where " + where
					+ " and " + alias + ".id > :after order by " + alias + ".id limit 500"), filter)
				.param("after", after).query(Long.class).list();
			if (ids.isEmpty()) {
				return;
			}
			chunk.accept(jdbc.sql(select + " where " + alias + ".id in (:ids) order by " + order + ", " + alias + ".id")
				.param("ids", ids).query((rs, i) -> row.map(rs)).list());
			after = ids.get(ids.size() - 1);
		}
	}

	private static String where(UnitScope.Condition scope, String alias, Filter filter) {
		String where = scope.sql();
		if (blankToNull(filter.q()) != null) {
			where += " and " + (alias.equals("i") ? "(i.title ilike :q or i.application_no ilike :q)" : alias + ".name ilike :q");
		}
		return where;
	}

	private static StatementSpec bind(UnitScope.Condition scope, StatementSpec spec, Filter filter) {
		if (blankToNull(filter.q()) != null) {
			spec = spec.param("q", "%" + UnitScope.escapeLike(filter.q().strip()) + "%");
		}
		return scope.bind(spec);
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static void required(String field, String value, int max) {
		if (blankToNull(value) == null) {
			throw new BusinessException(field, "programme.error.required");
		}
		length(field, value, max);
	}

	private static void length(String field, String value, int max) {
		if (value != null && value.strip().length() > max) {
			throw new BusinessException(field, "programme.error.too-long", max);
		}
	}

	/** An update that checked the version it was given: none changed means someone else saved first (409). */
	private static void versioned(String table, long id, int updated) {
		if (updated == 0) {
			throw new ObjectOptimisticLockingFailureException(table, id);
		}
	}

	/** A sum of money: whole đồng, not negative, at most 15 digits (null passes: callers decide if it is required). */
	private static void checkAmount(BigDecimal amount, String negativeKey) {
		if (amount != null && amount.signum() < 0) {
			throw new BusinessException("amount", negativeKey);
		}
		if (amount != null && (amount.stripTrailingZeros().scale() > 0 || amount.compareTo(MAX_AMOUNT) > 0)) {
			throw new BusinessException("amount", "programme.error.amount-whole");
		}
	}

	private static void checkDate(String field, LocalDate date, boolean required) {
		if (date == null) {
			if (required) {
				throw new BusinessException(field, "programme.error.required");
			}
			return;
		}
		if (date.isBefore(EARLIEST) || date.isAfter(LocalDate.now().plusYears(1))) {
			throw new BusinessException(field, "programme.error.date-range");
		}
	}

	private static IpStatus status(String s) {
		return s == null ? null : IpStatus.valueOf(s);
	}

	private static Integer integer(ResultSet rs, String column) throws SQLException {
		int v = rs.getInt(column);
		return rs.wasNull() ? null : v;
	}

	private static Long longOrNull(ResultSet rs, String column) throws SQLException {
		long v = rs.getLong(column);
		return rs.wasNull() ? null : v;
	}

	static StartupView startupRow(ResultSet rs) throws SQLException {
		String band = rs.getString("revenue_band");
		return new StartupView(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_path"), rs.getString("name"),
				rs.getString("field"), rs.getBoolean("agriculture"), StartupStage.valueOf(rs.getString("stage")),
				rs.getString("team"), rs.getString("contact"), band == null ? null : RevenueBand.valueOf(band),
				integer(rs, "jobs_created"), rs.getBoolean("amounts_public"), rs.getLong("support_count"),
				rs.getBigDecimal("support_total"), rs.getLong("version"));
	}

	private static SupportView support(ResultSet rs) throws SQLException {
		BigDecimal amount = rs.getBigDecimal("amount");
		return new SupportView(rs.getLong("id"), rs.getLong("startup_id"), SupportKind.valueOf(rs.getString("kind")), amount,
				rs.getObject("given_on", LocalDate.class), rs.getString("partner"), rs.getString("note"));
	}

	static ClubView clubRow(ResultSet rs) throws SQLException {
		return new ClubView(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_path"), rs.getString("name"),
				ClubKind.valueOf(rs.getString("kind")), rs.getString("school"), rs.getObject("founded_on", LocalDate.class),
				rs.getString("decision_no"), rs.getString("members"), rs.getInt("member_count"), rs.getLong("activity_count"),
				rs.getBoolean("active"), rs.getLong("version"));
	}

	static IpView ipRow(ResultSet rs) throws SQLException {
		return new IpView(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_path"), longOrNull(rs, "idea_id"),
				longOrNull(rs, "startup_id"), IpType.valueOf(rs.getString("ip_type")), rs.getString("title"),
				rs.getString("applicant"), rs.getString("application_no"), rs.getObject("filed_on", LocalDate.class),
				IpStatus.valueOf(rs.getString("status")), rs.getString("union_support"),
				rs.getObject("supported_on", LocalDate.class), rs.getObject("next_deadline", LocalDate.class),
				rs.getLong("version"));
	}

	private static DeadlineView deadline(ResultSet rs) throws SQLException {
		return new DeadlineView(rs.getLong("id"), rs.getLong("ip_id"), rs.getString("label"),
				rs.getObject("due_on", LocalDate.class), rs.getBoolean("done"), rs.getBoolean("reminded"));
	}

	Optional<UnitView> unit(long id) {
		return units.find(id);
	}
}
