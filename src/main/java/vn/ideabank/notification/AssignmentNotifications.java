package vn.ideabank.notification;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ideabank.contest.ContestEvents.JudgeAssigned;
import vn.ideabank.review.ReviewerAssigned;

/**
 * Assignments: a reviewer given an idea to score in a council, a judge added to a contest round. Like
 * {@link NotificationListeners}, each runs after the action's commit in a transaction of its own and
 * only logs its own failure, so it can never break the assignment.
 */
@Component
class AssignmentNotifications {

	private static final Logger log = LoggerFactory.getLogger(AssignmentNotifications.class);

	private final NotificationService notifications;

	private final TransactionTemplate own;

	AssignmentNotifications(NotificationService notifications, PlatformTransactionManager transactions) {
		this.notifications = notifications;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ReviewerAssigned event) {
		safely(event, () -> notifications.notify(List.of(event.accountId()), NotificationKind.ASSIGNMENT,
				"notification.assignment.review", List.of(), "/reviews"));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(JudgeAssigned event) {
		safely(event, () -> notifications.notify(List.of(event.accountId()), NotificationKind.ASSIGNMENT,
				"notification.assignment.judge", List.of(event.roundName(), event.contestName()), "/contests/rounds/" + event.roundId() + "/judge"));
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
