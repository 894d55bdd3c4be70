package vn.ideabank.initiative;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Roles;
import vn.ideabank.common.security.UnitScope;
import vn.ideabank.idea.IdeaDetails;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.initiative.InitiativeCommands.CoAuthor;
import vn.ideabank.initiative.InitiativeCommands.FileApplication;
import vn.ideabank.initiative.InitiativeCommands.RecordBenefit;
import vn.ideabank.initiative.InitiativeStore.Row;
import vn.ideabank.initiative.InitiativeViews.ApplicationView;
import vn.ideabank.initiative.InitiativeViews.BenefitView;
import vn.ideabank.initiative.InitiativeViews.Part;
import vn.ideabank.initiative.InitiativeViews.RegisterRow;
import vn.ideabank.initiative.InitiativeViews.Status;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * Applications for recognition: filing (and completing after a return), reading with the confidential parts
 * withheld from whoever may not read them, the register, and the remuneration lines.
 */
@Service
public class InitiativeService {

	/** Kinds of idea the regulation recognises: sáng kiến and giải pháp. */
	static final Set<IdeaKind> KINDS = EnumSet.of(IdeaKind.INITIATIVE, IdeaKind.SOLUTION);

	private static final BigDecimal HUNDRED = new BigDecimal("100");

	private final InitiativeStore store;

	private final InitiativeAccess access;

	private final IdeaService ideas;

	private final UnitService units;

	private final InitiativeSettings settings;

	InitiativeService(InitiativeStore store, InitiativeAccess access, IdeaService ideas, UnitService units,
			InitiativeSettings settings) {
		this.store = store;
		this.access = access;
		this.ideas = ideas;
		this.units = units;
		this.settings = settings;
	}

	public record RegisterFilter(Status status, Integer year, Long unitId) {
	}

	// --- filing ---------------------------------------------------------------------------------

	/** Files the application for an idea of kind sáng kiến or giải pháp whose author or unit staff the caller is. */
	@Transactional
	public ApplicationView file(Caller caller, FileApplication c) {
		IdeaView idea = editableIdea(caller, c.ideaId());
		check(c);
		if (store.findByIdea(idea.id()).isPresent()) {
			throw new BusinessException("ideaId", "initiative.idea.alreadyFiled", idea.code());
		}
		UnitView unit = units.find(idea.unitId()).orElseThrow();
		long id = store.insert(c, idea.code(), unit.id(), unit.path(), idea.title(), caller.accountId());
		return view(caller, store.find(id).orElseThrow());
	}

	/** The application completed after a return: filed again, the office takes it in again (the clock restarts). */
	@Transactional
	public ApplicationView complete(Caller caller, long id, FileApplication c, long version) {
		Row row = access.readable(caller, id);
		if (!access.isAuthor(caller, row) && !caller.can(row.unitPath(), Roles.STAFF)) {
			throw new ForbiddenException("initiative.file.notEditable");
		}
		if (row.status() != Status.RETURNED) {
			throw new BusinessException("initiative.complete.notReturned");
		}
		if (c.ideaId() != null && c.ideaId() != row.ideaId()) {
			throw new BusinessException("ideaId", "initiative.idea.changed");
		}
		check(c);
		store.refile(id, version, c);
		return view(caller, store.find(id).orElseThrow());
	}

	private IdeaView editableIdea(Caller caller, Long ideaId) {
		if (ideaId == null) {
			throw new BusinessException("ideaId", "initiative.idea.required");
		}
		IdeaDetails details;
		try {
			details = ideas.details(caller, ideaId);
		}
		catch (BusinessException e) {
			throw new BusinessException("ideaId", "initiative.file.notEditable");
		}
		IdeaView idea = details.idea();
		String path = units.find(idea.unitId()).map(UnitView::path).orElseThrow();
		// the people who may edit the idea (its authors, the unit's staff), whatever its status
		if (!details.isAuthor() && !caller.can(path, Roles.STAFF)) {
			throw new BusinessException("ideaId", "initiative.file.notEditable");
		}
		if (!KINDS.contains(idea.kind())) {
			throw new BusinessException("ideaId", "initiative.idea.kind");
		}
		return idea;
	}

	/** Rules beyond the single fields: shares summing to 100, no date in the future. */
	private void check(FileApplication c) {
		if (c.authors() == null || c.authors().isEmpty()) {
			throw new BusinessException("authors", "initiative.authors.required");
		}
		BigDecimal total = BigDecimal.ZERO;
		for (CoAuthor a : c.authors()) {
			if (a == null || a.fullName() == null || a.fullName().isBlank() || a.contribution() == null
					|| a.contribution().signum() <= 0) {
				throw new BusinessException("authors", "initiative.authors.incomplete");
			}
			if (a.birthDate() != null && a.birthDate().isAfter(access.today())) {
				throw new BusinessException("authors", "initiative.authors.birthDate");
			}
			total = total.add(a.contribution());
		}
		if (total.compareTo(HUNDRED) != 0) {
			throw new BusinessException("authors", "initiative.authors.sum", total.stripTrailingZeros().toPlainString());
		}
		if (c.firstAppliedOn() != null && c.firstAppliedOn().isAfter(access.today())) {
			throw new BusinessException("firstAppliedOn", "initiative.firstAppliedOn.future");
		}
		for (String text : new String[] { c.fieldOfUse(), c.knownSolution(), c.newContent(), c.applicability(), c.benefits() }) {
			if (text == null || text.isBlank()) {
				throw new BusinessException("initiative.description.required");
			}
		}
	}

	// --- reading --------------------------------------------------------------------------------

	/** The application with the confidential parts the caller may not read left out. */
	public ApplicationView get(Caller caller, long id) {
		return view(caller, access.readable(caller, id));
	}

