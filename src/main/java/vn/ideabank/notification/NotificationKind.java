package vn.ideabank.notification;

/**
 * What a notification is about; each person chooses per kind whether it also comes by e-mail.
 * A new source of notifications (review or contest assignments, IP deadlines) adds a listener
 * method in {@code NotificationListeners} using one of these kinds, or a new kind here.
 */
public enum NotificationKind {

	/** One of the person's ideas moved through its lifecycle. */
	IDEA_STATUS,

	/** A message in an idea's conversation addressed to the person. */
	COMMENT,

	/** The person was assigned as reviewer or judge. */
	ASSIGNMENT,

	/** A deadline (plan, report, round, IP) is approaching or was missed. */
	DEADLINE,

	/** Work handed to the person's unit: new ideas to endorse, a plan request, a report sent back. */
	UNIT_WORK,

	/** A contest the person's unit may nominate for: opened, nominations closing, results published. */
	CONTEST;

	public String messageKey() {
		return "notification.kind." + name();
	}
}
