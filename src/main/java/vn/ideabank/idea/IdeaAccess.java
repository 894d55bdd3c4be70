package vn.ideabank.idea;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Roles;
import vn.ideabank.idea.IdeaLifecycle.Actor;

/** Who the caller is with respect to one idea, and what that lets them see and do. */
final class IdeaAccess {

	private IdeaAccess() {
	}

	/** An author linked to a login, or whoever entered the idea unless they typed it in for others. */
	static boolean isAuthor(Caller caller, Idea idea) {
		return (idea.createdByAuthor() && idea.createdBy() == caller.accountId())
				|| idea.authors().stream().anyMatch(a -> Objects.equals(a.accountId(), caller.accountId()));
	}

	/** The actors the caller counts as for this idea (several at once is normal: an officer's own idea). */
	static Set<Actor> actors(Caller caller, Idea idea) {
		Set<Actor> actors = EnumSet.noneOf(Actor.class);
		if (isAuthor(caller, idea)) {
			actors.add(Actor.AUTHOR);
		}
		if (caller.can(idea.unitPath(), Roles.STAFF)) {
			actors.add(Actor.UNIT_STAFF);
		}
		if (caller.can(idea.unitPath(), Roles.OFFICE)) {
			actors.add(Actor.OFFICE);
		}
		return actors;
	}

	/** Staff of the unit see its non-draft ideas; drafts only their authors and the unit's officers. */
	static boolean canRead(Caller caller, Idea idea) {
		if (idea.publiclyVisible() || isAuthor(caller, idea)) {
			return true;
		}
		if (idea.status() == IdeaStatus.DRAFT) {
			return caller.can(idea.unitPath(), Roles.STAFF);
		}
		return caller.can(idea.unitPath(), Roles.STAFF_AND_ASSESSORS);
	}

	/** Internal notes: staff of the unit who are not among the idea's authors. */
	static boolean canSeeInternal(Caller caller, Idea idea) {
		return !isAuthor(caller, idea) && caller.can(idea.unitPath(), Roles.STAFF_AND_ASSESSORS);
	}

	static boolean canEdit(Caller caller, Idea idea) {
		if (!IdeaStatus.EDITABLE.contains(idea.status())) {
			return false;
		}
		boolean officer = caller.can(idea.unitPath(), Roles.STAFF);
		// once submitted, only the unit may still correct it before endorsing
		return officer || (isAuthor(caller, idea) && idea.status() != IdeaStatus.SUBMITTED);
	}

	static boolean canDelete(Caller caller, Idea idea) {
		return idea.status() == IdeaStatus.DRAFT
				&& (isAuthor(caller, idea) || caller.can(idea.unitPath(), Roles.STAFF));
	}

	/** Unit officers, offices and administrators covering the idea's unit mark it a duplicate, or take the mark back. */
	static boolean canMarkDuplicate(Caller caller, Idea idea) {
		return caller.can(idea.unitPath(), Roles.STAFF);
	}

	/** Ideas may be entered for a unit by its officers, and by members for their own units. */
	static boolean canCreateIn(Caller caller, String unitPath) {
		return caller.can(unitPath, Roles.STAFF_AND_MEMBERS);
	}
}
