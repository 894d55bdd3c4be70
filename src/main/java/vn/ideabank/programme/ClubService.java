package vn.ideabank.programme;

import static vn.ideabank.programme.ProgrammeChecks.length;
import static vn.ideabank.programme.ProgrammeChecks.required;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.org.UnitView;
import vn.ideabank.programme.ProgrammeCommands.LogActivity;
import vn.ideabank.programme.ProgrammeCommands.SaveClub;
import vn.ideabank.programme.ProgrammeEvents.ClubActivityLogged;
import vn.ideabank.programme.ProgrammeService.Filter;
import vn.ideabank.programme.ProgrammeViews.ActivityView;
import vn.ideabank.programme.ProgrammeViews.ClubDetails;
import vn.ideabank.programme.ProgrammeViews.ClubView;

/**
 * Clubs and their activity log. Permissions as in {@link ProgrammeService}; one transaction per command, so a
 * refused command saves nothing.
 */
@Service
@Transactional(readOnly = true)
public class ClubService {

	private final ProgrammeStore store;

	private final ProgrammeService access;

	private final ApplicationEventPublisher events;

	ClubService(ProgrammeStore store, ProgrammeService access, ApplicationEventPublisher events) {
		this.store = store;
		this.access = access;
		this.events = events;
	}

	public Page<ClubView> clubs(Caller caller, Filter filter, Pageable pageable) {
		return store.page(ProgrammeStore.CLUBS, access.scope(caller, filter.unitId()), filter.q(), null, pageable);
	}

	public void forEachClub(Caller caller, Filter filter, Consumer<List<ClubView>> chunk) {
		store.chunks(ProgrammeStore.CLUBS, access.scope(caller, filter.unitId()), filter.q(), chunk);
	}

	public ClubDetails club(Caller caller, long id) {
		ClubView c = store.get(ProgrammeStore.CLUBS, id);
		access.requireView(caller, c.unitPath());
		return new ClubDetails(c, store.activities(id));
	}

	@Transactional
	public ClubView createClub(Caller caller, SaveClub command) {
		UnitView unit = access.editableUnit(caller, command.unitId(), "unitId");
		check(command);
		return store.get(ProgrammeStore.CLUBS, store.insertClub(unit, command, caller.accountId()));
	}

	@Transactional
	public ClubView editClub(Caller caller, long id, SaveClub command, long version) {
		ClubView c = store.get(ProgrammeStore.CLUBS, id);
		access.requireEdit(caller, c.unitPath());
		check(command);
		store.updateClub(id, command, version);
		return store.get(ProgrammeStore.CLUBS, id);
	}

	/** Records a meeting; it cannot predate the club's founding. */
	@Transactional
	public ActivityView logActivity(Caller caller, long clubId, LogActivity command) {
		ClubView c = store.get(ProgrammeStore.CLUBS, clubId);
		access.requireEdit(caller, c.unitPath());
		required("title", command.title(), 300);
		ProgrammeChecks.date("heldOn", command.heldOn(), true);
		if (command.heldOn().isBefore(c.foundedOn())) {
			throw new BusinessException("heldOn", "programme.error.before-founding");
		}
		required("attendance", command.attendance());
		ProgrammeChecks.notNegative("attendance", command.attendance());
		ActivityView activity = store.insertActivity(clubId, command, caller.accountId());
		events.publishEvent(new ClubActivityLogged(clubId, activity.id(), c.unitId(), c.unitPath(), command.heldOn(),
				command.attendance()));
		return activity;
	}

	private static void check(SaveClub c) {
		required("name", c.name(), 300);
		required("kind", c.kind());
		length("school", c.school(), 300);
		ProgrammeChecks.date("foundedOn", c.foundedOn(), true);
		length("decisionNo", c.decisionNo(), 100);
		length("members", c.members(), 4000);
		ProgrammeChecks.notNegative("memberCount", c.memberCount());
	}
}