	/** Whether the caller runs the procedure for this application (the office over its unit). */
	public boolean manages(Caller caller, long id) {
		return caller.can(access.readable(caller, id).unitPath(), Roles.OFFICE);
	}

	/** Whether the caller filed the application or is one of the idea's authors. */
	public boolean isAuthor(Caller caller, long id) {
		return access.isAuthor(caller, access.readable(caller, id));
	}

	/** The application of an idea, if any and readable. */
	public java.util.Optional<ApplicationView> ofIdea(Caller caller, long ideaId) {
		return store.findByIdea(ideaId).map(r -> get(caller, r.id()));
	}

	/** The whole application, confidential parts included: refused to anyone but the authors and the council. */
	public ApplicationView confidential(Caller caller, long id) {
		Row row = access.readable(caller, id);
		if (!access.withheld(caller, row).isEmpty()) {
			throw new ForbiddenException("initiative.confidential.forbidden");
		}
		return view(caller, row);
	}

	/** The intake register of the caller's units (and the applications they filed), without description text. */
	public List<RegisterRow> register(Caller caller, RegisterFilter filter, int page, int size) {
		UnitScope scope = UnitScope.of(caller, Roles.STAFF_AND_ASSESSORS);
		String under = null;
		if (filter.unitId() != null) {
			under = units.find(filter.unitId()).map(UnitView::path).orElseThrow(ForbiddenException::new);
			scope = scope.requireWithin(under);
		}
		List<Row> rows = store.list(scope, caller.accountId(), filter.status(), filter.year(), filter.unitId(), under,
				page * size, size);
		Map<Long, UnitView> names = units.findAll(rows.stream().flatMap(r -> java.util.stream.Stream.of(r.unitId(),
				r.registerUnitId() == null ? r.unitId() : r.registerUnitId())).collect(Collectors.toSet()));
		return rows.stream().map(r -> new RegisterRow(r.id(), r.ideaCode(), r.title(), names.get(r.unitId()).name(),
				r.status(), r.registerYear(), r.registerNo(), r.receivedOn(), r.dueOn(),
				store.authorsOf(r.id()).stream().map(InitiativeViews.AuthorView::fullName).collect(Collectors.joining(", ")),
				r.reach(), r.earlierId() != null)).toList();
	}

	ApplicationView view(Caller caller, Row r) {
		Set<Part> withheld = access.withheld(caller, r);
		UnitView unit = units.find(r.unitId()).orElseThrow();
		String registerUnit = r.registerUnitId() == null ? null : units.find(r.registerUnitId()).map(UnitView::name).orElse(null);
		String earlierCode = r.earlierId() == null ? null : store.find(r.earlierId()).map(Row::ideaCode).orElse(null);
		return new ApplicationView(r.id(), r.ideaId(), r.ideaCode(), r.unitId(), unit.name(), r.title(), r.status(),
				r.investor(), r.fieldOfUse(), r.firstAppliedOn(), shown(r.knownSolution(), Part.KNOWN_SOLUTION, withheld),
				shown(r.newContent(), Part.NEW_CONTENT, withheld), shown(r.applicability(), Part.APPLICABILITY, withheld),
				shown(r.benefits(), Part.BENEFITS, withheld), shown(r.trialParticipants(), Part.TRIAL_PARTICIPANTS, withheld),
				Set.copyOf(r.confidential()), Set.copyOf(withheld), store.authorsOf(r.id()), r.filedAt(), r.registerYear(),
				r.registerNo(), registerUnit, r.receivedOn(), r.acceptedOn(), r.dueOn(), r.returnedOn(), r.returnReason(),
				r.councilId(), r.decisionNo(), r.decidedOn(), r.reach(), r.refusalReason(), r.signerName(), r.earlierId(),
				earlierCode, r.version());
	}

	private static String shown(String text, Part part, Set<Part> withheld) {
		return withheld.contains(part) ? null : text;
	}

	// --- remuneration (optional, per office: InitiativeSettings) ----------------------------------

	/** Whether the office that keeps the application's register records remuneration. */
	public boolean remunerationOn(Caller caller, long id) {
		return settings.remunerationOn(access.readable(caller, id));
	}

	/** The remuneration lines, years 1 to 3; refused when the office has not turned remuneration on. */
	public List<BenefitView> benefits(Caller caller, long id) {
		settings.requireRemuneration(access.readable(caller, id));
		return store.benefits(id);
	}

	/** Records a year's gain of a recognised initiative; the payment owed follows from it. */
	@Transactional
	public List<BenefitView> recordBenefit(Caller caller, long id, RecordBenefit c) {
		Row row = access.managed(caller, id);
		settings.requireRemuneration(row);
		if (row.status() != Status.RECOGNISED) {
			throw new BusinessException("initiative.benefit.notRecognised");
		}
		if (c.yearNo() < 1 || c.yearNo() > 3) {
			throw new BusinessException("yearNo", "initiative.benefit.yearNo");
		}
		if (c.gain() == null && c.transferPrice() == null) {
			throw new BusinessException("gain", "initiative.benefit.required");
		}
		amount("gain", c.gain());
		amount("transferPrice", c.transferPrice());
		amount("paid", c.paid());
		store.saveBenefit(id, c.yearNo(), c.gain(), c.transferPrice(), c.paid(), caller.accountId());
		return store.benefits(id);
	}

	/** A sum of money in whole đồng, not negative, at most 15 digits (the columns of V95). */
	private static void amount(String field, BigDecimal value) {
		if (value != null && (value.signum() < 0 || value.stripTrailingZeros().scale() > 0
				|| value.precision() - value.scale() > 15)) {
			throw new BusinessException(field, "initiative.benefit.amount");
		}
	}
}
