package vn.ideabank.programme;

import static vn.ideabank.common.text.TextNormalizer.normalizeToNull;
import static vn.ideabank.programme.ProgrammeChecks.length;
import static vn.ideabank.programme.ProgrammeChecks.required;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.UnitScope;
import vn.ideabank.org.UnitView;
import vn.ideabank.programme.ProgrammeCommands.AddDeadline;
import vn.ideabank.programme.ProgrammeCommands.ChangeIpStatus;
import vn.ideabank.programme.ProgrammeCommands.SaveIp;
import vn.ideabank.programme.ProgrammeEvents.IpStatusChanged;
import vn.ideabank.programme.ProgrammeService.Filter;
import vn.ideabank.programme.ProgrammeViews.DeadlineView;
import vn.ideabank.programme.ProgrammeViews.IpDetails;
import vn.ideabank.programme.ProgrammeViews.IpView;
import vn.ideabank.programme.ProgrammeViews.StartupView;

/**
 * IP registrations (patents, utility solutions, designs, marks...): their status along the transition table of
 * {@link IpStatus} with a history row per change, the support the union gave, and the deadlines reminded by
 * {@link IpReminders}. Permissions as in {@link ProgrammeService}; one transaction per command.
 */
@Service
@Transactional(readOnly = true)
public class IpRegistrationService {

	private final ProgrammeStore store;

	private final ProgrammeService access;

	private final IdeaLinks ideaLinks;

	private final ApplicationEventPublisher events;

	IpRegistrationService(ProgrammeStore store, ProgrammeService access, IdeaLinks ideaLinks,
			ApplicationEventPublisher events) {
		this.store = store;
		this.access = access;
		this.ideaLinks = ideaLinks;
		this.events = events;
	}

	public Page<IpView> registrations(Caller caller, Filter filter, Pageable pageable) {
		return store.page(ProgrammeStore.REGISTRATIONS, access.scope(caller, filter.unitId()), filter.q(), null, pageable);
	}

	public void forEachRegistration(Caller caller, Filter filter, Consumer<List<IpView>> chunk) {
		store.chunks(ProgrammeStore.REGISTRATIONS, access.scope(caller, filter.unitId()), filter.q(), chunk);
	}

	public IpDetails registration(Caller caller, long id) {
		IpView ip = store.get(ProgrammeStore.REGISTRATIONS, id);
		access.requireView(caller, ip.unitPath());
		return new IpDetails(ip, store.history(id), store.deadlines(id));
	}

	/** Open deadlines of registrations the caller sees, due by {@code until}, soonest first ("visible in-app"). */
	public List<DeadlineView> upcomingDeadlines(Caller caller, LocalDate until, int limit) {
		return store.openDeadlines(UnitScope.of(caller), until, limit);
	}

	@Transactional
	public IpView createRegistration(Caller caller, SaveIp command) {
		UnitView unit = access.editableUnit(caller, command.unitId(), "unitId");
		required("type", command.type());
		IpStatus status = command.status() == null ? IpStatus.PREPARING : command.status();
		required("title", command.title(), 300);
		required("applicant", command.applicant(), 300);
		checkFiling(command.type(), status, command.applicationNo(), command.filedOn());
		checkSupport(command.unionSupport(), command.supportedOn());
		ideaLinks.check(caller, command.ideaId(), unit.path(), "ideaId");
		if (command.startupId() != null) {
			StartupView s = store.find(ProgrammeStore.STARTUPS, command.startupId())
				.orElseThrow(() -> new BusinessException("startupId", "programme.error.startup-unknown"));
			access.requireView(caller, s.unitPath());
		}
		long id = store.insertRegistration(unit, command, status, caller.accountId());
		store.insertHistory(caller, id, null, status, null);
		events.publishEvent(new IpStatusChanged(id, unit.id(), unit.path(), null, status, caller.accountId()));
		return store.get(ProgrammeStore.REGISTRATIONS, id);
	}

