package vn.ideabank.programme;

import static vn.ideabank.common.text.TextNormalizer.normalizeToNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.UnitScope;
import vn.ideabank.org.UnitView;
import vn.ideabank.programme.ProgrammeCommands.AddSupport;
import vn.ideabank.programme.ProgrammeCommands.GrantAward;
import vn.ideabank.programme.ProgrammeCommands.LogActivity;
import vn.ideabank.programme.ProgrammeCommands.SaveClub;
import vn.ideabank.programme.ProgrammeCommands.SaveFund;
import vn.ideabank.programme.ProgrammeCommands.SaveIp;
import vn.ideabank.programme.ProgrammeCommands.SaveStartup;
import vn.ideabank.programme.ProgrammeRows.Row;
import vn.ideabank.programme.ProgrammeViews.ActivityView;
import vn.ideabank.programme.ProgrammeViews.AwardView;
import vn.ideabank.programme.ProgrammeViews.ClubView;
import vn.ideabank.programme.ProgrammeViews.DeadlineView;
import vn.ideabank.programme.ProgrammeViews.FundView;
import vn.ideabank.programme.ProgrammeViews.IpHistoryView;
import vn.ideabank.programme.ProgrammeViews.IpView;
import vn.ideabank.programme.ProgrammeViews.StartupView;
import vn.ideabank.programme.ProgrammeViews.SupportView;
import vn.ideabank.programme.RecognitionService.CommendationView;
import vn.ideabank.programme.RecognitionService.RecordCommendation;

/**
 * The programme module's SQL (its tables have no behaviour worth an entity): the lists filtered by unit scope,
 * the loads, inserts and version-checked updates of startups, clubs, funds, IP registrations and commendations.
 * The facades decide who may do what; this class only reads and writes.
 */
@Component
class ProgrammeStore {

	/** One of the paged lists: its table, select, alias, order and what a search text matches (null: no search). */
	record Listing<T>(String table, String select, String alias, String order, String search, Row<T> row) {
	}

	static final Listing<StartupView> STARTUPS = new Listing<>("programme_startup", """
			select s.*, (select count(*) from programme_startup_support x where x.startup_id = s.id) as support_count,
			       (select coalesce(sum(x.amount), 0) from programme_startup_support x where x.startup_id = s.id) as support_total
			  from programme_startup s""", "s", "s.name", "s.name ilike :q", ProgrammeRows::startup);

	static final Listing<ClubView> CLUBS = new Listing<>("programme_club", """
			select c.*, (select count(*) from programme_club_activity a where a.club_id = c.id) as activity_count
			  from programme_club c""", "c", "c.name", "c.name ilike :q", ProgrammeRows::club);

	static final Listing<FundView> FUNDS = new Listing<>("programme_fund", """
			select f.*, (select count(*) from programme_fund_award a where a.fund_id = f.id) as award_count,
			       (select coalesce(sum(a.amount), 0) from programme_fund_award a where a.fund_id = f.id) as award_total
			  from programme_fund f""", "f", "f.year desc, f.name", "f.name ilike :q", ProgrammeRows::fund);

	static final Listing<IpView> REGISTRATIONS = new Listing<>("programme_ip", """
			select i.*, (select min(d.due_on) from programme_ip_deadline d where d.ip_id = i.id and not d.done) as next_deadline
			  from programme_ip i""", "i", "i.title", "(i.title ilike :q or i.application_no ilike :q)",
			ProgrammeRows::registration);

	static final Listing<AwardView> AWARDS = new Listing<>("programme_fund_award", """
			select w.*, f.name as fund_name, f.kind as fund_kind
			  from programme_fund_award w join programme_fund f on f.id = w.fund_id""", "w", "w.awarded_on desc, w.id desc",
			null, ProgrammeRows::award);

	static final Listing<CommendationView> COMMENDATIONS = new Listing<>("programme_commendation",
			"select * from programme_commendation c", "c", "c.decision_date desc, c.id desc", null,
			ProgrammeRows::commendation);

	private static final String DEADLINE_SELECT = """
			select d.*, exists (select 1 from programme_ip_reminder r where r.deadline_id = d.id) as reminded
			  from programme_ip_deadline d""";

