package vn.ideabank.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What pages, the API and other modules see of the programme records. */
public final class ProgrammeViews {

	private ProgrammeViews() {
	}

	public record StartupView(long id, long unitId, String unitPath, String name, String field, boolean agriculture,
			StartupStage stage, String team, String contact, RevenueBand revenueBand, Integer jobsCreated,
			boolean amountsPublic, long supportCount, BigDecimal supportTotal, long version) {
	}

	public record SupportView(long id, long startupId, SupportKind kind, BigDecimal amount, LocalDate givenOn,
			String partner, String note) {
	}

	public record StartupDetails(StartupView startup, List<Long> ideaIds, List<SupportView> supports,
			List<IpView> registrations) {
	}

	public record ClubView(long id, long unitId, String unitPath, String name, ClubKind kind, String school,
			LocalDate foundedOn, String decisionNo, String members, int memberCount, long activityCount, boolean active,
			long version) {
	}

	public record ActivityView(long id, long clubId, LocalDate heldOn, String title, int attendance) {
	}

	public record ClubDetails(ClubView club, List<ActivityView> activities) {
	}

	public record IpView(long id, long unitId, String unitPath, Long ideaId, Long startupId, IpType type, String title,
			String applicant, String applicationNo, LocalDate filedOn, IpStatus status, String unionSupport,
			LocalDate supportedOn, LocalDate nextDeadline, long version) {
	}

	public record IpHistoryView(IpStatus from, IpStatus to, String note, Instant at, String by) {
	}

	public record DeadlineView(long id, long ipId, String label, LocalDate dueOn, boolean done, boolean reminded) {
	}

	public record IpDetails(IpView ip, List<IpHistoryView> history, List<DeadlineView> deadlines) {
	}

	/** The public face of a club (no contacts, no member names). */
	public record PublicClub(long id, long unitId, String name, ClubKind kind, String school, LocalDate foundedOn,
			long activityCount) {
	}

	/** The public face of a startup (no team contacts; amounts only when flagged public). */
	public record PublicStartup(long id, long unitId, String name, StartupStage stage, String field, boolean agriculture,
			BigDecimal supportTotal) {
	}

	/** A fund or scholarship programme with the number and total of its awards. */
	public record FundView(long id, long unitId, String unitPath, String name, FundKind kind, int year,
			String description, long awardCount, BigDecimal awardTotal, long version) {
	}

	/**
	 * An award of a fund or scholarship; {@code unitId} is the unit it belongs to (the recipient unit, the
	 * recipient member's unit, or the programme's unit for a person outside the roster).
	 */
	public record AwardView(long id, long fundId, String fundName, FundKind fundKind, long unitId, Long memberId,
			String recipientName, boolean toUnit, BigDecimal amount, LocalDate awardedOn, String decisionNo, Long ideaId,
			Long startupId, String note) {
	}

	public record FundDetails(FundView fund, List<AwardView> awards) {
	}
}
