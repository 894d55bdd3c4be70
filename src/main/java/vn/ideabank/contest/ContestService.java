package vn.ideabank.contest;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Roles;
import vn.ideabank.common.security.UnitScope;
import vn.ideabank.contest.ContestCommands.CreateContest;
import vn.ideabank.contest.ContestEvents.ContestOpened;
import vn.ideabank.contest.ContestEvents.ResultsPublished;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * Contests: an office organises one at its unit; units nominate their ideas within a quota while
 * nominations are open; the organiser awards entries and publishes the results, which issues a
 * certificate per award. Every change is recorded in the contest's history.
 */
@Service
@Transactional
public class ContestService {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	/** Statuses of ideas that may enter a contest: accepted, applied or recognised. */
	public static final Set<IdeaStatus> ELIGIBLE = EnumSet.of(IdeaStatus.ACCEPTED, IdeaStatus.APPLIED, IdeaStatus.RECOGNISED);

	private static final Locale VI = Locale.forLanguageTag("vi");

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

	private final ContestRepository contests;

	private final NominationRepository nominations;

	private final CertificateRepository certificates;

	private final ContestHistoryRepository history;

	private final IdeaService ideas;

	private final UnitService units;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final EntryVisibility entries;

	private final MessageSource messages;

	private final Clock clock;

