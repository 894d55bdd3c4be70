package vn.ideabank.common.security;

/**
 * One role binding of the caller: {@code role} held at the unit whose materialised path is
 * {@code unitPath} (covering its subtree). A {@code null} unit is a system-wide administrator.
 */
public record Grant(Role role, Long unitId, String unitPath) {

	public boolean systemWide() {
		return unitId == null;
	}

	/** Whether this grant covers the unit with the given materialised path. */
	public boolean covers(String path) {
		return systemWide() || (path != null && path.startsWith(unitPath));
	}
}
