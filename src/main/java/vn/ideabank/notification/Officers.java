package vn.ideabank.notification;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.ideabank.account.AccountService;
import vn.ideabank.common.security.Role;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * Who acts for a unit: the enabled accounts bound as UNIT_OFFICER or OFFICE to that very unit (not the
 * offices above it, which would otherwise hear of every unit below them).
 */
@Component
class Officers {

	private final AccountService accounts;

	private final UnitService units;

	Officers(AccountService accounts, UnitService units) {
		this.accounts = accounts;
		this.units = units;
	}

	/** The officers of each unit, together, each once, without the person who acted. */
	Set<Long> of(Collection<Long> unitIds, long actorId) {
		Set<Long> people = new LinkedHashSet<>();
		unitIds.forEach(unit -> people.addAll(accounts.holdersOf(unit, Role.UNIT_OFFICER, Role.OFFICE)));
		people.remove(actorId);
		return people;
	}

	/** The officers of a unit and the unit they are bound to. */
	record UnitOfficers(long unitId, Set<Long> accountIds) {
	}

	/**
	 * The officers of the unit, or, when it has none (a chi đoàn without an officer account), of its nearest
	 * ancestor that has some: those who endorse its ideas.
	 */
	Optional<UnitOfficers> nearest(long unitId) {
		Optional<UnitView> unit = units.find(unitId);
		while (unit.isPresent()) {
			Set<Long> found = new LinkedHashSet<>(accounts.holdersOf(unit.get().id(), Role.UNIT_OFFICER, Role.OFFICE));
			if (!found.isEmpty()) {
				return Optional.of(new UnitOfficers(unit.get().id(), found));
			}
			unit = unit.get().parentId() == null ? Optional.empty() : units.find(unit.get().parentId());
		}
		return Optional.empty();
	}
}
