package vn.ideabank.programme.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import vn.ideabank.programme.IpStatus;
import vn.ideabank.programme.IpType;
import vn.ideabank.programme.ProgrammeCommands.GrantAward;
import vn.ideabank.programme.ProgrammeCommands.SaveIp;
import vn.ideabank.programme.ProgrammeCommands.SaveStartup;
import vn.ideabank.programme.RevenueBand;
import vn.ideabank.programme.StartupStage;

/**
 * JSON bodies of the programme API where an idea is named: as on the pages, by the code shown on it
 * ({@code "TS-2026-000001"}) or, for old clients, by its number ({@code 12} or {@code "12"}); Jackson reads a
 * JSON number into these String fields. {@link ProgrammePages#ideaOf} resolves them (unknown → 422 on the field).
 */
final class ProgrammeApiBodies {

	private ProgrammeApiBodies() {
	}

	static final String IDEA_REF = "The idea's code as shown on it (TS-2026-000001, any case) or its number; "
			+ "an unknown code, or an idea the caller may not read, is refused with 422 naming this field";

	/** A new startup project; {@code relatedIdeas} lists the ideas it grew from. */
	record StartupBody(Long unitId, String name, String field, boolean agriculture, StartupStage stage, String team,
			String contact, RevenueBand revenueBand, Integer jobsCreated, boolean amountsPublic,
			@ArraySchema(schema = @Schema(description = IDEA_REF, example = "TS-2026-000001")) List<String> relatedIdeas) {

		SaveStartup command(List<Long> ideas) {
			return new SaveStartup(unitId, name, field, agriculture, stage, team, contact, revenueBand, jobsCreated,
					amountsPublic, ideas);
		}
	}

	/** An award of a fund; exactly one of member (roster number), person by name, or unit receives it. */
	record AwardBody(Long memberId, String recipientName, Long recipientUnitId, BigDecimal amount, LocalDate awardedOn,
			String decisionNo, @Schema(description = IDEA_REF, example = "TS-2026-000001") String ideaId, Long startupId,
			String note) {

		GrantAward command(Long idea) {
			return new GrantAward(memberId, recipientName, recipientUnitId, amount, awardedOn, decisionNo, idea, startupId,
					note);
		}
	}

	/** A new IP registration, for an idea or a startup (or neither). */
	record IpBody(Long unitId, @Schema(description = IDEA_REF, example = "TS-2026-000001") String ideaId, Long startupId,
			IpType type, String title, String applicant, String applicationNo, LocalDate filedOn, IpStatus status,
			String unionSupport, LocalDate supportedOn) {

		SaveIp command(Long idea) {
			return new SaveIp(unitId, idea, startupId, type, title, applicant, applicationNo, filedOn, status, unionSupport,
					supportedOn);
		}
	}
}