	private final JdbcClient jdbc;

	ProgrammeStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// --- lists ---------------------------------------------------------------------------------------

	/** A page of a list within the scope, narrowed by a search text and/or one member (either may be null). */
	<T> Page<T> page(Listing<T> list, UnitScope scope, String q, Long memberId, Pageable pageable) {
		UnitScope.Condition inScope = scope.sql(list.alias() + ".unit_path");
		String where = where(list, inScope, q, memberId);
		long total = bind(inScope, jdbc.sql("select count(*) from " + list.table() + " " + list.alias() + " where " + where),
				q, memberId).query(Long.class).single();
		List<T> items = bind(inScope, jdbc.sql(list.select() + " where " + where + " order by " + list.order() + ", "
				+ list.alias() + ".id limit :limit offset :offset"), q, memberId)
			.param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
			.query((rs, i) -> list.row().map(rs)).list();
		return new PageImpl<>(items, pageable, total);
	}

	/** The whole list in chunks of 500 (for exports), keyset-paged by id so that memory stays flat. */
	<T> void chunks(Listing<T> list, UnitScope scope, String q, Consumer<List<T>> chunk) {
		UnitScope.Condition inScope = scope.sql(list.alias() + ".unit_path");
		String a = list.alias();
		String where = where(list, inScope, q, null);
		long after = 0;
		while (true) {
			List<Long> ids = bind(inScope, jdbc.sql("select " + a + ".id from (" + list.select() + ") " + a + " where " + where
					+ " and " + a + ".id > :after order by " + a + ".id limit 500"), q, null)
				.param("after", after).query(Long.class).list();
			if (ids.isEmpty()) {
				return;
			}
			chunk.accept(jdbc.sql(list.select() + " where " + a + ".id in (:ids) order by " + list.order() + ", " + a + ".id")
				.param("ids", ids).query((rs, i) -> list.row().map(rs)).list());
			after = ids.get(ids.size() - 1);
		}
	}

	/** One record of a list by id. */
	<T> Optional<T> find(Listing<T> list, long id) {
		return jdbc.sql(list.select() + " where " + list.alias() + ".id = :id").param("id", id)
			.query((rs, i) -> list.row().map(rs)).optional();
	}

	/** One record of a list by id; 404 when there is none. */
	<T> T get(Listing<T> list, long id) {
		return find(list, id).orElseThrow(() -> new NotFoundException("programme.error.not-found"));
	}

	private static String where(Listing<?> list, UnitScope.Condition scope, String q, Long memberId) {
		String where = scope.sql();
		if (list.search() != null && normalizeToNull(q) != null) {
			where += " and " + list.search();
		}
		return memberId == null ? where : where + " and " + list.alias() + ".member_id = :member";
	}

	private static StatementSpec bind(UnitScope.Condition scope, StatementSpec spec, String q, Long memberId) {
		if (normalizeToNull(q) != null) {
			spec = spec.param("q", "%" + UnitScope.escapeLike(normalizeToNull(q)) + "%");
		}
		if (memberId != null) {
			spec = spec.param("member", memberId);
		}
		return scope.bind(spec);
	}

	/** An update that checked the version it was given: none changed means someone else saved first (409). */
	private static void versioned(String table, long id, int updated) {
		if (updated == 0) {
			throw new ObjectOptimisticLockingFailureException(table, id);
		}
	}

	// --- startups ------------------------------------------------------------------------------------

	List<Long> startupIdeas(long id) {
		return jdbc.sql("select idea_id from programme_startup_idea where startup_id = :id order by idea_id").param("id", id)
			.query(Long.class).list();
	}

	List<SupportView> supports(long startupId) {
		return jdbc.sql("select * from programme_startup_support where startup_id = :id order by given_on, id")
			.param("id", startupId).query((rs, i) -> ProgrammeRows.support(rs)).list();
	}

	List<IpView> registrationsOf(long startupId) {
		return jdbc.sql(REGISTRATIONS.select() + " where i.startup_id = :id order by i.id").param("id", startupId)
			.query((rs, i) -> ProgrammeRows.registration(rs)).list();
	}

