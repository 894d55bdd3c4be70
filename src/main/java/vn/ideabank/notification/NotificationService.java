package vn.ideabank.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

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

	static final String NESTED_SEPARATOR = "\u001E";

	/** An argument that is itself a message, with arguments of its own, translated for each reader. */
	static String message(String key, List<String> args) {
		return MESSAGE_ARG + key + (args.isEmpty() ? "" : NESTED_SEPARATOR + String.join(NESTED_SEPARATOR, args));
	}

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final AccountService accounts;

	private final Set<NotificationKind> emailDefaults;

	private final Locale emailLocale;

	private final PublicLinks links;

	private final java.time.Duration groupWindow;

	NotificationService(JdbcClient jdbc, MessageSource messages, AccountService accounts,
			@Value("${ideabank.notifications.email-defaults:IDEA_STATUS,COMMENT,ASSIGNMENT,DEADLINE,UNIT_WORK,CONTEST}") List<NotificationKind> emailDefaults,
			@Value("${ideabank.notifications.email-locale:vi}") Locale emailLocale,
			@Value("${ideabank.notifications.group-window:PT24H}") java.time.Duration groupWindow,
			PublicLinks links) {
		this.groupWindow = groupWindow;
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
				select id, kind, message_key, args, link, created_at, read_at, group_message_key, group_args, item_count
				  from notification
				 where account_id = :a order by created_at desc, id desc limit :limit offset :offset""")
			.param("a", caller.accountId()).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
			.query((rs, n) -> new NotificationView(rs.getLong(1), NotificationKind.valueOf(rs.getString(2)),
					text(rs.getString(3), rs.getString(4), rs.getString(8), rs.getString(9), rs.getInt(10), locale), rs.getString(5),
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

	/** Whether the caller gets one e-mail a day with all their notices instead of one e-mail per notice. */
	public boolean dailyDigest(Caller caller) {
		return jdbc.sql("select daily from notification_digest where account_id = :a").param("a", caller.accountId())
			.query(Boolean.class).optional().orElse(false);
	}

	@Transactional
	public void saveDailyDigest(Caller caller, boolean daily) {
		jdbc.sql("""
				insert into notification_digest (account_id, daily) values (:a, :d)
				on conflict (account_id) do update set daily = excluded.daily""")
			.param("a", caller.accountId()).param("d", daily).update();
	}

	// --- written by the listeners, in the transaction of the action they report ----------------

	/** One notification per recipient (see {@link #notify(Collection, Notice)}), never grouped. */
	@Transactional
	void notify(Collection<Long> accountIds, NotificationKind kind, String messageKey, List<String> args, String link) {
		notify(accountIds, Notice.single(kind, messageKey, args, link));
	}

	/** One notice to many people: {@link #notifyAll(List)} with one delivery. */
	@Transactional
	void notify(Collection<Long> accountIds, Notice notice) {
		notifyAll(List.of(new Delivery(accountIds, notice)));
	}

	/** A notice and the people it goes to. */
	record Delivery(Collection<Long> accountIds, Notice notice) {
	}

	/** One row to write: the first notice of its recipient and group, and how many items it stands for. */
	private record Row(long account, Notice notice, int items) {
	}

	/**
	 * One unread notice per recipient and delivery: a new row, or, for a grouped notice, the recipient's unread
	 * notice of the same group (started within {@code group-window}) counted up by one per item. Only a new row
	 * is e-mailed at once (with its first item's text), to those who want this kind by e-mail and have an
	 * address; those who chose the daily digest get it in their next digest ({@link DailyDigest}) instead.
	 * Sending happens later ({@code EmailOutbox}). The same outcome as one delivery after the other, written
	 * set-based (a bulk step's batch of hundreds of ideas costs a few statements, not one per notice).
	 */
	@Transactional
	void notifyAll(List<Delivery> deliveries) {
		Map<List<Object>, Row> rows = new LinkedHashMap<>();
		for (Delivery d : deliveries) {
			for (long account : new LinkedHashSet<>(d.accountIds())) {
				// items of one group for one person fold into one row; an ungrouped notice is a row of its own
				List<Object> key = d.notice().grouped() ? List.of(account, d.notice().groupKey()) : List.of(account, rows.size());
				rows.merge(key, new Row(account, d.notice(), 1), (old, next) -> new Row(old.account(), old.notice(), old.items() + 1));
			}
		}
		if (rows.isEmpty()) {
			return;
		}
		Set<Long> wantEmail = new LinkedHashSet<>();
		Map<NotificationKind, Set<Long>> wantByKind = new EnumMap<>(NotificationKind.class);
		rows.values().stream().collect(Collectors.groupingBy(r -> r.notice().kind(),
				Collectors.mapping(Row::account, Collectors.toCollection(LinkedHashSet::new))))
			.forEach((kind, people) -> {
				Set<Long> want = wantingEmail(people, kind);
				wantByKind.put(kind, want);
				wantEmail.addAll(want);
			});
		Set<Long> digest = wantEmail.isEmpty() ? Set.of() : dailyDigestOf(wantEmail);
		List<Row> all = new ArrayList<>(rows.values());
		List<Row> emailNow = new ArrayList<>();
		for (int from = 0; from < all.size(); from += STATEMENT_ROWS) {
			List<Row> chunk = all.subList(from, Math.min(all.size(), from + STATEMENT_ROWS));
			Set<List<Object>> inserted = write(chunk, digest);
			for (Row r : chunk) {
				boolean fresh = !r.notice().grouped() || inserted.contains(List.of(r.account(), r.notice().groupKey()));
				if (fresh && wantByKind.get(r.notice().kind()).contains(r.account()) && !digest.contains(r.account())) {
					emailNow.add(r);
				}
			}
		}
		if (emailNow.isEmpty()) {
			return;
		}
		Map<Long, String> addresses = accounts.emailsOf(emailNow.stream().map(Row::account).collect(Collectors.toSet()));
		for (Row r : emailNow) {
			String to = addresses.get(r.account());
			if (to != null) {
				Notice notice = r.notice();
				String subject = messages.getMessage("notification.email.subject",
						new Object[] { messages.getMessage(notice.kind().messageKey(), null, emailLocale) }, emailLocale);
				String body = text(notice.messageKey(), String.join(SEPARATOR, notice.args()), emailLocale) + "\n\n"
						+ (notice.link() == null ? "" : links.forMessages(notice.link()) + "\n\n") + footer();
				queueEmail(to, subject, body);
			}
		}
	}

	/** Rows per INSERT (11 parameters each, far below the driver's limit). */
	private static final int STATEMENT_ROWS = 500;

	/**
	 * Writes the rows in two statements: groups older than the window closed (their next item starts a new
	 * notice), then every row inserted or counted into its recipient's unread notice of the group.
	 *
	 * @return the (account, group) of the grouped rows that started a new notice
	 */
	private Set<List<Object>> write(List<Row> chunk, Set<Long> digest) {
		List<Object[]> groups = chunk.stream().filter(r -> r.notice().grouped())
			.map(r -> new Object[] { r.account(), r.notice().groupKey() }).toList();
		if (!groups.isEmpty()) {
			jdbc.sql("""
					update notification set group_key = null where (account_id, group_key) in (:groups)
					   and read_at is null and group_started_at < :cutoff""")
				.param("groups", groups).param("cutoff", Timestamp.from(Instant.now().minus(groupWindow))).update();
		}
		StringBuilder values = new StringBuilder();
		Map<String, Object> params = new java.util.HashMap<>();
		for (int i = 0; i < chunk.size(); i++) {
			Row r = chunk.get(i);
			Notice n = r.notice();
			values.append(i == 0 ? "" : ", ").append("(:a%1$d, :k%1$d, :m%1$d, :args%1$d, :l%1$d, :g%1$d, :gm%1$d, :ga%1$d, :gl%1$d, :d%1$d, :c%1$d)".formatted(i));
			params.put("a" + i, r.account());
			params.put("k" + i, n.kind().name());
			params.put("m" + i, n.messageKey());
			params.put("args" + i, String.join(SEPARATOR, n.args()));
			// a new notice that already stands for several items reads as the group and links to its list
			params.put("l" + i, r.items() > 1 ? n.groupLink() : n.link());
			params.put("g" + i, n.groupKey());
			params.put("gm" + i, n.groupMessageKey());
			params.put("ga" + i, n.groupKey() == null ? null : String.join(SEPARATOR, n.groupArgs()));
			params.put("gl" + i, n.groupLink());
			params.put("d" + i, digest.contains(r.account()));
			params.put("c" + i, r.items());
		}
		return new java.util.HashSet<>(jdbc.sql("""
				insert into notification (account_id, kind, message_key, args, link, group_key, group_message_key,
				                          group_args, group_link, digest_pending, item_count)
				values %s
				on conflict (account_id, group_key) where read_at is null and group_key is not null
				do update set item_count = notification.item_count + excluded.item_count, link = notification.group_link,
				              created_at = now(), digest_pending = notification.digest_pending or excluded.digest_pending
				returning account_id, group_key, (xmax = 0)""".formatted(values))
			.params(params)
			.query((rs, n) -> rs.getBoolean(3) && rs.getString(2) != null ? List.<Object>of(rs.getLong(1), rs.getString(2)) : null)
			.list().stream().filter(Objects::nonNull).toList());
	}

	void queueEmail(String to, String subject, String body) {
		jdbc.sql("insert into email_outbox (recipient, subject, body, next_attempt_at) values (:to, :s, :b, :at)")
			.param("to", to).param("s", subject).param("b", body).param("at", Timestamp.from(Instant.now())).update();
	}

	String footer() {
		return messages.getMessage("notification.email.footer",
				new Object[] { links.forMessages("/notifications/preferences") }, emailLocale);
	}

	Locale emailLocale() {
		return emailLocale;
	}

	String link(String path) {
		return links.forMessages(path);
	}

	private Set<Long> dailyDigestOf(Set<Long> recipients) {
		return new LinkedHashSet<>(jdbc.sql("select account_id from notification_digest where daily and account_id in (:ids)")
			.param("ids", recipients).query(Long.class).list());
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

	/** The text of a stored notice: its own, or once several items joined its group, the group's with the count. */
	String text(String key, String args, String groupKey, String groupArgs, int count, Locale locale) {
		if (count > 1 && groupKey != null) {
			return text(groupKey, count + (groupArgs == null || groupArgs.isEmpty() ? "" : SEPARATOR + groupArgs), locale);
		}
		return text(key, args, locale);
	}

	private String text(String key, String joinedArgs, Locale locale) {
		Object[] args = joinedArgs == null || joinedArgs.isEmpty() ? new Object[0] : joinedArgs.split(SEPARATOR, -1);
		for (int i = 0; i < args.length; i++) {
			String arg = (String) args[i];
			if (arg.startsWith(MESSAGE_ARG)) {
				// "msg:key" or "msg:key␞arg␞arg": a message of its own, with its own arguments
				String[] parts = arg.substring(MESSAGE_ARG.length()).split(NESTED_SEPARATOR, -1);
				// a small number (a period's number, for {0,choice}) as a number; a year stays text (no "2.026")
				Object[] nested = java.util.Arrays.stream(parts, 1, parts.length)
					.map(p -> p.matches("\\d{1,3}") ? (Object) Integer.valueOf(p) : p).toArray();
				args[i] = messages.getMessage(parts[0], nested.length == 0 ? null : nested, arg, locale);
			}
		}
		return messages.getMessage(key, args, key, locale);
	}
}
