package vn.ideabank.notification;

/** Whether notifications of one kind also come by e-mail. */
public record Preference(NotificationKind kind, boolean email) {
}
