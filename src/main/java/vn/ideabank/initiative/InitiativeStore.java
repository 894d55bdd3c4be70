package vn.ideabank.initiative;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import vn.ideabank.common.security.UnitScope;
import vn.ideabank.initiative.InitiativeCommands.CoAuthor;
import vn.ideabank.initiative.InitiativeCommands.FileApplication;
import vn.ideabank.initiative.InitiativeViews.AuthorView;
import vn.ideabank.initiative.InitiativeViews.Part;
import vn.ideabank.initiative.InitiativeViews.Reach;
import vn.ideabank.initiative.InitiativeViews.Status;

/** All of the module's SQL; versions are checked in each update. */
@Component
class InitiativeStore {

	/** An application row as stored, before the caller's view of it is made. */
	record Row(long id, long ideaId, String ideaCode, long unitId, String unitPath, String title, Status status, String investor,
			String fieldOfUse, LocalDate firstAppliedOn, String knownSolution, String newContent, String applicability,
			String benefits, String trialParticipants, Set<Part> confidential, long filedBy, java.time.Instant filedAt,
			Long registerUnitId, Integer registerYear, Integer registerNo, LocalDate receivedOn, LocalDate acceptedOn,
			LocalDate dueOn, LocalDate returnedOn, String returnReason, Long councilId, String decisionNo,
			LocalDate decidedOn, Reach reach, String refusalReason, String signerName, Long earlierId, long version) {

		/** "12/2026" as the register writes it, or null before intake. */
		String registerNumber() {
			return registerNo == null ? null : registerNo + "/" + registerYear;
		}
	}

	private final JdbcClient jdbc;

	InitiativeStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(FileApplication c, String ideaCode, long unitId, String unitPath, String title, long filedBy) {
		long id = jdbc.sql("""
				insert into initiative_application (idea_id, idea_code, unit_id, unit_path, title, status, investor, field_of_use,
				  first_applied_on, known_solution, new_content, applicability, benefits, trial_participants, confidential, filed_by)
				values (:idea, :code, :unit, :path, :title, 'FILED', :investor, :field, :first, :known, :content, :applicability,
				  :benefits, :trial, :confidential, :by) returning id""")
			.param("idea", c.ideaId()).param("code", ideaCode).param("unit", unitId).param("path", unitPath).param("title", title)
			.param("investor", c.investor()).param("field", c.fieldOfUse()).param("first", c.firstAppliedOn())
			.param("known", c.knownSolution()).param("content", c.newContent()).param("applicability", c.applicability())
			.param("benefits", c.benefits()).param("trial", c.trialParticipants()).param("confidential", parts(c.confidential()))
			.param("by", filedBy).query(Long.class).single();
		authors(id, c.authors());
		return id;
	}

	/** The completed application after a return: filed again, the clock restarted by the office's next intake. */
	void refile(long id, long version, FileApplication c) {
		versioned(id, jdbc.sql("""
				update initiative_application set investor = :investor, field_of_use = :field, first_applied_on = :first,
				  known_solution = :known, new_content = :content, applicability = :applicability, benefits = :benefits,
				  trial_participants = :trial, confidential = :confidential, status = 'FILED', version = version + 1
				 where id = :id and version = :v""")
			.param("investor", c.investor()).param("field", c.fieldOfUse()).param("first", c.firstAppliedOn())
			.param("known", c.knownSolution()).param("content", c.newContent()).param("applicability", c.applicability())
			.param("benefits", c.benefits()).param("trial", c.trialParticipants()).param("confidential", parts(c.confidential()))
			.param("id", id).param("v", version).update());
		jdbc.sql("delete from initiative_author where application_id = :id").param("id", id).update();
		authors(id, c.authors());
	}

	private void authors(long id, List<CoAuthor> authors) {
		int position = 1;
		for (CoAuthor a : authors) {
			jdbc.sql("""
					insert into initiative_author (application_id, position, full_name, birth_date, workplace, job_title,
					  qualification, contribution) values (:id, :pos, :name, :birth, :work, :title, :qual, :share)""")
				.param("id", id).param("pos", position++).param("name", a.fullName()).param("birth", a.birthDate())
				.param("work", a.workplace()).param("title", a.jobTitle()).param("qual", a.qualification())
				.param("share", a.contribution()).update();
		}
	}

