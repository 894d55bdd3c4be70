package vn.ideabank.initiative;

import java.time.LocalDate;

/**
 * The decision on an application in the register is due soon ({@code BEFORE}: within
 * {@code ideabank.initiative.remind-days}) or overdue ({@code AFTER}); published once per application, kind
 * and due date for the notification module, which tells the officers of the receiving office.
 */
public record InitiativeDecisionDue(long applicationId, long registerUnitId, String registerNumber, String title,
		LocalDate dueOn, String kind) {
}
