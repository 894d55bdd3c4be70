package vn.ideabank.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ideabank.account.AccountService;
import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.IdeaFilter;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.member.MemberService;
import vn.ideabank.member.MemberView;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * With {@code ideabank.seed.demo-year=true} ({@code IDEABANK_DEMO=true}; never in the test suite unless a test
 * turns it on): once the application is ready, on a thread of its own, makes a lived-in current year for the
 * Triệu Sơn demo tree through the modules' facades, as the demo accounts. One transaction: the whole year or
 * nothing. Runs once: skipped when the district already has ideas this year. Deterministic for a given day: a
 * fixed seed, and the ideas spread from 1 January to the day it runs.
 */
@Component
@ConditionalOnProperty(name = "ideabank.seed.demo-year", havingValue = "true")
class DemoYear {

	record Result(boolean generated, int ideas, Duration took) {
	}

	static final int IDEAS = 300;

	private static final long SEED = 20_151_009L;

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final List<String> HOME_COMMUNES = List.of("TS-THODAN", "TS-THOTAN");

	private static final Logger log = LoggerFactory.getLogger(DemoYear.class);

	private final AccountService accounts;

	private final UnitService units;

	private final MemberService members;

	private final IdeaService ideas;

	private final DemoIdeas demoIdeas;

	private final DemoPlanning planning;

	private final DemoJudging judging;

	private final TransactionTemplate transaction;

	DemoYear(AccountService accounts, UnitService units, MemberService members, IdeaService ideas, DemoIdeas demoIdeas,
			DemoPlanning planning, DemoJudging judging, PlatformTransactionManager transactions) {
		this.accounts = accounts;
		this.units = units;
		this.members = members;
		this.ideas = ideas;
		this.demoIdeas = demoIdeas;
		this.planning = planning;
		this.judging = judging;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** After start-up (the demo accounts exist by then), in the background: a page works while it runs. */
	@EventListener(ApplicationReadyEvent.class)
	void afterStart() {
		Thread thread = new Thread(() -> {
			try {
				generate();
			}
			catch (RuntimeException e) {
				log.error("Demo year not generated (nothing of it was saved)", e);
			}
		}, "demo-year");
		thread.setDaemon(true);
		thread.start();
	}

	/** Generates the year unless the district already has ideas this year; safe to call again. */
	synchronized Result generate() {
		long started = System.nanoTime();
		Caller office = actor("huyendoan.trieuson");
		UnitView district = units.findByCode("TS").orElse(null);
		if (office == null || district == null) {
			log.warn("Demo year skipped: the demo accounts or the Triệu Sơn tree are missing (ideabank.seed.demo=true makes them)");
			return new Result(false, 0, Duration.ZERO);
		}
		Instant now = Instant.now();
		LocalDate today = LocalDate.ofInstant(now, VIETNAM);
		int year = today.getYear();
		if (ideas.list(office, new IdeaFilter(district.id(), year, null, null, null, null, null, false), PageRequest.of(0, 1))
			.getTotalElements() > 0) {
			log.info("Demo year skipped: the district already has ideas in {}", year);
			return new Result(false, 0, Duration.ZERO);
		}
		Integer made = transaction.execute(status -> build(office, district, now, today, year));
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		log.info("Demo year {} generated in {} ms: {} ideas, a year plan, a council, a contest, quarterly reports, a plan request",
				year, took.toMillis(), made);
		return new Result(true, made == null ? 0 : made, took);
	}

	private int build(Caller office, UnitView district, Instant now, LocalDate today, int year) {
		Random r = new Random(SEED);
		Caller thoDan = actor("doan.thodan");
		Caller thoTan = actor("doan.thotan");
		Caller member = actor("nguyen.van.an");
		List<UnitView> homeCommunes = HOME_COMMUNES.stream().map(code -> units.findByCode(code).orElseThrow()).toList();
		List<Caller> officers = List.of(thoDan, thoTan);
		List<DemoIdeas.Place> places = new ArrayList<>();
		for (int i = 0; i < homeCommunes.size(); i++) {
			UnitView commune = homeCommunes.get(i);
			places.add(new DemoIdeas.Place(commune, place(commune, null), officers.get(i), officers.get(i)));
			for (UnitView branch : active(office, commune)) {
				places.add(new DemoIdeas.Place(branch, place(branch, commune), officers.get(i), officers.get(i)));
			}
		}
		int home = places.size();
		for (UnitView unit : active(office, district)) {
			if (!HOME_COMMUNES.contains(unit.code())) {
				places.add(new DemoIdeas.Place(unit, place(unit, null), office, office));
			}
		}
		DemoIdeas.Place memberPlace = null;
		Long memberId = null;
		if (member != null) {
			MemberView record = members.findByAccount(member.accountId()).orElse(null);
			if (record != null) {
				memberPlace = new DemoIdeas.Place(units.find(record.unitId()).orElseThrow(), place(units.find(record.unitId()).orElseThrow(),
						homeCommunes.get(0)), member, thoDan);
				memberId = record.id();
			}
		}
		long t0 = System.nanoTime();
		List<DemoIdeas.Made> made = demoIdeas.generate(r, IDEAS, now, places, home, memberPlace, memberId, office);
		long t1 = System.nanoTime();
		planning.yearPlan(district, homeCommunes, year, office);
		judging.council(r, district, year, office, actor("tran.thi.binh"));
		judging.contest(r, district, year, today, office, officers, made, actor("le.van.cuong"));
		planning.quarterlyReports(homeCommunes, officers, year, today, office);
		planning.planRequest(district, year, today, office);
		log.info("Demo year: ideas in {} ms, plan, council, contest, reports and plan request in {} ms", (t1 - t0) / 1_000_000,
				(System.nanoTime() - t1) / 1_000_000);
		return made.size();
	}

	private Caller actor(String username) {
		return accounts.actingAs(username).orElse(null);
	}

	private List<UnitView> active(Caller caller, UnitView parent) {
		return units.children(caller, parent.id()).stream().filter(UnitView::active).toList();
	}

	/** How an idea names its place: "xã Thọ Dân", "thôn 1 xã Thọ Dân", "trường THPT Triệu Sơn 1". */
	static String place(UnitView unit, UnitView commune) {
		String name = unit.name();
		for (String prefix : List.of("Đoàn cơ sở ", "Đoàn khối ", "Đoàn Khối ", "Chi đoàn ", "Đoàn ")) {
			if (name.startsWith(prefix)) {
				name = name.substring(prefix.length());
				break;
			}
		}
		String communeName = commune == null ? null : place(commune, null);
		return communeName == null || name.contains(communeName.replace("xã ", "")) ? name : name + " " + communeName;
	}
}