	Optional<Row> find(long id) {
		return jdbc.sql("select * from initiative_application where id = :id").param("id", id).query(InitiativeStore::row)
			.optional();
	}

	Optional<Row> findByIdea(long ideaId) {
		return jdbc.sql("select * from initiative_application where idea_id = :id").param("id", ideaId)
			.query(InitiativeStore::row).optional();
	}

	List<AuthorView> authorsOf(long id) {
		return jdbc.sql("select * from initiative_author where application_id = :id order by position").param("id", id)
			.query((rs, n) -> new AuthorView(rs.getInt("position"), rs.getString("full_name"), date(rs, "birth_date"),
					rs.getString("workplace"), rs.getString("job_title"), rs.getString("qualification"),
					rs.getBigDecimal("contribution")))
			.list();
	}

	/** Hands out the next register number of the unit and year (atomic, safe across nodes). */
	int nextRegisterNo(long unitId, int year) {
		return jdbc.sql("""
				insert into initiative_register_counter (unit_id, year, last_no) values (:unit, :year, 1)
				on conflict (unit_id, year) do update set last_no = initiative_register_counter.last_no + 1
				returning last_no""").param("unit", unitId).param("year", year).query(Integer.class).single();
	}

	void register(long id, long version, long unitId, int year, int no, LocalDate receivedOn, LocalDate acceptedOn,
			LocalDate dueOn) {
		versioned(id, jdbc.sql("""
				update initiative_application set register_unit_id = :unit, register_year = :year, register_no = :no,
				  received_on = :received, accepted_on = :accepted, due_on = :due, returned_on = null, reminded_at = null,
				  status = 'ACCEPTED', version = version + 1 where id = :id and version = :v""")
			.param("unit", unitId).param("year", year).param("no", no).param("received", receivedOn)
			.param("accepted", acceptedOn).param("due", dueOn).param("id", id).param("v", version).update());
	}

	/** A returned application that is filed again keeps its register line; the clock restarts on acceptance. */
	void accept(long id, long version, LocalDate acceptedOn, LocalDate dueOn) {
		versioned(id, jdbc.sql("""
				update initiative_application set accepted_on = :accepted, due_on = :due, returned_on = null,
				  reminded_at = null, status = 'ACCEPTED', version = version + 1 where id = :id and version = :v""")
			.param("accepted", acceptedOn).param("due", dueOn).param("id", id).param("v", version).update());
	}

	void returnForCompletion(long id, long version, LocalDate on, String reason) {
		versioned(id, jdbc.sql("""
				update initiative_application set status = 'RETURNED', returned_on = :on, return_reason = :reason,
				  version = version + 1 where id = :id and version = :v""")
			.param("on", on).param("reason", reason).param("id", id).param("v", version).update());
	}

	void council(long id, long version, long councilId) {
		versioned(id, jdbc.sql("update initiative_application set council_id = :c, version = version + 1 where id = :id and version = :v")
			.param("c", councilId).param("id", id).param("v", version).update());
	}

	void decide(long id, long version, Status status, Reach reach, String decisionNo, LocalDate decidedOn,
			String refusalReason, String signerName) {
		versioned(id, jdbc.sql("""
				update initiative_application set status = :status, reach = :reach, decision_no = :no, decided_on = :on,
				  refusal_reason = :reason, signer_name = :signer, version = version + 1 where id = :id and version = :v""")
			.param("status", status.name()).param("reach", reach == null ? null : reach.name()).param("no", decisionNo)
			.param("on", decidedOn).param("reason", refusalReason).param("signer", signerName).param("id", id)
			.param("v", version).update());
	}

	void earlier(long id, long version, long earlierId) {
		versioned(id, jdbc.sql("update initiative_application set earlier_id = :e, version = version + 1 where id = :id and version = :v")
			.param("e", earlierId).param("id", id).param("v", version).update());
	}

