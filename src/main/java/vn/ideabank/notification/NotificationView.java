package vn.ideabank.notification;

import java.time.Instant;

/** A notification as shown to its recipient, its text already in the reader's language. */
public record NotificationView(long id, NotificationKind kind, String text, String link, Instant createdAt,
		boolean read) {
}