	long insertStartup(UnitView unit, SaveStartup c, long by) {
		return startupParams(jdbc.sql("""
				insert into programme_startup (unit_id, unit_path, name, field, agriculture, stage, team, contact, revenue_band,
				                               jobs_created, amounts_public, created_by)
				values (:unit, :path, :name, :field, :agri, :stage, :team, :contact, :band, :jobs, :pub, :by) returning id"""), c)
			.param("unit", unit.id()).param("path", unit.path()).param("by", by).query(Long.class).single();
	}

	void updateStartup(long id, SaveStartup c, long version) {
		versioned("programme_startup", id, startupParams(jdbc.sql("""
				update programme_startup set name = :name, field = :field, agriculture = :agri, stage = :stage, team = :team,
				       contact = :contact, revenue_band = :band, jobs_created = :jobs, amounts_public = :pub, version = version + 1
				 where id = :id and version = :version"""), c).param("id", id).param("version", version).update());
	}

	private static StatementSpec startupParams(StatementSpec spec, SaveStartup c) {
		return spec.param("name", c.name().strip()).param("field", c.field().strip()).param("agri", c.agriculture())
			.param("stage", c.stage().name()).param("team", normalizeToNull(c.team()))
			.param("contact", normalizeToNull(c.contact()))
			.param("band", c.revenueBand() == null ? null : c.revenueBand().name()).param("jobs", c.jobsCreated())
			.param("pub", c.amountsPublic());
	}

	/** Links the startup to exactly these ideas (the previous links go). */
	void linkIdeas(long startupId, List<Long> ideaIds) {
		jdbc.sql("delete from programme_startup_idea where startup_id = :id").param("id", startupId).update();
		for (Long ideaId : ideaIds.stream().distinct().toList()) {
			jdbc.sql("insert into programme_startup_idea (startup_id, idea_id) values (:s, :i)").param("s", startupId)
				.param("i", ideaId).update();
		}
	}

	SupportView insertSupport(long startupId, AddSupport c, long by) {
		long id = jdbc.sql("""
				insert into programme_startup_support (startup_id, kind, amount, given_on, partner, note, created_by)
				values (:s, :kind, :amount, :on, :partner, :note, :by) returning id""")
			.param("s", startupId).param("kind", c.kind().name()).param("amount", c.amount()).param("on", c.givenOn())
			.param("partner", normalizeToNull(c.partner())).param("note", normalizeToNull(c.note())).param("by", by)
			.query(Long.class).single();
		return jdbc.sql("select * from programme_startup_support where id = :id").param("id", id)
			.query((rs, i) -> ProgrammeRows.support(rs)).single();
	}

	// --- clubs ---------------------------------------------------------------------------------------

	List<ActivityView> activities(long clubId) {
		return jdbc.sql("select * from programme_club_activity where club_id = :id order by held_on desc, id desc")
			.param("id", clubId).query((rs, i) -> ProgrammeRows.activity(rs)).list();
	}

	long insertClub(UnitView unit, SaveClub c, long by) {
		return clubParams(jdbc.sql("""
				insert into programme_club (unit_id, unit_path, name, kind, school, founded_on, decision_no, members, member_count,
				                            active, created_by)
				values (:unit, :path, :name, :kind, :school, :founded, :decision, :members, :count, :active, :by) returning id"""),
				c).param("unit", unit.id()).param("path", unit.path()).param("by", by).query(Long.class).single();
	}

	void updateClub(long id, SaveClub c, long version) {
		versioned("programme_club", id, clubParams(jdbc.sql("""
				update programme_club set name = :name, kind = :kind, school = :school, founded_on = :founded,
				       decision_no = :decision, members = :members, member_count = :count, active = :active,
				       version = version + 1
				 where id = :id and version = :version"""), c).param("id", id).param("version", version).update());
	}

	private static StatementSpec clubParams(StatementSpec spec, SaveClub c) {
		return spec.param("active", c.active()).param("name", c.name().strip()).param("kind", c.kind().name())
			.param("school", normalizeToNull(c.school())).param("founded", c.foundedOn())
			.param("decision", normalizeToNull(c.decisionNo())).param("members", normalizeToNull(c.members()))
			.param("count", c.memberCount() == null ? 0 : c.memberCount());
	}