	/** The register: applications in the scope, newest first, filtered by status and year of filing. */
	List<Row> list(UnitScope scope, long callerId, Status status, Integer year, Long unitPathFilterUnit, String unitPath,
			int offset, int limit) {
		UnitScope.Condition in = scope.sql("a.unit_path");
		StatementSpec spec = jdbc.sql("select a.* from initiative_application a where (" + in.sql() + " or a.filed_by = :me)"
				+ (status == null ? "" : " and a.status = :status")
				+ (year == null ? "" : " and coalesce(a.register_year, extract(year from a.filed_at)::int) = :year")
				+ (unitPath == null ? "" : " and a.unit_path like :under escape '\\'")
				+ " order by a.filed_at desc, a.id desc offset :off limit :lim");
		spec = in.bind(spec).param("me", callerId).param("off", offset).param("lim", limit);
		if (status != null) {
			spec = spec.param("status", status.name());
		}
		if (year != null) {
			spec = spec.param("year", year);
		}
		if (unitPath != null) {
			spec = spec.param("under", UnitScope.likePrefix(unitPath));
		}
		return spec.query(InitiativeStore::row).list();
	}

	/** Accepted applications of the scope whose due date is before {@code before} (to-do and reminders). */
	long countDue(UnitScope scope, LocalDate before) {
		UnitScope.Condition in = scope.sql("a.unit_path");
		return in.bind(jdbc.sql("select count(*) from initiative_application a where a.status = 'ACCEPTED' and a.due_on < :d and ("
				+ in.sql() + ")")).param("d", before).query(Long.class).single();
	}

	long countFiled(UnitScope scope) {
		UnitScope.Condition in = scope.sql("a.unit_path");
		return in.bind(jdbc.sql("select count(*) from initiative_application a where a.status = 'FILED' and (" + in.sql() + ")"))
			.query(Long.class).single();
	}

	List<InitiativeViews.BenefitView> benefits(long id) {
		return jdbc.sql("select * from initiative_benefit where application_id = :id order by year_no").param("id", id)
			.query((rs, n) -> new InitiativeViews.BenefitView(rs.getInt("year_no"), rs.getBigDecimal("gain"),
					rs.getBigDecimal("transfer_price"), rs.getBigDecimal("paid"),
					Remuneration.owed(rs.getBigDecimal("gain"), rs.getBigDecimal("transfer_price"))))
			.list();
	}

	void saveBenefit(long id, int yearNo, BigDecimal gain, BigDecimal transferPrice, BigDecimal paid, long by) {
		jdbc.sql("""
				insert into initiative_benefit (application_id, year_no, gain, transfer_price, paid, recorded_by)
				values (:id, :y, :g, :t, :p, :by) on conflict (application_id, year_no) do update
				 set gain = :g, transfer_price = :t, paid = :p, recorded_by = :by, recorded_at = now()""")
			.param("id", id).param("y", yearNo).param("g", gain).param("t", transferPrice).param("p", paid).param("by", by)
			.update();
	}