	ContestService(ContestRepository contests, NominationRepository nominations, CertificateRepository certificates,
			ContestHistoryRepository history, IdeaService ideas, UnitService units, JdbcClient jdbc,
			ApplicationEventPublisher events, EntryVisibility entries, MessageSource messages, Optional<Clock> clock) {
		this.contests = contests;
		this.nominations = nominations;
		this.certificates = certificates;
		this.history = history;
		this.ideas = ideas;
		this.units = units;
		this.jdbc = jdbc;
		this.events = events;
		this.entries = entries;
		this.messages = messages;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	// --- contests --------------------------------------------------------------------------------

	/** Units at which the caller may organise a contest (office or admin grants). */
	@Transactional(readOnly = true)
	public List<UnitView> organisingUnits(Caller caller) {
		return units.manageable(caller).stream().filter(u -> caller.can(u.path(), Roles.OFFICE)).toList();
	}

	public ContestView create(Caller caller, CreateContest c) {
		UnitView unit = units.find(c.unitId()).orElseThrow(() -> new BusinessException("unitId", "contest.error.unit"));
		if (!caller.can(unit.path(), Roles.OFFICE)) {
			throw new ForbiddenException();
		}
		validate(c);
		Contest contest = contests.save(new Contest(unit.id(), unit.path(), c, caller.accountId()));
		record(caller, contest.id(), null, "CREATED", contest.name());
		return contest.view(unit.name(), true);
	}

	private static void validate(CreateContest c) {
		if (c.kind() == null) {
			throw new BusinessException("kind", "contest.error.required");
		}
		if (c.name() == null || c.name().isBlank()) {
			throw new BusinessException("name", "contest.error.required");
		}
		if (c.name().length() > 300) {
			throw new BusinessException("name", "contest.error.nameLength");
		}
		if (c.year() < 2000 || c.year() > 2100) {
			throw new BusinessException("year", "contest.error.year");
		}
		if (c.nominationOpens() == null) {
			throw new BusinessException("nominationOpens", "contest.error.required");
		}
		if (c.nominationCloses() == null) {
			throw new BusinessException("nominationCloses", "contest.error.required");
		}
		if (c.nominationCloses().isBefore(c.nominationOpens())) {
			throw new BusinessException("nominationCloses", "contest.error.closesBeforeOpens");
		}
		if (c.defaultQuota() < 0 || c.defaultQuota() > 1000) {
			throw new BusinessException("defaultQuota", "contest.error.quota");
		}
		if (c.minAge() != null && (c.minAge() < 0 || c.minAge() > 120)) {
			throw new BusinessException("minAge", "contest.error.age");
		}
		if (c.maxAge() != null && (c.maxAge() < 0 || c.maxAge() > 120)) {
			throw new BusinessException("maxAge", "contest.error.age");
		}
		if (c.minAge() != null && c.maxAge() != null && c.minAge() > c.maxAge()) {
			throw new BusinessException("maxAge", "contest.error.ages");
		}
	}

	/**
	 * Contests the caller may see: those organised at or above one of their units (they may take part)
	 * and those organised inside their subtrees. Filtered in SQL.
	 */
	@Transactional(readOnly = true)
	public Page<ContestView> list(Caller caller, Pageable pageable) {
		return list(caller, false, pageable);
	}

	/**
	 * The same, or with {@code nominating} only those taking nominations today (open, today within the
	 * window): what the to-do home counts as "contests taking nominations" ({@link ContestTodo}).
	 */
	@Transactional(readOnly = true)
	public Page<ContestView> list(Caller caller, boolean nominating, Pageable pageable) {
		UnitScope scope = UnitScope.of(caller);
		LocalDate today = LocalDate.now(clock);
		Specification<Contest> spec = (root, query, cb) -> nominating
				? cb.and(scope.predicateOrAbove(cb, root.get("unitPath")), cb.equal(root.get("status"), ContestStatus.OPEN),
						cb.lessThanOrEqualTo(root.get("nominationOpens"), today),
						cb.greaterThanOrEqualTo(root.get("nominationCloses"), today))
				: scope.predicateOrAbove(cb, root.get("unitPath"));
		Page<Contest> page = contests.findAll(spec, pageable);
		Map<Long, UnitView> unitNames = units.findAll(page.getContent().stream().map(Contest::unitId).distinct().toList());
		return page.map(c -> c.view(name(unitNames.get(c.unitId())), organises(caller, c)));
	}

	@Transactional(readOnly = true)
	public ContestView get(Caller caller, long id) {
		Contest c = visible(caller, id);
		return view(caller, c);
	}

	/** Moves the contest one step on: opens nominations, starts judging, or publishes the results. */
	public ContestView advance(Caller caller, long id, long version) {
		Contest c = organised(caller, id);
		checkVersion(c.version(), version);
		ContestStatus to = c.status().next();
		if (to == null) {
			throw new BusinessException("contest.error.published");
		}
		Instant now = clock.instant();
		if (to == ContestStatus.PUBLISHED && jdbc.sql("select count(*) from contest_round where contest_id = :c and status = 'OPEN'")
			.param("c", id).query(Long.class).single() > 0) {
			throw new BusinessException("contest.round.error.stillOpen");
		}
		if (to == ContestStatus.PUBLISHED) {
			issueCertificates(c, now);
		}
		c.advance(to, now);
		contests.saveAndFlush(c);
		record(caller, c.id(), null, "STATUS_" + to.name(), null);
		if (to == ContestStatus.OPEN) {
			events.publishEvent(new ContestOpened(c.id(), c.unitId(), c.name(), c.nominationCloses(), units.children(caller, c.unitId()).stream().filter(UnitView::active).map(UnitView::id).toList()));
		}
		if (to == ContestStatus.PUBLISHED) {
			events.publishEvent(new ResultsPublished(c.id(), c.unitId(), c.name(), jdbc.sql("select distinct unit_id from contest_nomination where contest_id = :c").param("c", c.id()).query(Long.class).list()));
		}
		return view(caller, c);
	}

	/** Opens or closes public voting; only while judging. */
	public ContestView setVoting(Caller caller, long id, boolean open, long version) {
		Contest c = organised(caller, id);
		checkVersion(c.version(), version);
		if (c.status() != ContestStatus.JUDGING) {
			throw new BusinessException("contest.error.notJudging");
		}
		c.setVotingOpen(open);
		contests.saveAndFlush(c);
		record(caller, id, null, open ? "VOTING_OPENED" : "VOTING_CLOSED", null);
		return view(caller, c);
	}


	@Transactional(readOnly = true)
	public List<ContestHistoryView> history(Caller caller, long id) {
		Contest c = visible(caller, id);
		if (!organises(caller, c)) {
			return List.of();
		}
		return history.findByContestIdOrderByAtAscIdAsc(id).stream().map(ContestHistoryEntry::view).toList();
	}


	/**
	 * Records the award decision (signer, number, date) the certificates will state; the organiser, until the results
	 * are published (certificates are issued then and never change).
	 */
	@Transactional
	public ContestView decide(Caller caller, long id, ContestCommands.AwardDecision d, long version) {
		Contest c = organised(caller, id);
		checkVersion(c.version(), version);
		if (c.status() == ContestStatus.PUBLISHED) {
			throw new BusinessException("contest.error.published");
		}
		String signer = clean(d.signerName(), 200, "signerName", "contest.decision.error.signer");
		String title = clean(d.signerTitle(), 200, "signerTitle", "contest.decision.error.title");
		String number = clean(d.decisionNumber(), 100, "decisionNumber", "contest.decision.error.number");
		if (d.decisionDate() != null && (d.decisionDate().getYear() < 2000 || d.decisionDate().getYear() > 2100)) {
			throw new BusinessException("decisionDate", "contest.decision.error.date");
		}
		c.decide(new ContestCommands.AwardDecision(signer, title, number, d.decisionDate()));
		contests.saveAndFlush(c);
		record(caller, c.id(), null, "DECISION_SET", number);
		return view(caller, c);
	}

	private static String clean(String value, int max, String field, String key) {
		String v = value == null || value.isBlank() ? null : value.strip();
		if (v != null && v.length() > max) {
			throw new BusinessException(field, key);
		}
		return v;
	}

	// --- public results --------------------------------------------------------------------------

	/** A contest whose results are published; anything else reads as absent. */
	@Transactional(readOnly = true)
	public ContestView publicContest(long id) {
		Contest c = contests.findById(id).filter(x -> x.status() == ContestStatus.PUBLISHED)
			.orElseThrow(() -> new NotFoundException("contest.error.notFound"));
		return c.view(name(units.find(c.unitId()).orElse(null)), false);
	}

	/** The awarded entries of a published contest, by tier then nomination time and id. */
	@Transactional(readOnly = true)
	public List<NominationView> publicResults(long id) {
		publicContest(id);
		List<Nomination> awarded = new ArrayList<>(nominations.findAwarded(id));
		awarded.sort(Comparator.comparing(Nomination::awardTier)); // enum order, stable for the query's tie order
		Map<Long, String> codes = certificates.findByNominationIdIn(awarded.stream().map(Nomination::id).toList())
			.stream().collect(Collectors.toMap(Certificate::nominationId, Certificate::code));
		return awarded.stream().map(n -> n.view(codes.get(n.id()))).toList();
	}

	/**
	 * The certificates of a contest the caller sees (404 otherwise), in the order of its results: the published results
	 * are public, so everyone who sees the contest sees them all; none before publication.
	 */
	@Transactional(readOnly = true)
	public List<CertificateView> certificates(Caller caller, long id) {
		Contest c = visible(caller, id);
		if (c.status() != ContestStatus.PUBLISHED) {
			return List.of();
		}
		List<Nomination> awarded = new ArrayList<>(nominations.findAwarded(id));
		awarded.sort(Comparator.comparing(Nomination::awardTier));
		Map<Long, Certificate> byEntry = certificates.findByNominationIdIn(awarded.stream().map(Nomination::id).toList())
			.stream().collect(Collectors.toMap(Certificate::nominationId, x -> x));
		return awarded.stream().map(n -> byEntry.get(n.id())).filter(java.util.Objects::nonNull).map(Certificate::view).toList();
	}

	// --- rules -----------------------------------------------------------------------------------

	private void issueCertificates(Contest c, Instant now) {
		for (Nomination n : nominations.findAwarded(c.id())) {
			String award = n.awardTier() == AwardTier.CUSTOM ? n.awardName()
					: messages.getMessage(n.awardTier().messageKey(), null, VI);
			certificates.save(new Certificate(n.id(), newCode(), n.authors(), award, c.name(), n.ideaTitle(), n.unitName(), now,
					name(units.find(c.unitId()).orElse(null)), c.decision()));
		}
	}

	/** 20 characters of a 32-letter alphabet without look-alikes: 100 bits, unguessable. */
	static String newCode() {
		char[] code = new char[20];
		for (int i = 0; i < code.length; i++) {
			code[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
		}
		return new String(code);
	}

	private ContestView view(Caller caller, Contest c) {
		return c.view(name(units.find(c.unitId()).orElse(null)), organises(caller, c));
	}

	private static String name(UnitView u) {
		return u == null ? "" : u.name();
	}

	static boolean organises(Caller caller, Contest c) {
		return caller.can(c.unitPath(), Roles.OFFICE);
	}

	static boolean sees(Caller caller, Contest c) {
		return UnitScope.of(caller).coversOrIsAbove(c.unitPath());
	}

	/** A contest without a permission check, for the module's other services. */
	Contest contestById(long id) {
		return contests.findById(id).orElseThrow(() -> new NotFoundException("contest.error.notFound"));
	}

	Contest visible(Caller caller, long id) {
		return contests.findById(id).filter(c -> sees(caller, c))
			.orElseThrow(() -> new NotFoundException("contest.error.notFound"));
	}

	Contest organised(Caller caller, long id) {
		Contest c = visible(caller, id);
		if (!organises(caller, c)) {
			throw new ForbiddenException();
		}
		return c;
	}

	static void checkVersion(long actual, long expected) {
		if (actual != expected) {
			throw new ObjectOptimisticLockingFailureException(Contest.class, expected);
		}
	}

	void record(Caller caller, long contestId, Long nominationId, String action, String detail) {
		history.save(new ContestHistoryEntry(contestId, nominationId, caller.accountId(), caller.displayName(), action,
				detail == null ? null : detail.length() > 500 ? detail.substring(0, 500) : detail));
	}
}
