package vn.ideabank.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Commands of the programme facade (validated by it: dates in order, formats, amounts). */
public final class ProgrammeCommands {

	private ProgrammeCommands() {
	}

	public record SaveStartup(Long unitId, String name, String field, boolean agriculture, StartupStage stage, String team,
			String contact, RevenueBand revenueBand, Integer jobsCreated, boolean amountsPublic, List<Long> ideaIds) {

		public SaveStartup {
			ideaIds = ideaIds == null ? List.of() : List.copyOf(ideaIds);
		}
	}

	public record AddSupport(SupportKind kind, BigDecimal amount, LocalDate givenOn, String partner, String note) {
	}

	/** A club; {@code active} false once it has stopped meeting (it then leaves the public club page). */
	public record SaveClub(Long unitId, String name, ClubKind kind, String school, LocalDate foundedOn, String decisionNo,
			String members, Integer memberCount, boolean active) {

		public SaveClub(Long unitId, String name, ClubKind kind, String school, LocalDate foundedOn, String decisionNo,
				String members, Integer memberCount) {
			this(unitId, name, kind, school, foundedOn, decisionNo, members, memberCount, true);
		}
	}

	public record LogActivity(LocalDate heldOn, String title, Integer attendance) {
	}

	/** A new registration, for an idea or a startup (or neither: a member's own). */
	public record SaveIp(Long unitId, Long ideaId, Long startupId, IpType type, String title, String applicant,
			String applicationNo, LocalDate filedOn, IpStatus status, String unionSupport, LocalDate supportedOn) {
	}

	/** Moves a registration on; the number and filing date are required once it is filed. */
	public record ChangeIpStatus(IpStatus to, String applicationNo, LocalDate filedOn, String note) {
	}

	public record AddDeadline(String label, LocalDate dueOn) {
	}

	/** A fund or scholarship programme of a unit, for one year. */
	public record SaveFund(Long unitId, String name, FundKind kind, Integer year, String description) {
	}

	/**
	 * An award of a fund or scholarship: to a roster member ({@code memberId}), a person named outside the roster
	 * ({@code recipientName}) or a unit ({@code recipientUnitId}) — exactly one; amount in whole đồng.
	 */
	public record GrantAward(Long memberId, String recipientName, Long recipientUnitId, BigDecimal amount,
			LocalDate awardedOn, String decisionNo, Long ideaId, Long startupId, String note) {
	}
}
