package vn.ideabank.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.web.PublicLinks;
import vn.ideabank.account.AccountService;
import vn.ideabank.common.security.Caller;

/**
 * The notifications of the signed-in person and their e-mail choices. Every method works on the
 * caller's own account only: nobody reads or marks another person's notifications.
 */
@Service
@Transactional(readOnly = true)
public class NotificationService {

	static final String SEPARATOR = "\u001F";

	static final String MESSAGE_ARG = "msg:";

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final AccountService accounts;

	private final Set<NotificationKind> emailDefaults;

	private final Locale emailLocale;

	private final PublicLinks links;

	NotificationService(JdbcClient jdbc, MessageSource messages, AccountService accounts,
			@Value("${ideabank.notifications.email-defaults:IDEA_STATUS,COMMENT,ASSIGNMENT,DEADLINE}") List<NotificationKind> emailDefaults,
			@Value("${ideabank.notifications.email-locale:vi}") Locale emailLocale,
			PublicLinks links) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.accounts = accounts;
		this.emailDefaults = emailDefaults.isEmpty() ? EnumSet.noneOf(NotificationKind.class) : EnumSet.copyOf(emailDefaults);
		this.emailLocale = emailLocale;
		this.links = links;
	}

	// --- the signed-in person ----------------------------------------------------------------

	public long unreadCount(Caller caller) {
		return jdbc.sql("select count(*) from notification where account_id = :a and read_at is null")
			.param("a", caller.accountId()).query(Long.class).single();
	}

	/** The caller's notifications, newest first, with their text in the given language. */
	public Page<NotificationView> list(Caller caller, Pageable pageable, Locale locale) {
		long total = jdbc.sql("select count(*) from notification where account_id = :a").param("a", caller.accountId())
			.query(Long.class).single();
		List<NotificationView> rows = jdbc.sql("""
				select id, kind, message_key, args, link, created_at, read_at from notification
				 where account_id = :a order by created_at desc, id desc limit :limit offset :offset""")
			.param("a", caller.accountId()).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
			.query((rs, n) -> new NotificationView(rs.getLong(1), NotificationKind.valueOf(rs.getString(2)),
					text(rs.getString(3), rs.getString(4), locale), rs.getString(5),
					rs.getTimestamp(6).toInstant(), rs.getTimestamp(7) != null))
			.list();
		return new PageImpl<>(rows, pageable, total);
	}

	/** Marks one of the caller's notifications read and returns its link; another person's reads as absent. */
	@Transactional
	public String markRead(Caller caller, long id) {
		return jdbc.sql("""
				update notification set read_at = coalesce(read_at, now()) where id = :id and account_id = :a
				returning coalesce(link, '')""")
			.param("id", id).param("a", caller.accountId()).query(String.class).optional()
			.orElseThrow(() -> new vn.ideabank.common.error.NotFoundException("notification.error.notFound"));
	}

	@Transactional
	public int markAllRead(Caller caller) {
		return jdbc.sql("update notification set read_at = now() where account_id = :a and read_at is null")
			.param("a", caller.accountId()).update();
	}

	/** The caller's e-mail choice for every kind (their own choice, else the configured default). */
	public List<Preference> preferences(Caller caller) {
		Map<NotificationKind, Boolean> chosen = new EnumMap<>(NotificationKind.class);
		jdbc.sql("select kind, email from notification_preference where account_id = :a").param("a", caller.accountId())
			.query((rs, n) -> Map.entry(NotificationKind.valueOf(rs.getString(1)), rs.getBoolean(2)))
			.list().forEach(e -> chosen.put(e.getKey(), e.getValue()));
		List<Preference> result = new ArrayList<>();
		for (NotificationKind kind : NotificationKind.values()) {
			result.add(new Preference(kind, chosen.getOrDefault(kind, emailDefaults.contains(kind))));
		}
		return result;
	}

	/** Records the caller's choice for every kind: e-mail for those given, in the app only for the rest. */
	@Transactional
	public void savePreferences(Caller caller, Collection<NotificationKind> email) {
		for (NotificationKind kind : NotificationKind.values()) {
			jdbc.sql("""
					insert into notification_preference (account_id, kind, email) values (:a, :k, :e)
					on conflict (account_id, kind) do update set email = excluded.email""")
				.param("a", caller.accountId()).param("k", kind.name()).param("e", email.contains(kind)).update();
		}
	}

	// --- written by the listeners, in the transaction of the action they report ----------------

	/**
	 * One notification per recipient, and an e-mail in the outbox for those who want this kind by
	 * e-mail and have an address. Sending happens later ({@code EmailOutbox}).
	 */
	@Transactional
	void notify(Collection<Long> accountIds, NotificationKind kind, String messageKey, List<String> args, String link) {
		Set<Long> recipients = new LinkedHashSet<>(accountIds);
		if (recipients.isEmpty()) {
			return;
		}
		String joined = String.join(SEPARATOR, args);
		for (long account : recipients) {
			jdbc.sql("insert into notification (account_id, kind, message_key, args, link) values (:a, :k, :m, :args, :l)")
				.param("a", account).param("k", kind.name()).param("m", messageKey).param("args", joined).param("l", link)
				.update();
		}
		Set<Long> wantEmail = wantingEmail(recipients, kind);
		if (wantEmail.isEmpty()) {
			return;
		}
		String subject = messages.getMessage("notification.email.subject",
				new Object[] { messages.getMessage(kind.messageKey(), null, emailLocale) }, emailLocale);
		String body = text(messageKey, joined, emailLocale) + "\n\n" + (link == null ? "" : links.forMessages(link) + "\n\n")
				+ messages.getMessage("notification.email.footer", new Object[] { links.forMessages("/notifications/preferences") },
						emailLocale);
		accounts.emailsOf(wantEmail).values().forEach(to -> jdbc.sql("""
				insert into email_outbox (recipient, subject, body, next_attempt_at) values (:to, :s, :b, :at)""")
			.param("to", to).param("s", subject).param("b", body).param("at", Timestamp.from(Instant.now())).update());
	}

	private Set<Long> wantingEmail(Set<Long> recipients, NotificationKind kind) {
		Map<Long, Boolean> chosen = new java.util.HashMap<>();
		jdbc.sql("select account_id, email from notification_preference where kind = :k and account_id in (:ids)")
			.param("k", kind.name()).param("ids", recipients)
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getBoolean(2))).list()
			.forEach(e -> chosen.put(e.getKey(), e.getValue()));
		Set<Long> result = new LinkedHashSet<>();
		for (long id : recipients) {
			if (chosen.getOrDefault(id, emailDefaults.contains(kind))) {
				result.add(id);
			}
		}
		return result;
	}

	private String text(String key, String joinedArgs, Locale locale) {
		Object[] args = joinedArgs == null || joinedArgs.isEmpty() ? new Object[0] : joinedArgs.split(SEPARATOR, -1);
		for (int i = 0; i < args.length; i++) {
			String arg = (String) args[i];
			if (arg.startsWith(MESSAGE_ARG)) {
				args[i] = messages.getMessage(arg.substring(MESSAGE_ARG.length()), null, arg, locale);
			}
		}
		return messages.getMessage(key, args, key, locale);
	}
}
