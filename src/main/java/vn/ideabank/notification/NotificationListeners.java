package vn.ideabank.notification;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ideabank.account.AccountService;
import vn.ideabank.common.security.Role;
import vn.ideabank.idea.IdeaCommented;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStatusChanged;
import vn.ideabank.programme.ProgrammeEvents.IpDeadlineReminderDue;
import vn.ideabank.report.ReportReminderDue;

/**
 * One method per event of another module that someone should hear about. Each runs once the
 * action's transaction has committed, in a transaction of its own, and swallows (logs) its own
 * failure: a notification can never undo, slow down on e-mail, or break the action. E-mail is only
 * queued here ({@code email_outbox}) and sent later by {@link EmailOutbox}.
 */
@Component
class NotificationListeners {

	private static final Logger log = LoggerFactory.getLogger(NotificationListeners.class);

	private final NotificationService notifications;

	private final IdeaService ideas;

	private final AccountService accounts;

	private final TransactionTemplate own;

	NotificationListeners(NotificationService notifications, IdeaService ideas, AccountService accounts,
			PlatformTransactionManager transactions) {
		this.notifications = notifications;
		this.ideas = ideas;
		this.accounts = accounts;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(IdeaStatusChanged event) {
		safely(event, () -> {
			Set<Long> authors = new java.util.LinkedHashSet<>(ideas.authorAccountIds(event.ideaId()));
			authors.remove(event.actorId());
			notifications.notify(authors, NotificationKind.IDEA_STATUS, "notification.ideaStatus",
					List.of(event.code(), NotificationService.MESSAGE_ARG + event.to().messageKey()),
					"/ideas/" + event.ideaId());
		});
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(IdeaCommented event) {
		safely(event, () -> notifications.notify(event.addressedAccountIds(), NotificationKind.COMMENT,
				"notification.comment", List.of(event.commenterName(), event.code()), "/ideas/" + event.ideaId()));
	}

	/** A unit has not sent its plan: its officers hear of it before and after the deadline. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(ReportReminderDue event) {
		safely(event, () -> {
			Collection<Long> officers = accounts.holdersOf(event.unitId(), Role.UNIT_OFFICER, Role.OFFICE);
			notifications.notify(officers, NotificationKind.DEADLINE, "notification.deadline." + event.kind(),
					List.of(event.deadline().toString(), Integer.toString(event.dayOffset())),
					"/reports/plans/" + event.subjectId() + "/units/" + event.unitId());
		});
	}

	/** A deadline of an IP registration is near or today: the officers of its unit hear of it. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(IpDeadlineReminderDue event) {
		safely(event, () -> {
			Collection<Long> officers = accounts.holdersOf(event.unitId(), Role.UNIT_OFFICER, Role.OFFICE);
			notifications.notify(officers, NotificationKind.DEADLINE, "notification.deadline.ip",
					List.of(event.label(), event.dueOn().toString(), Integer.toString(event.dayOffset())), "/ip/" + event.ipId());
		});
	}

	private void safely(Object event, Runnable work) {
		try {
			own.executeWithoutResult(status -> work.run());
		}
		catch (RuntimeException e) {
			log.error("Could not record the notifications of {}", event, e);
		}
	}
}
