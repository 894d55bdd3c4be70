package vn.ideabank.notification;

import java.util.List;

/**
 * What one notice says: its kind, text (message key and arguments) and link. A grouped notice also names
 * its group ({@code groupKey}, e.g. "idea-submitted:12"): while the person has not read it, the next
 * notice of the same group counts it up instead of adding a row, and it then reads as
 * {@code groupMessageKey} with the count as its first argument, linking to {@code groupLink}.
 */
record Notice(NotificationKind kind, String messageKey, List<String> args, String link, String groupKey,
		String groupMessageKey, List<String> groupArgs, String groupLink) {

	static Notice single(NotificationKind kind, String messageKey, List<String> args, String link) {
		return new Notice(kind, messageKey, args, link, null, null, List.of(), null);
	}

	/** The same notice, grouped: repeats read as {@code groupMessageKey} ({0} = how many) and link to the list. */
	Notice groupedAs(String key, String messageKey, List<String> args, String listLink) {
		return new Notice(kind, this.messageKey, this.args, link, key, messageKey, args, listLink);
	}

	boolean grouped() {
		return groupKey != null;
	}
}
