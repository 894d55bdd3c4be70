package vn.ideabank.programme;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Roles;
import vn.ideabank.common.security.UnitScope;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * Who may do what in the programme module, shared by its facades ({@link StartupService}, {@link ClubService},
 * {@link FundService}, {@link IpRegistrationService}, {@link RecognitionService}): everyone with a role reads the
 * records of their subtrees; ADMIN, OFFICE and UNIT_OFFICER edit them. Lists are filtered in SQL by the caller's
 * subtrees.
 */
@Service
@Transactional(readOnly = true)
public class ProgrammeService {

	private final UnitService units;

	ProgrammeService(UnitService units) {
		this.units = units;
	}

	/** A text filter and an optional unit (its subtree) for the lists. */
	public record Filter(Long unitId, String q) {

		public static Filter none() {
			return new Filter(null, null);
		}
	}

	public boolean canEdit(Caller caller, String unitPath) {
		return caller.can(unitPath, Roles.STAFF);
	}

	/** Active units in which the caller may record startups, clubs, funds and registrations. */
	public List<UnitView> editableUnits(Caller caller) {
		return units.visible(caller).stream().filter(u -> u.active() && canEdit(caller, u.path())).toList();
	}

	/** The unit a new record goes to: named on the form and editable by the caller (403 otherwise). */
	UnitView editableUnit(Caller caller, Long unitId, String field) {
		if (unitId == null) {
			throw new BusinessException(field, "programme.error.unit-required");
		}
		UnitView unit = units.find(unitId).orElseThrow(() -> new BusinessException(field, "programme.error.unit-required"));
		requireEdit(caller, unit.path());
		return unit;
	}

	void requireEdit(Caller caller, String unitPath) {
		if (!canEdit(caller, unitPath)) {
			throw new ForbiddenException();
		}
	}

	void requireView(Caller caller, String unitPath) {
		if (!caller.sees(unitPath)) {
			throw new ForbiddenException();
		}
	}

	/** What any role reads: the caller's subtrees, narrowed to a unit's subtree (refused outside them). */
	UnitScope scope(Caller caller, Long unitId) {
		String within = null;
		if (unitId != null) {
			within = units.find(unitId).orElseThrow(() -> new NotFoundException("programme.error.not-found")).path();
		}
		return UnitScope.of(caller).requireWithin(within);
	}

	UnitView unit(long id) {
		return units.find(id).orElseThrow(() -> new NotFoundException("programme.error.not-found"));
	}

	/** A unit named in a command: unknown is a refusal on that field. */
	UnitView unit(long id, String field) {
		return units.find(id).orElseThrow(() -> new BusinessException(field, "programme.error.unit-required"));
	}
}
