package vn.ideabank.initiative;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Grant;
import vn.ideabank.common.security.Roles;
import vn.ideabank.initiative.InitiativeCommands.SetRemuneration;
import vn.ideabank.initiative.InitiativeStore.Row;
import vn.ideabank.initiative.InitiativeViews.UnitSetting;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * An office's settings of the procedure. The remuneration part (Nghị định 13/2012, Điều 10) is optional for the
 * organisation that applies an initiative, so each office turns it on for the applications it takes into its
 * register; off (the default), the remuneration pages are not offered and the API refuses them with a clear message.
 */
@Service
public class InitiativeSettings {

	private final InitiativeStore store;

	private final UnitService units;

	InitiativeSettings(InitiativeStore store, UnitService units) {
		this.store = store;
		this.units = units;
	}

	/** The settings of a unit the caller works for or assesses (any other unit reads as absent). */
	public UnitSetting of(Caller caller, long unitId) {
		UnitView unit = units.find(unitId).filter(u -> caller.can(u.path(), Roles.STAFF_AND_ASSESSORS))
			.orElseThrow(() -> new NotFoundException("error.notFound"));
		return view(unit);
	}

	/** The settings of each unit where the caller holds the office role (bound at that unit), to change them. */
	public List<UnitSetting> editable(Caller caller) {
		List<Long> ids = caller.grantsFor(Roles.OFFICE).stream().filter(g -> !g.systemWide()).map(Grant::unitId).distinct()
			.toList();
		Map<Long, UnitView> found = units.findAll(ids);
		return found.values().stream().sorted(Comparator.comparing(UnitView::path)).map(this::view).toList();
	}

	/** Turns the remuneration part on or off for a unit: its office (or one above it) or an administrator only. */
	@Transactional
	public UnitSetting setRemuneration(Caller caller, SetRemuneration c) {
		if (c.unitId() == null) {
			throw new BusinessException("unitId", "initiative.settings.unit");
		}
		UnitView unit = units.find(c.unitId()).filter(u -> caller.sees(u.path()))
			.orElseThrow(() -> new NotFoundException("error.notFound"));
		if (!caller.can(unit.path(), Roles.OFFICE)) {
			throw new ForbiddenException("initiative.settings.office");
		}
		store.saveSetting(unit.id(), c.remuneration(), c.version(), caller.accountId());
		return view(unit);
	}

	/** Whether the office keeping the application's register records remuneration (before intake: its own unit's). */
	boolean remunerationOn(Row row) {
		return store.setting(officeOf(row)).remuneration();
	}

	/** Refuses the remuneration part of an application whose office has not turned it on. */
	void requireRemuneration(Row row) {
		if (!remunerationOn(row)) {
			String name = units.find(officeOf(row)).map(UnitView::name).orElse("");
			throw new BusinessException(null, "initiative.remuneration.off", name);
		}
	}

	private static long officeOf(Row row) {
		return row.registerUnitId() == null ? row.unitId() : row.registerUnitId();
	}

	private UnitSetting view(UnitView unit) {
		InitiativeStore.Setting s = store.setting(unit.id());
		return new UnitSetting(unit.id(), unit.name(), s.remuneration(), s.version());
	}
}
