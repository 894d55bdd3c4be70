/**
 * Notifications: in the app (the bell with the unread count, the notifications page) and by e-mail
 * (an outbox sent by a scheduled job with retries), for an idea's status change, a comment addressed
 * to the person, a deadline approaching or missed, and assignments. Each person chooses per kind
 * whether to get e-mail. Listens to other modules' events; public surface:
 * {@link vn.ideabank.notification.NotificationService} and {@link vn.ideabank.notification.NotificationKind}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications", allowedDependencies = { "account", "common", "contest", "idea", "initiative", "org", "programme", "report", "review" })
package vn.ideabank.notification;
