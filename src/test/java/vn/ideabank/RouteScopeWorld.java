package vn.ideabank;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.account.AccountCommands.CreateToken;
import vn.ideabank.account.AccountService;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Role;
import vn.ideabank.contest.ContestView;
import vn.ideabank.contest.RoundTestData;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.report.PlanCommands.CreatePlanRequest;
import vn.ideabank.report.PlanService;
import vn.ideabank.search.SearchAdmin;

/**
 * The route-scope matrix's world: a district P with two sibling communes A and B. B owns a private record
 * of every kind, each carrying B's marker ({@link UnitRecords}); A's people hold every demo role at A. P
 * organises a contest in judging (voting closed) and one taking nominations, both with an entry of B's
 * private idea, and asks A and B for plans (B has uploaded one): the places where A's people legitimately
 * meet B's records and must still not read them.
 */
final class RouteScopeWorld {

	/** A's people: the demo roles, bound at A. */
	record Person(String username, Role role, Caller caller, String token) {
	}

	final String marker;

	final UnitView district;

	final UnitView a;

	final UnitRecords.Made b;

	final List<Person> people;

	/** The ids of B's objects (and the district's objects that hold B's) a route variable may name, by kind. */
	final Map<String, List<Long>> ids = new LinkedHashMap<>();

	private final JdbcClient jdbc;

	private final Instant started = Instant.now().minusSeconds(1);

	RouteScopeWorld(ApplicationContext context, Function<String, Caller> callers, String run) {
		this.jdbc = context.getBean(JdbcClient.class);
		this.marker = "BSECRET" + run;
		UnitRecords records = new UnitRecords(context, callers);
		Caller admin = callers.apply("admin");
		UnitService units = context.getBean(UnitService.class);
		district = records.unit(units.findByCode("TS").orElseThrow().id(), "RS" + run, "Huyện thử phạm vi " + run);
		a = records.unit(district.id(), "RS" + run + "A", "Xã A thử phạm vi " + run);
		records.unit(a.id(), "RS" + run + "A-1", "Chi đoàn A thử phạm vi " + run);
		b = records.make(district.id(), "RS" + run + "B", marker);

		AccountService accounts = context.getBean(AccountService.class);
		String prefix = "rs" + run.toLowerCase() + ".";
		people = List.of(Role.MEMBER, Role.UNIT_OFFICER, Role.OFFICE, Role.REVIEWER, Role.JUDGE).stream().map(role -> {
			String username = prefix + role.name().toLowerCase();
			Caller caller = records.account(username, "Người A " + role.name(), a, role);
			return new Person(username, role, caller, accounts.createToken(caller, new CreateToken("route scope")));
		}).toList();

		// the district's contests: one judging (voting closed), one open, each with B's private idea entered
		RoundTestData data = new RoundTestData(context, callers);
		ContestView judging = data.openContest(admin, district.id(), "Hội thi huyện " + run);
		long judgedEntry = data.nominations.nominate(admin, judging.id(), b.acceptedIdea()).id();
		data.judging(admin, judging.id());
		ContestView open = data.openContest(admin, district.id(), "Hội thi huyện mở " + run);
		long openEntry = data.nominations.nominate(admin, open.id(), b.acceptedIdea()).id();
		// the district asks its communes for plans; B answers
		PlanService plans = context.getBean(PlanService.class);
		long request = plans.create(admin, new CreatePlanRequest(district.id(), "Kế hoạch huyện " + run, data.TODAY.getYear(),
				java.time.LocalDate.of(data.TODAY.getYear(), 12, 31), null, List.of()), null).id();
		long upload = plans.submit(admin, request, b.unit().id(), UnitRecords.upload(marker + "-plan.docx",
				UnitRecords.docx(marker))).id();

		ids.put("idea", b.ideas());
		ids.put("attachment", List.of(b.attachment()));
		ids.put("member", List.of(b.member()));
		ids.put("unit", List.of(b.unit().id(), b.child().id()));
		ids.put("contest", List.of(b.contest(), judging.id(), open.id()));
		ids.put("nomination", List.of(b.nomination(), judgedEntry, openEntry));
		ids.put("round", List.of(b.round()));
		ids.put("account", List.of(b.staffAccountId()));
		ids.put("council", List.of(b.council()));
		ids.put("rubric", List.of(b.rubric()));
		ids.put("rubricVersion", List.of(b.rubricVersion()));
		ids.put("assignment", List.of(b.assignment()));
		ids.put("planRequest", List.of(b.planRequest(), request));
		ids.put("planFile", List.of(b.planSubmission(), upload));
		ids.put("report", List.of(b.report()));
		ids.put("startup", List.of(b.startup()));
		ids.put("club", List.of(b.club()));
		ids.put("fund", List.of(b.fund()));
		ids.put("ip", List.of(b.ip()));
		ids.put("ipDeadline", List.of(b.ipDeadline()));
		ids.put("targetPlan", List.of(b.targetPlan()));
		ids.put("target", List.of(b.target()));
		ids.put("initiative", List.of(b.initiative()));
		ids.put("backup", List.of()); // names, not ids: called with a name that no unit can own (see RouteRules)
		ids.put("binding", jdbc.sql("select id from role_binding where account_id = :a").param("a", b.staffAccountId())
			.query(Long.class).list());
		Caller bStaff = callers.apply(b.staffUsername());
		accounts.createToken(bStaff, new CreateToken("B's token"));
		ids.put("token", jdbc.sql("select id from api_token where account_id = :a").param("a", b.staffAccountId())
			.query(Long.class).list());
		ids.put("notification", awaitNotificationsOf(b.staffAccountId()));
	}

	/** B's officer is told of the round he judges, after the commit (an asynchronous listener): wait for it. */
	private List<Long> awaitNotificationsOf(long accountId) {
		Instant until = Instant.now().plus(Duration.ofSeconds(10));
		while (true) {
			List<Long> found = jdbc.sql("select id from notification where account_id = :a").param("a", accountId)
				.query(Long.class).list();
			if (!found.isEmpty() || Instant.now().isAfter(until)) {
				return found;
			}
			pause();
		}
	}

	/**
	 * Until the search index has taken in the set-up (at most 30 s). B's ideas are private from their
	 * creation, so a late index only means A's searches miss them, never that they show.
	 */
	void awaitSearchIndex(SearchAdmin search, Caller admin) {
		Instant until = Instant.now().plus(Duration.ofSeconds(30));
		while (search.status(admin).pending() > 0 && Instant.now().isBefore(until)) {
			pause();
		}
	}

	/** Until every event listener of the set-up has run (they write after the commit, on their own). */
	void awaitListeners() {
		Instant until = Instant.now().plus(Duration.ofSeconds(30));
		while (jdbc.sql("""
				select count(*) from event_publication
				 where completion_date is null and publication_date >= :since and coalesce(status, '') <> 'FAILED'""")
			.param("since", java.sql.Timestamp.from(started)).query(Long.class).single() > 0) {
			if (Instant.now().isAfter(until)) {
				throw new IllegalStateException("event listeners still running after 30 s");
			}
			pause();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
