package vn.ideabank.idea;

import java.time.Instant;

import vn.ideabank.member.TargetGroup;

/** A row of an idea list; {@code duplicateOf} is the code of the original when the idea is marked a duplicate. */
public record IdeaSummary(long id, String code, long unitId, int year, IdeaKind kind, String title, IdeaStatus status,
		SectorField sectorField, TargetGroup targetGroup, Instant updatedAt, String duplicateOf) {
}
