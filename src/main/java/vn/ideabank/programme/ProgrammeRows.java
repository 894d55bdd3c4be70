package vn.ideabank.programme;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

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

/** How {@link ProgrammeStore}'s rows become views: one mapper per table, nulls kept as nulls. */
final class ProgrammeRows {

	private ProgrammeRows() {
	}

	/** A row mapper that does not need the row number. */
	interface Row<T> {

		T map(ResultSet rs) throws SQLException;
	}

	static StartupView startup(ResultSet rs) throws SQLException {
		String band = rs.getString("revenue_band");
		return new StartupView(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_path"), rs.getString("name"),
				rs.getString("field"), rs.getBoolean("agriculture"), StartupStage.valueOf(rs.getString("stage")),
				rs.getString("team"), rs.getString("contact"), band == null ? null : RevenueBand.valueOf(band),
				integer(rs, "jobs_created"), rs.getBoolean("amounts_public"), rs.getLong("support_count"),
				rs.getBigDecimal("support_total"), rs.getLong("version"));
	}

	static SupportView support(ResultSet rs) throws SQLException {
		BigDecimal amount = rs.getBigDecimal("amount");
		return new SupportView(rs.getLong("id"), rs.getLong("startup_id"), SupportKind.valueOf(rs.getString("kind")), amount,
				rs.getObject("given_on", LocalDate.class), rs.getString("partner"), rs.getString("note"));
	}

	static ClubView club(ResultSet rs) throws SQLException {
		return new ClubView(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_path"), rs.getString("name"),
				ClubKind.valueOf(rs.getString("kind")), rs.getString("school"), rs.getObject("founded_on", LocalDate.class),
				rs.getString("decision_no"), rs.getString("members"), rs.getInt("member_count"), rs.getLong("activity_count"),
				rs.getBoolean("active"), rs.getLong("version"));
	}

	static ActivityView activity(ResultSet rs) throws SQLException {
		return new ActivityView(rs.getLong("id"), rs.getLong("club_id"), rs.getObject("held_on", LocalDate.class),
				rs.getString("title"), rs.getInt("attendance"));
	}

	static FundView fund(ResultSet rs) throws SQLException {
		return new FundView(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_path"), rs.getString("name"),
				FundKind.valueOf(rs.getString("kind")), rs.getInt("year"), rs.getString("description"),
				rs.getLong("award_count"), rs.getBigDecimal("award_total"), rs.getLong("version"));
	}

	static AwardView award(ResultSet rs) throws SQLException {
		return new AwardView(rs.getLong("id"), rs.getLong("fund_id"), rs.getString("fund_name"),
				FundKind.valueOf(rs.getString("fund_kind")), rs.getLong("unit_id"), longOrNull(rs, "member_id"),
				rs.getString("recipient_name"), rs.getBoolean("to_unit"), rs.getBigDecimal("amount"),
				rs.getObject("awarded_on", LocalDate.class), rs.getString("decision_no"), longOrNull(rs, "idea_id"),
				longOrNull(rs, "startup_id"), rs.getString("note"));
	}

	static IpView registration(ResultSet rs) throws SQLException {
		return new IpView(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_path"), longOrNull(rs, "idea_id"),
				longOrNull(rs, "startup_id"), IpType.valueOf(rs.getString("ip_type")), rs.getString("title"),
				rs.getString("applicant"), rs.getString("application_no"), rs.getObject("filed_on", LocalDate.class),
				IpStatus.valueOf(rs.getString("status")), rs.getString("union_support"),
				rs.getObject("supported_on", LocalDate.class), rs.getObject("next_deadline", LocalDate.class),
				rs.getLong("version"));
	}

	static IpHistoryView history(ResultSet rs) throws SQLException {
		return new IpHistoryView(status(rs.getString("from_status")), status(rs.getString("to_status")), rs.getString("note"),
				rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by_name"));
	}

	static DeadlineView deadline(ResultSet rs) throws SQLException {
		return new DeadlineView(rs.getLong("id"), rs.getLong("ip_id"), rs.getString("label"),
				rs.getObject("due_on", LocalDate.class), rs.getBoolean("done"), rs.getBoolean("reminded"));
	}

	static CommendationView commendation(ResultSet rs) throws SQLException {
		return new CommendationView(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_path"),
				CommendationKind.valueOf(rs.getString("kind")), CommendationLevel.valueOf(rs.getString("level")),
				rs.getString("decision_no"), rs.getObject("decision_date", LocalDate.class), rs.getString("issuer"),
				longOrNull(rs, "member_id"), rs.getString("recipient_name"), longOrNull(rs, "idea_id"), rs.getString("reason"));
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
}
