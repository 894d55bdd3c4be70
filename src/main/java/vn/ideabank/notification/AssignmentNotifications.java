package vn.ideabank.notification;

import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.ideabank.contest.ContestEvents.JudgeAssigned;
import vn.ideabank.review.ReviewerAssigned;

/**
 * Assignments: a reviewer given an idea to score in a council (naming the idea and the council; several in one
 * council while unread become one notice "… 4 ý tưởng của hội đồng …"), a judge added to a contest round. Written
 * like {@link NotificationListeners} (see docs/notifications.md): after the action's commit, on another thread, in
 * a transaction of its own, recorded in the event publication registry so that a notice cut off by a crash is
 * delivered at the next start.
 */
@Component
class AssignmentNotifications {

	private final NotificationService notifications;

	AssignmentNotifications(NotificationService notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(ReviewerAssigned event) {
		notifications.notify(List.of(event.accountId()), Notice.single(NotificationKind.ASSIGNMENT,
				"notification.assignment.review", List.of(event.ideaCode(), event.ideaTitle(), event.councilName()), "/reviews")
			.groupedAs("review-assigned:" + event.councilId(), "notification.assignment.review.group",
					List.of(event.councilName()), "/reviews"));
	}

	@ApplicationModuleListener
	void on(JudgeAssigned event) {
		notifications.notify(List.of(event.accountId()), NotificationKind.ASSIGNMENT, "notification.assignment.judge",
				List.of(event.roundName(), event.contestName()), "/contests/rounds/" + event.roundId() + "/judge");
	}
}