	/** The applications of these ideas (for the priority candidates: at most one per idea). */
	List<Row> findByIdeas(java.util.Collection<Long> ideaIds) {
		if (ideaIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from initiative_application where idea_id in (:ids)").param("ids", ideaIds)
			.query(InitiativeStore::row).list();
	}

	// --- the office's settings ---------------------------------------------------------------------

	/** Whether the unit records remuneration, and the setting's version (off, version 0, when never set). */
	record Setting(boolean remuneration, long version) {
	}

	Setting setting(long unitId) {
		return jdbc.sql("select remuneration, version from initiative_unit_setting where unit_id = :u").param("u", unitId)
			.query((rs, n) -> new Setting(rs.getBoolean(1), rs.getLong(2))).optional().orElse(new Setting(false, 0));
	}

	/** Saves the switch if the version is still the one read (a first save expects version 0). */
	void saveSetting(long unitId, boolean remuneration, long version, long by) {
		int updated = jdbc.sql("""
				update initiative_unit_setting set remuneration = :r, updated_by = :by, updated_at = now(), version = version + 1
				 where unit_id = :u and version = :v""")
			.param("u", unitId).param("r", remuneration).param("by", by).param("v", version).update();
		if (updated == 0 && version == 0) {
			updated = jdbc.sql("""
					insert into initiative_unit_setting (unit_id, remuneration, updated_by) values (:u, :r, :by)
					on conflict (unit_id) do nothing""")
				.param("u", unitId).param("r", remuneration).param("by", by).update();
		}
		if (updated == 0) {
			throw new ObjectOptimisticLockingFailureException("initiative_unit_setting", unitId);
		}
	}

	// --- the council's meeting ---------------------------------------------------------------------

	/** A member present at the council's meeting, with the name as recorded and the part taken. */
	record Present(long accountId, String displayName, String part) {
	}

	List<Present> meeting(long id) {
		return jdbc.sql("select account_id, display_name, part from initiative_meeting_member where application_id = :id"
				+ " order by case part when 'CHAIR' then 0 when 'SECRETARY' then 1 else 2 end, display_name")
			.param("id", id).query((rs, n) -> new Present(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
	}

	/** Replaces the meeting's attendance; the application's version guards against two offices saving at once. */
	void saveMeeting(long id, long version, List<Present> present, long by) {
		versioned(id, jdbc.sql("update initiative_application set version = version + 1 where id = :id and version = :v")
			.param("id", id).param("v", version).update());
		jdbc.sql("delete from initiative_meeting_member where application_id = :id").param("id", id).update();
		for (Present p : present) {
			jdbc.sql("""
					insert into initiative_meeting_member (application_id, account_id, display_name, part, recorded_by)
					values (:id, :a, :name, :part, :by)""")
				.param("id", id).param("a", p.accountId()).param("name", p.displayName()).param("part", p.part())
				.param("by", by).update();
		}
	}

	private static void versioned(long id, int updated) {
		if (updated == 0) {
			throw new ObjectOptimisticLockingFailureException("initiative_application", id);
		}
	}

	static String parts(Set<Part> parts) {
		return parts == null ? "" : parts.stream().map(Part::name).sorted().collect(Collectors.joining(","));
	}

	private static Set<Part> parts(String stored) {
		Set<Part> parts = EnumSet.noneOf(Part.class);
		if (stored != null && !stored.isBlank()) {
			Arrays.stream(stored.split(",")).map(Part::valueOf).forEach(parts::add);
		}
		return parts;
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

	private static Integer integer(ResultSet rs, String column) throws SQLException {
		int v = rs.getInt(column);
		return rs.wasNull() ? null : v;
	}

	private static Long number(ResultSet rs, String column) throws SQLException {
		long v = rs.getLong(column);
		return rs.wasNull() ? null : v;
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		String reach = rs.getString("reach");
		return new Row(rs.getLong("id"), rs.getLong("idea_id"), rs.getString("idea_code"), rs.getLong("unit_id"), rs.getString("unit_path"),
				rs.getString("title"), Status.valueOf(rs.getString("status")), rs.getString("investor"),
				rs.getString("field_of_use"), date(rs, "first_applied_on"), rs.getString("known_solution"),
				rs.getString("new_content"), rs.getString("applicability"), rs.getString("benefits"),
				rs.getString("trial_participants"), parts(rs.getString("confidential")), rs.getLong("filed_by"),
				rs.getTimestamp("filed_at").toInstant(), number(rs, "register_unit_id"), integer(rs, "register_year"),
				integer(rs, "register_no"), date(rs, "received_on"), date(rs, "accepted_on"), date(rs, "due_on"),
				date(rs, "returned_on"), rs.getString("return_reason"), number(rs, "council_id"),
				rs.getString("decision_no"), date(rs, "decided_on"), reach == null ? null : Reach.valueOf(reach),
				rs.getString("refusal_reason"), rs.getString("signer_name"), number(rs, "earlier_id"), rs.getLong("version"));
	}
}