	/** Moves a registration along the transition table of {@link IpStatus}, with a history row and an event. */
	@Transactional
	public IpView changeStatus(Caller caller, long id, ChangeIpStatus command, long version) {
		IpView ip = store.get(ProgrammeStore.REGISTRATIONS, id);
		access.requireEdit(caller, ip.unitPath());
		required("to", command.to());
		if (!ip.status().canMoveTo(command.to())) {
			throw new BusinessException("to", "programme.error.ip-transition");
		}
		String given = normalizeToNull(command.applicationNo());
		String number = given != null ? given : ip.applicationNo();
		LocalDate filedOn = command.filedOn() != null ? command.filedOn() : ip.filedOn();
		checkFiling(ip.type(), command.to(), number, filedOn);
		length("note", command.note(), 1000);
		store.updateStatus(id, command.to(), number, filedOn, version);
		store.insertHistory(caller, id, ip.status(), command.to(), normalizeToNull(command.note()));
		events.publishEvent(new IpStatusChanged(id, ip.unitId(), ip.unitPath(), ip.status(), command.to(), caller.accountId()));
		return store.get(ProgrammeStore.REGISTRATIONS, id);
	}

	/** Records (or clears, with a blank text) the support the union gave. */
	@Transactional
	public IpView recordSupport(Caller caller, long id, String support, LocalDate supportedOn, long version) {
		IpView ip = store.get(ProgrammeStore.REGISTRATIONS, id);
		access.requireEdit(caller, ip.unitPath());
		String text = normalizeToNull(support);
		LocalDate on = text == null ? null : supportedOn;
		checkSupport(text, on);
		store.updateSupport(id, text, on, version);
		return store.get(ProgrammeStore.REGISTRATIONS, id);
	}

	@Transactional
	public DeadlineView addDeadline(Caller caller, long ipId, AddDeadline command) {
		IpView ip = store.get(ProgrammeStore.REGISTRATIONS, ipId);
		access.requireEdit(caller, ip.unitPath());
		if (ip.status().finished()) {
			throw new BusinessException("dueOn", "programme.error.ip-finished");
		}
		required("label", command.label(), 300);
		required("dueOn", command.dueOn());
		if (ip.filedOn() != null && command.dueOn().isBefore(ip.filedOn())) {
			throw new BusinessException("dueOn", "programme.error.before-filing");
		}
		String label = command.label().strip();
		long id = store.insertDeadline(ipId, label, command.dueOn(), caller.accountId());
		return new DeadlineView(id, ipId, label, command.dueOn(), false, false);
	}

	@Transactional
	public void completeDeadline(Caller caller, long ipId, long deadlineId) {
		IpView ip = store.get(ProgrammeStore.REGISTRATIONS, ipId);
		access.requireEdit(caller, ip.unitPath());
		if (!store.completeDeadline(ipId, deadlineId)) {
			throw new NotFoundException("programme.error.not-found");
		}
	}

	/** The number must fit the type's format; a filed registration needs its number and filing date. */
	private static void checkFiling(IpType type, IpStatus status, String number, LocalDate filedOn) {
		ProgrammeChecks.date("filedOn", filedOn, false);
		String no = normalizeToNull(number);
		if (no != null && !type.accepts(no, filedOn == null ? null : filedOn.getYear())) {
			throw new BusinessException("applicationNo",
					type.example() == null ? "programme.error.ip-number-free" : "programme.error.ip-number", type.example());
		}
		if (status.filed() && no == null) {
			throw new BusinessException("applicationNo", "programme.error.ip-number-required");
		}
		if (status.filed() && filedOn == null) {
			throw new BusinessException("filedOn", "programme.error.ip-filed-required");
		}
	}

	/** The union's support is a text and a date, both or neither. */
	private static void checkSupport(String support, LocalDate supportedOn) {
		length("unionSupport", support, 1000);
		boolean text = normalizeToNull(support) != null;
		if (text && supportedOn == null) {
			throw new BusinessException("supportedOn", "programme.error.required");
		}
		if (!text && supportedOn != null) {
			throw new BusinessException("unionSupport", "programme.error.required");
		}
		ProgrammeChecks.date("supportedOn", supportedOn, false);
	}
}
