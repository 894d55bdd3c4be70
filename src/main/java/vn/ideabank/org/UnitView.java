package vn.ideabank.org;

/** A unit as other modules and pages see it. */
public record UnitView(long id, String code, String name, String levelName, UnitKind kind, Long parentId,
		String path, int depth, int memberCount, boolean active, long version) {
}
