package vn.ideabank.initiative;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Roles;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.initiative.InitiativeStore.Row;
import vn.ideabank.initiative.InitiativeViews.Part;
import vn.ideabank.review.CouncilMembers;

/**
 * Who may do what with an application. Readers: its authors, whoever filed it, staff and assessors over its
 * unit. Confidential parts: only the authors (and the filer) and the members of the council it was sent to.
 * The office over its unit runs the procedure.
 */
@Component
class InitiativeAccess {

	private final InitiativeStore store;

	private final IdeaService ideas;

	private final CouncilMembers councils;

	private final Clock clock;

	InitiativeAccess(InitiativeStore store, IdeaService ideas, CouncilMembers councils, ObjectProvider<Clock> clock) {
		this.store = store;
		this.ideas = ideas;
		this.councils = councils;
		this.clock = clock.getIfAvailable(() -> Clock.system(ZoneId.systemDefault()));
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	boolean isAuthor(Caller caller, Row row) {
		return row.filedBy() == caller.accountId() || ideas.authorAccountIds(row.ideaId()).contains(caller.accountId());
	}

	boolean isCouncilMember(Caller caller, Row row) {
		return row.councilId() != null && councils.isMember(row.councilId(), caller.accountId());
	}

	/** The parts this caller may not read. */
	Set<Part> withheld(Caller caller, Row row) {
		if (row.confidential().isEmpty() || isAuthor(caller, row) || isCouncilMember(caller, row)) {
			return EnumSet.noneOf(Part.class);
		}
		return EnumSet.copyOf(row.confidential());
	}

	/** An application the caller may read; anything else reads as absent. */
	Row readable(Caller caller, long id) {
		Row row = store.find(id).orElseThrow(() -> new NotFoundException("initiative.notFound"));
		if (!(caller.can(row.unitPath(), Roles.STAFF_AND_ASSESSORS) || isAuthor(caller, row) || isCouncilMember(caller, row))) {
			throw new NotFoundException("initiative.notFound");
		}
		return row;
	}

	/** An application the caller runs the procedure for (the office over its unit). */
	Row managed(Caller caller, long id) {
		Row row = readable(caller, id);
		if (!caller.can(row.unitPath(), Roles.OFFICE)) {
			throw new ForbiddenException("initiative.office.only");
		}
		return row;
	}
}
