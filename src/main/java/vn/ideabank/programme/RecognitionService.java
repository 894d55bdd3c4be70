package vn.ideabank.programme;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
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
import vn.ideabank.programme.ProgrammeViews.AwardView;

/**
 * Recognition (tuyên dương, khen thưởng) of people and units: who received what, by which decision. A
 * record belongs to the recipient unit, or to the unit of the recipient member; permissions as in
 * {@link ProgrammeService}. Awards of funds and scholarships are recorded by {@link ProgrammeService#grantAward} and
 * listed here beside the commendations.
 */
@Service
@Transactional(readOnly = true)
public class RecognitionService {

	private static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);

	private final JdbcClient jdbc;

	private final UnitService units;

	private final MemberService members;

	RecognitionService(JdbcClient jdbc, UnitService units, MemberService members) {
		this.jdbc = jdbc;
		this.units = units;
		this.members = members;
	}

	/** A commendation; {@code memberId} (a roster member) or {@code recipientName} (anyone) or neither (the unit). */
	public record RecordCommendation(Long unitId, CommendationKind kind, CommendationLevel level, String decisionNo,
			LocalDate decisionDate, String issuer, Long memberId, String recipientName, Long ideaId, String reason) {
	}

	public record CommendationView(long id, long unitId, String unitPath, CommendationKind kind, CommendationLevel level,
			String decisionNo, LocalDate decisionDate, String issuer, Long memberId, String recipientName, Long ideaId,
			String reason) {

		/** Whether the unit itself received it. */
		public boolean toUnit() {
			return memberId == null && recipientName == null;
		}
	}

	@Transactional
	public CommendationView record(Caller caller, RecordCommendation c) {
		UnitView unit;
		String name = ProgrammeService.blankToNull(c.recipientName());
		if (c.memberId() != null) {
			MemberView member = members.find(c.memberId())
				.orElseThrow(() -> new BusinessException("memberId", "programme.error.member-unknown"));
			unit = units.find(member.unitId()).orElseThrow();
			name = member.fullName();
		}
		else {
			if (c.unitId() == null) {
				throw new BusinessException("unitId", "programme.error.unit-required");
			}
			unit = units.find(c.unitId()).orElseThrow(() -> new BusinessException("unitId", "programme.error.unit-required"));
		}
		if (!caller.can(unit.path(), Roles.STAFF)) {
			throw new ForbiddenException();
		}
		if (c.kind() == null) {
			throw new BusinessException("kind", "programme.error.required");
		}
		if (c.level() == null) {
			throw new BusinessException("level", "programme.error.required");
		}
		text("decisionNo", c.decisionNo(), 100, true);
		text("issuer", c.issuer(), 300, true);
		text("recipientName", name, 300, false);
		text("reason", c.reason(), 1000, false);
		if (c.decisionDate() == null) {
			throw new BusinessException("decisionDate", "programme.error.required");
		}
		if (c.decisionDate().isBefore(EARLIEST) || c.decisionDate().isAfter(LocalDate.now())) {
			throw new BusinessException("decisionDate", "programme.error.decision-date");
		}
		long id = jdbc.sql("""
				insert into programme_commendation (unit_id, unit_path, kind, level, decision_no, decision_date, issuer,
				                                    member_id, recipient_name, idea_id, reason, created_by)
				values (:unit, :path, :kind, :level, :no, :date, :issuer, :member, :name, :idea, :reason, :by) returning id""")
			.param("unit", unit.id()).param("path", unit.path()).param("kind", c.kind().name()).param("level", c.level().name())
			.param("no", c.decisionNo().strip()).param("date", c.decisionDate()).param("issuer", c.issuer().strip())
			.param("member", c.memberId()).param("name", name).param("idea", c.ideaId())
			.param("reason", ProgrammeService.blankToNull(c.reason())).param("by", caller.accountId())
			.query(Long.class).single();
		return jdbc.sql("select * from programme_commendation where id = :id").param("id", id).query((rs, i) -> row(rs)).single();
	}

	/**
	 * What the caller sees: of a unit's subtree ({@code unitId}), of one member ({@code memberId}), or all in scope;
	 * newest decision first.
	 */
	public Page<CommendationView> list(Caller caller, Long unitId, Long memberId, Pageable pageable) {
		return query(caller, unitId, memberId, pageable, "select * from programme_commendation c", "programme_commendation",
				"c", "c.decision_date desc, c.id desc", RecognitionService::row);
	}

	/**
	 * Fund and scholarship awards, with the same choice of scope as {@link #list}: what a unit's subtree or one
	 * member received, newest first.
	 */
	public Page<AwardView> awards(Caller caller, Long unitId, Long memberId, Pageable pageable) {
		return query(caller, unitId, memberId, pageable, ProgrammeService.AWARD_SELECT, "programme_fund_award", "w",
				"w.awarded_on desc, w.id desc", ProgrammeService::awardRow);
	}

	private <T> Page<T> query(Caller caller, Long unitId, Long memberId, Pageable pageable, String select, String table,
			String alias, String order, ProgrammeService.Row<T> row) {
		UnitScope scope = UnitScope.of(caller);
		if (unitId != null) {
			UnitView unit = units.find(unitId).orElseThrow(() -> new NotFoundException("programme.error.not-found"));
			scope = scope.requireWithin(unit.path());
		}
		if (memberId != null) {
			MemberView member = members.find(memberId).orElseThrow(() -> new NotFoundException("programme.error.not-found"));
			UnitView unit = units.find(member.unitId()).orElseThrow();
			if (!caller.sees(unit.path())) {
				throw new ForbiddenException();
			}
		}
		UnitScope.Condition inScope = scope.sql(alias + ".unit_path");
		String where = inScope.sql() + (memberId != null ? " and " + alias + ".member_id = :member" : "");
		StatementSpec count = inScope.bind(jdbc.sql("select count(*) from " + table + " " + alias + " where " + where));
		StatementSpec rows = inScope.bind(jdbc.sql(select + " where " + where + " order by " + order
				+ " limit :limit offset :offset"))
			.param("limit", pageable.getPageSize()).param("offset", pageable.getOffset());
		if (memberId != null) {
			count = count.param("member", memberId);
			rows = rows.param("member", memberId);
		}
		List<T> items = rows.query((rs, i) -> row.map(rs)).list();
		return new PageImpl<>(items, pageable, count.query(Long.class).single());
	}

	private static void text(String field, String value, int max, boolean required) {
		if (ProgrammeService.blankToNull(value) == null) {
			if (required) {
				throw new BusinessException(field, "programme.error.required");
			}
			return;
		}
		if (value.strip().length() > max) {
			throw new BusinessException(field, "programme.error.too-long", max);
		}
	}

	private static CommendationView row(java.sql.ResultSet rs) throws java.sql.SQLException {
		long member = rs.getLong("member_id");
		Long memberId = rs.wasNull() ? null : member;
		long idea = rs.getLong("idea_id");
		Long ideaId = rs.wasNull() ? null : idea;
		return new CommendationView(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_path"),
				CommendationKind.valueOf(rs.getString("kind")), CommendationLevel.valueOf(rs.getString("level")),
				rs.getString("decision_no"), rs.getObject("decision_date", LocalDate.class), rs.getString("issuer"), memberId,
				rs.getString("recipient_name"), ideaId, rs.getString("reason"));
	}
}
