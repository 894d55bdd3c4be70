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

import vn.ideabank.common.security.Caller;
import vn.ideabank.org.UnitView;
import vn.ideabank.programme.ProgrammeCommands.AddSupport;
import vn.ideabank.programme.ProgrammeCommands.SaveStartup;
import vn.ideabank.programme.ProgrammeEvents.StartupSupported;
import vn.ideabank.programme.ProgrammeService.Filter;
import vn.ideabank.programme.ProgrammeViews.StartupDetails;
import vn.ideabank.programme.ProgrammeViews.StartupView;
import vn.ideabank.programme.ProgrammeViews.SupportView;

/**
 * Startup projects and the support the union gave them. Permissions as in {@link ProgrammeService}; one
 * transaction per command, so a refused command saves nothing.
 */
@Service
@Transactional(readOnly = true)
public class StartupService {

	private final ProgrammeStore store;

	private final ProgrammeService access;

	private final IdeaLinks ideaLinks;

	private final ApplicationEventPublisher events;

	StartupService(ProgrammeStore store, ProgrammeService access, IdeaLinks ideaLinks, ApplicationEventPublisher events) {
		this.store = store;
		this.access = access;
		this.ideaLinks = ideaLinks;
		this.events = events;
	}

	public Page<StartupView> startups(Caller caller, Filter filter, Pageable pageable) {
		return store.page(ProgrammeStore.STARTUPS, access.scope(caller, filter.unitId()), filter.q(), null, pageable);
	}

	public void forEachStartup(Caller caller, Filter filter, Consumer<List<StartupView>> chunk) {
		store.chunks(ProgrammeStore.STARTUPS, access.scope(caller, filter.unitId()), filter.q(), chunk);
	}

	public StartupDetails startup(Caller caller, long id) {
		StartupView s = store.get(ProgrammeStore.STARTUPS, id);
		access.requireView(caller, s.unitPath());
		return new StartupDetails(s, store.startupIdeas(id), store.supports(id), store.registrationsOf(id));
	}

	@Transactional
	public StartupView createStartup(Caller caller, SaveStartup command) {
		UnitView unit = access.editableUnit(caller, command.unitId(), "unitId");
		check(command);
		List<Long> ideaIds = ideaLinks.check(caller, command.ideaIds(), unit.path(), "ideaIds");
		long id = store.insertStartup(unit, command, caller.accountId());
		store.linkIdeas(id, ideaIds);
		return store.get(ProgrammeStore.STARTUPS, id);
	}

	@Transactional
	public StartupView editStartup(Caller caller, long id, SaveStartup command, long version) {
		StartupView s = store.get(ProgrammeStore.STARTUPS, id);
		access.requireEdit(caller, s.unitPath());
		check(command);
		List<Long> ideaIds = ideaLinks.check(caller, command.ideaIds(), s.unitPath(), "ideaIds");
		store.updateStartup(id, command, version);
		store.linkIdeas(id, ideaIds);
		return store.get(ProgrammeStore.STARTUPS, id);
	}

	@Transactional
	public SupportView addSupport(Caller caller, long startupId, AddSupport command) {
		StartupView s = store.get(ProgrammeStore.STARTUPS, startupId);
		access.requireEdit(caller, s.unitPath());
		required("kind", command.kind());
		ProgrammeChecks.amount(command.amount(), "programme.error.amount-negative");
		ProgrammeChecks.date("givenOn", command.givenOn(), true);
		length("partner", command.partner(), 300);
		length("note", command.note(), 1000);
		SupportView support = store.insertSupport(startupId, command, caller.accountId());
		events.publishEvent(new StartupSupported(startupId, support.id(), s.unitId(), s.unitPath(), command.kind(),
				command.givenOn()));
		return support;
	}

	private static void check(SaveStartup c) {
		required("name", c.name(), 300);
		required("field", c.field(), 200);
		required("stage", c.stage());
		length("team", c.team(), 4000);
		length("contact", c.contact(), 300);
		ProgrammeChecks.notNegative("jobsCreated", c.jobsCreated());
	}
}
