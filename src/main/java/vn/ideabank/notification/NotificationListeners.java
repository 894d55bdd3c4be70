package vn.ideabank.notification;

import java.util.Collection;
import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.ideabank.account.AccountService;
import vn.ideabank.common.security.Role;
import vn.ideabank.idea.IdeaCommented;
import vn.ideabank.initiative.InitiativeDecisionDue;
import vn.ideabank.programme.ProgrammeEvents.IpDeadlineReminderDue;
import vn.ideabank.report.ReportReminderDue;

/**
 * One method per event of another module that someone should hear about. Each is an
 * {@link ApplicationModuleListener}: it runs once the action's transaction has committed, asynchronously, in a
 * transaction of its own, so a notification can never undo, slow down or break the action. The event publication
 * registry keeps a row per event and listener until the listener completes: one that failed or was cut off by a
 * crash is delivered again on restart (so a listener's work must be all-or-nothing in its transaction). E-mail is
 * only queued here ({@code email_outbox}) and sent later by {@link EmailOutbox}. Every listener of this module
 * follows this style (see docs/notifications.md).
 */
@Component
class NotificationListeners {

	private final NotificationService notifications;

	private final AccountService accounts;

	NotificationListeners(NotificationService notifications, AccountService accounts) {
		this.notifications = notifications;
		this.accounts = accounts;
	}

	@ApplicationModuleListener
	void on(IdeaCommented event) {
		notifications.notify(event.addressedAccountIds(), NotificationKind.COMMENT, "notification.comment",
				List.of(event.commenterName(), event.code()), "/ideas/" + event.ideaId());
	}

	/** A unit has not sent its plan or its periodic report: its officers hear of it before and after the deadline. */
	@ApplicationModuleListener
	void on(ReportReminderDue event) {
		Collection<Long> officers = accounts.holdersOf(event.unitId(), Role.UNIT_OFFICER, Role.OFFICE);
		if (event.period().isPresent()) {
			var period = event.period().get();
			notifications.notify(officers, NotificationKind.DEADLINE, "notification.deadline.report." + event.kind(),
					List.of(NotificationService.message(period.messageKey(),
								java.util.Arrays.stream(period.messageArgs()).map(String::valueOf).toList()),
							event.deadline().toString(), Integer.toString(event.dayOffset())),
					"/reports");
			return;
		}
		notifications.notify(officers, NotificationKind.DEADLINE, "notification.deadline.plan." + event.kind(),
				List.of(event.deadline().toString(), Integer.toString(event.dayOffset()), event.title() == null ? "" : event.title()),
				"/reports/plans/" + event.subjectId() + "/units/" + event.unitId());
	}

	/** The decision on an initiative in the register is due soon or overdue: the receiving office's officers hear of it. */
	@ApplicationModuleListener
	void on(InitiativeDecisionDue event) {
		Collection<Long> officers = accounts.holdersOf(event.registerUnitId(), Role.UNIT_OFFICER, Role.OFFICE);
		notifications.notify(officers, NotificationKind.DEADLINE, "notification.deadline.initiative." + event.kind(),
				List.of(event.registerNumber(), event.title(), event.dueOn().toString()), "/initiatives/" + event.applicationId());
	}

	/** A deadline of an IP registration is near or today: the officers of its unit hear of it. */
	@ApplicationModuleListener
	void on(IpDeadlineReminderDue event) {
		Collection<Long> officers = accounts.holdersOf(event.unitId(), Role.UNIT_OFFICER, Role.OFFICE);
		notifications.notify(officers, NotificationKind.DEADLINE, "notification.deadline.ip",
				List.of(event.label(), event.dueOn().toString(), Integer.toString(event.dayOffset())), "/ip/" + event.ipId());
	}
}