	ActivityView insertActivity(long clubId, LogActivity c, long by) {
		long id = jdbc.sql("""
				insert into programme_club_activity (club_id, held_on, title, attendance, created_by)
				values (:c, :on, :title, :n, :by) returning id""")
			.param("c", clubId).param("on", c.heldOn()).param("title", c.title().strip()).param("n", c.attendance())
			.param("by", by).query(Long.class).single();
		return new ActivityView(id, clubId, c.heldOn(), c.title().strip(), c.attendance());
	}

	// --- funds and scholarships ----------------------------------------------------------------------

	/** A fund's newest awards, at most {@code limit}. */
	List<AwardView> awardsOf(long fundId, int limit) {
		return jdbc.sql(AWARDS.select() + " where w.fund_id = :id order by w.awarded_on desc, w.id desc limit :limit")
			.param("id", fundId).param("limit", limit).query((rs, i) -> ProgrammeRows.award(rs)).list();
	}

	long insertFund(UnitView unit, SaveFund c, long by) {
		return fundParams(jdbc.sql("""
				insert into programme_fund (unit_id, unit_path, name, kind, year, description, created_by)
				values (:unit, :path, :name, :kind, :year, :description, :by) returning id"""), c)
			.param("unit", unit.id()).param("path", unit.path()).param("by", by).query(Long.class).single();
	}

	boolean hasAwardsOutside(long fundId, int year) {
		return jdbc.sql("select exists (select 1 from programme_fund_award where fund_id = :id"
				+ " and extract(year from awarded_on) <> :year)").param("id", fundId).param("year", year)
			.query(Boolean.class).single();
	}

	void updateFund(long id, SaveFund c, long version) {
		versioned("programme_fund", id, fundParams(jdbc.sql("""
				update programme_fund set name = :name, kind = :kind, year = :year, description = :description,
				       version = version + 1
				 where id = :id and version = :version"""), c).param("id", id).param("version", version).update());
	}

	private static StatementSpec fundParams(StatementSpec spec, SaveFund c) {
		return spec.param("name", c.name().strip()).param("kind", c.kind().name()).param("year", c.year())
			.param("description", normalizeToNull(c.description()));
	}

	/** An award owned by {@code owner}; {@code name} is the recipient's name (null for a unit). */
	AwardView insertAward(long fundId, UnitView owner, String name, GrantAward c, long by) {
		long id = jdbc.sql("""
				insert into programme_fund_award (fund_id, unit_id, unit_path, member_id, recipient_name, to_unit, amount,
				                                  awarded_on, decision_no, idea_id, startup_id, note, created_by)
				values (:fund, :unit, :path, :member, :name, :toUnit, :amount, :on, :no, :idea, :startup, :note, :by)
				returning id""")
			.param("fund", fundId).param("unit", owner.id()).param("path", owner.path()).param("member", c.memberId())
			.param("name", name).param("toUnit", c.recipientUnitId() != null).param("amount", c.amount())
			.param("on", c.awardedOn()).param("no", c.decisionNo().strip()).param("idea", c.ideaId())
			.param("startup", c.startupId()).param("note", normalizeToNull(c.note())).param("by", by)
			.query(Long.class).single();
		return find(AWARDS, id).orElseThrow();
	}

	// --- IP registrations ----------------------------------------------------------------------------

	List<IpHistoryView> history(long ipId) {
		return jdbc.sql("select * from programme_ip_history where ip_id = :id order by id").param("id", ipId)
			.query((rs, i) -> ProgrammeRows.history(rs)).list();
	}

	List<DeadlineView> deadlines(long ipId) {
		return jdbc.sql(DEADLINE_SELECT + " where d.ip_id = :id order by d.due_on, d.id").param("id", ipId)
			.query((rs, i) -> ProgrammeRows.deadline(rs)).list();
	}

	List<DeadlineView> openDeadlines(UnitScope scope, LocalDate until, int limit) {
		UnitScope.Condition inScope = scope.sql("i.unit_path");
		StatementSpec spec = jdbc.sql(DEADLINE_SELECT + " " + """
				join programme_ip i on i.id = d.ip_id
				where not d.done and d.due_on <= :until and %s
				order by d.due_on, d.id limit :limit""".formatted(inScope.sql()))
			.param("until", until).param("limit", limit);
		return inScope.bind(spec).query((rs, i) -> ProgrammeRows.deadline(rs)).list();
	}

