package vn.ideabank.contest;

import java.time.LocalDate;
import java.util.Set;

import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;

/** Commands of the contest module. */
public final class ContestCommands {

	private ContestCommands() {
	}

	public record CreateContest(long unitId, ContestKind kind, String name, int year, Set<TargetGroup> targetGroups,
			Integer minAge, Integer maxAge, Set<SectorField> sectorFields, LocalDate nominationOpens,
			LocalDate nominationCloses, int defaultQuota) {
	}

	public record Award(AwardTier tier, String customName) {
	}

	/**
	 * The award decision (Quyết định khen thưởng) of the organiser: who signs (name and title, e.g. "BÍ THƯ") and the
	 * decision's number and date. Certificates issued on publication state them.
	 */
	public record AwardDecision(String signerName, String signerTitle, String decisionNumber, LocalDate decisionDate) {
	}
}
