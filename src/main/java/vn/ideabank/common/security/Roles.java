package vn.ideabank.common.security;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The role sets the permission rules are written with, named once so a rule reads as what it means
 * and a new role is added to each set in one place.
 */
public final class Roles {

	/** Offices and administrators: organise, ask for plans, decide, manage the tree. */
	public static final Set<Role> OFFICE = of(Role.OFFICE, Role.ADMIN);

	/** Unit officers, offices and administrators: enter and manage a unit's records, see drafts. */
	public static final Set<Role> STAFF = of(Role.UNIT_OFFICER, Role.OFFICE, Role.ADMIN);

	/** Staff plus reviewers and judges: read the non-draft records of their subtrees. */
	public static final Set<Role> STAFF_AND_ASSESSORS = of(Role.UNIT_OFFICER, Role.OFFICE, Role.ADMIN, Role.REVIEWER,
			Role.JUDGE);

	/** Staff plus members: may enter an idea for a unit. */
	public static final Set<Role> STAFF_AND_MEMBERS = of(Role.UNIT_OFFICER, Role.OFFICE, Role.ADMIN, Role.MEMBER);

	/** Every role: any grant lets its holder see the non-public data of its subtree. */
	public static final Set<Role> ANY = Collections.unmodifiableSet(EnumSet.allOf(Role.class));

	private Roles() {
	}

	private static Set<Role> of(Role first, Role... rest) {
		return Collections.unmodifiableSet(EnumSet.of(first, rest));
	}
}
