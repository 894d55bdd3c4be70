package vn.ideabank.idea;

import java.time.Instant;

import vn.ideabank.member.TargetGroup;

/** A row of an idea list. */
public record IdeaSummary(long id, String code, long unitId, int year, IdeaKind kind, String title, IdeaStatus status,
		SectorField sectorField, TargetGroup targetGroup, Instant updatedAt) {
}
