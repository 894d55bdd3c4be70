package vn.ideabank.org;

/**
 * A unit and its subtree moved: every path starting with {@code oldPath} now starts with
 * {@code newPath}. Published inside the moving transaction, after every {@code *unit_path} column of
 * the schema was rewritten (see {@code UnitPathCopies}): a listener need not, and must not, rewrite
 * copies of paths itself.
 */
public record UnitMoved(long unitId, String oldPath, String newPath) {
}
