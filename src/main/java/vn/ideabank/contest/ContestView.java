package vn.ideabank.contest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;

/** A contest as pages see it; {@code manageable} tells whether the caller organises it. */
public record ContestView(long id, long unitId, String unitName, ContestKind kind, String name, int year,
		Set<TargetGroup> targetGroups, Integer minAge, Integer maxAge, Set<SectorField> sectorFields,
		LocalDate nominationOpens, LocalDate nominationCloses, int defaultQuota, ContestStatus status,
		Instant resultsPublishedAt, boolean votingOpen, long version, boolean manageable,
		ContestCommands.AwardDecision decision) {
}
