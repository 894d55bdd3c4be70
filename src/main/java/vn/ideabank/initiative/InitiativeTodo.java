package vn.ideabank.initiative;

import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Roles;
import vn.ideabank.common.security.UnitScope;

/**
 * The office's initiative work for the to-do home, counted in the office's scope (one statement each): applications
 * waiting to be taken in, decisions due within the warning window, decisions overdue. The window is
 * {@code ideabank.initiative.remind-days}.
 */
@Component
public class InitiativeTodo {

	private final InitiativeStore store;

	private final int remindDays;

	InitiativeTodo(InitiativeStore store, @Value("${ideabank.initiative.remind-days:14}") int remindDays) {
		this.store = store;
		this.remindDays = remindDays;
	}

	public long toRegister(Caller caller) {
		return store.countFiled(UnitScope.of(caller, Roles.OFFICE));
	}

	/** Decisions due from today to the end of the warning window (not yet overdue). */
	public long dueSoon(Caller caller, LocalDate today) {
		UnitScope scope = UnitScope.of(caller, Roles.OFFICE);
		return store.countDue(scope, today.plusDays(remindDays + 1L)) - store.countDue(scope, today);
	}

	/** Decisions whose due date has passed while the application is still under consideration. */
	public long overdue(Caller caller, LocalDate today) {
		return store.countDue(UnitScope.of(caller, Roles.OFFICE), today);
	}
}
