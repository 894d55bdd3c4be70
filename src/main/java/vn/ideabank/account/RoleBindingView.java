package vn.ideabank.account;

import vn.ideabank.common.security.Role;

/** A role binding with its unit's name for display ({@code unitName} null: system-wide). */
public record RoleBindingView(long id, Role role, Long unitId, String unitName) {
}
