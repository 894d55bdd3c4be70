package vn.ideabank.org;

/**
 * A unit and its subtree moved: every path starting with {@code oldPath} now starts with
 * {@code newPath}. Published inside the moving transaction so that copies of paths held by other
 * modules change atomically with the tree.
 */
public record UnitMoved(long unitId, String oldPath, String newPath) {
}
