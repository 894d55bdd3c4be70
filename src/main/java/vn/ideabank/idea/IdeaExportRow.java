package vn.ideabank.idea;

import java.time.Instant;

import vn.ideabank.member.TargetGroup;

/** One row of an idea list export: what the list shows, with the authors' names and dates. */
public record IdeaExportRow(long id, String code, String title, long unitId, int year, IdeaKind kind, IdeaStatus status,
		SectorField sectorField, TargetGroup targetGroup, String authors, Instant submittedAt, Instant updatedAt) {
}