	long insertRegistration(UnitView unit, SaveIp c, IpStatus status, long by) {
		return jdbc.sql("""
				insert into programme_ip (unit_id, unit_path, idea_id, startup_id, ip_type, title, applicant, application_no,
				                          filed_on, status, union_support, supported_on, created_by)
				values (:unit, :path, :idea, :startup, :type, :title, :applicant, :no, :filed, :status, :support, :supportedOn, :by)
				returning id""")
			.param("unit", unit.id()).param("path", unit.path()).param("idea", c.ideaId()).param("startup", c.startupId())
			.param("type", c.type().name()).param("title", c.title().strip()).param("applicant", c.applicant().strip())
			.param("no", normalizeToNull(c.applicationNo())).param("filed", c.filedOn()).param("status", status.name())
			.param("support", normalizeToNull(c.unionSupport())).param("supportedOn", c.supportedOn()).param("by", by)
			.query(Long.class).single();
	}

	/** Moves the status; a finished registration has nothing due any more, so its deadlines close with it. */
	void updateStatus(long id, IpStatus to, String number, LocalDate filedOn, long version) {
		versioned("programme_ip", id, jdbc.sql("""
				update programme_ip set status = :status, application_no = :no, filed_on = :filed, version = version + 1
				 where id = :id and version = :version""")
			.param("status", to.name()).param("no", number).param("filed", filedOn).param("id", id)
			.param("version", version).update());
		if (to.finished()) {
			jdbc.sql("update programme_ip_deadline set done = true where ip_id = :id").param("id", id).update();
		}
	}

	void updateSupport(long id, String support, LocalDate supportedOn, long version) {
		versioned("programme_ip", id, jdbc.sql("""
				update programme_ip set union_support = :s, supported_on = :on, version = version + 1
				 where id = :id and version = :version""")
			.param("s", support).param("on", supportedOn).param("id", id).param("version", version).update());
	}

	void insertHistory(Caller caller, long ipId, IpStatus from, IpStatus to, String note) {
		jdbc.sql("""
				insert into programme_ip_history (ip_id, from_status, to_status, note, changed_by, changed_by_name)
				values (:ip, :from, :to, :note, :by, :name)""")
			.param("ip", ipId).param("from", from == null ? null : from.name()).param("to", to.name()).param("note", note)
			.param("by", caller.accountId()).param("name", caller.displayName()).update();
	}

	long insertDeadline(long ipId, String label, LocalDate dueOn, long by) {
		return jdbc.sql("""
				insert into programme_ip_deadline (ip_id, label, due_on, created_by) values (:ip, :label, :due, :by) returning id""")
			.param("ip", ipId).param("label", label).param("due", dueOn).param("by", by).query(Long.class).single();
	}

	/** Whether the deadline was found on this registration (and is now done). */
	boolean completeDeadline(long ipId, long deadlineId) {
		return jdbc.sql("update programme_ip_deadline set done = true where id = :d and ip_id = :ip").param("d", deadlineId)
			.param("ip", ipId).update() > 0;
	}

	// --- commendations -------------------------------------------------------------------------------

	CommendationView insertCommendation(UnitView unit, String name, RecordCommendation c, long by) {
		long id = jdbc.sql("""
				insert into programme_commendation (unit_id, unit_path, kind, level, decision_no, decision_date, issuer,
				                                    member_id, recipient_name, idea_id, reason, created_by)
				values (:unit, :path, :kind, :level, :no, :date, :issuer, :member, :name, :idea, :reason, :by) returning id""")
			.param("unit", unit.id()).param("path", unit.path()).param("kind", c.kind().name()).param("level", c.level().name())
			.param("no", c.decisionNo().strip()).param("date", c.decisionDate()).param("issuer", c.issuer().strip())
			.param("member", c.memberId()).param("name", name).param("idea", c.ideaId())
			.param("reason", normalizeToNull(c.reason())).param("by", by).query(Long.class).single();
		return find(COMMENDATIONS, id).orElseThrow();
	}
}
