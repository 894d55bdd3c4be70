package vn.ideabank.contest;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Grant;
import vn.ideabank.common.security.Roles;
import vn.ideabank.common.security.UnitScope;
import vn.ideabank.contest.ContestCommands.Award;
import vn.ideabank.contest.ContestCommands.CreateContest;
import vn.ideabank.contest.ContestEvents.ContestOpened;
import vn.ideabank.contest.ContestEvents.EntryNominated;
import vn.ideabank.contest.ContestEvents.ResultsPublished;
import vn.ideabank.idea.IdeaFilter;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.idea.IdeaSummary;
import vn.ideabank.idea.IdeaView;
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
		UnitScope scope = UnitScope.of(caller);
		Specification<Contest> spec = (root, query, cb) -> scope.predicateOrAbove(cb, root.get("unitPath"));
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
			events.publishEvent(new ContestOpened(c.id(), c.unitId()));
		}
		if (to == ContestStatus.PUBLISHED) {
			events.publishEvent(new ResultsPublished(c.id(), c.unitId()));
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

	/** Sets a unit's own quota in the contest (overriding the default). */
	public void setQuota(Caller caller, long id, long unitId, int quota) {
		Contest c = organised(caller, id);
		if (c.status() == ContestStatus.PUBLISHED) {
			throw new BusinessException("contest.error.published");
		}
		if (quota < 0 || quota > 1000) {
			throw new BusinessException("quota", "contest.error.quota");
		}
		UnitView unit = units.find(unitId).orElseThrow(() -> new BusinessException("unitId", "contest.error.unit"));
		jdbc.sql("""
				insert into contest_quota (contest_id, unit_id, quota) values (:c, :u, :q)
				on conflict (contest_id, unit_id) do update set quota = excluded.quota""")
			.param("c", id).param("u", unitId).param("q", quota).update();
		record(caller, id, null, "QUOTA", unit.name() + ": " + quota);
	}

	/** The number of entries the unit may nominate: its override, else the contest's default. */
	@Transactional(readOnly = true)
	public int quotaOf(long contestId, long unitId) {
		return jdbc.sql("select quota from contest_quota where contest_id = :c and unit_id = :u")
			.param("c", contestId).param("u", unitId).query(Integer.class).optional()
			.orElseGet(() -> contests.findById(contestId).map(Contest::defaultQuota).orElse(0));
	}

	/** The organiser's child units with their quota (own or default) and entries used, in three queries. */
	@Transactional(readOnly = true)
	public List<QuotaView> quotaUnits(Caller caller, long id) {
		Contest c = organised(caller, id);
		Map<Long, Integer> own = new java.util.HashMap<>();
		jdbc.sql("select unit_id, quota from contest_quota where contest_id = :c").param("c", id)
			.query((rs, n) -> own.put(rs.getLong(1), rs.getInt(2))).list();
		Map<Long, Long> used = new java.util.HashMap<>();
		jdbc.sql("select unit_id, count(*) from contest_nomination where contest_id = :c group by unit_id").param("c", id)
			.query((rs, n) -> used.put(rs.getLong(1), rs.getLong(2))).list();
		return units.children(caller, c.unitId()).stream().filter(UnitView::active)
			.map(u -> new QuotaView(u.id(), u.name(), own.getOrDefault(u.id(), c.defaultQuota()), own.containsKey(u.id()),
					used.getOrDefault(u.id(), 0L)))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<ContestHistoryView> history(Caller caller, long id) {
		Contest c = visible(caller, id);
		if (!organises(caller, c)) {
			return List.of();
		}
		return history.findByContestIdOrderByAtAscIdAsc(id).stream().map(ContestHistoryEntry::view).toList();
	}

	// --- nominations -----------------------------------------------------------------------------

	/** Ideas the caller might nominate: accepted, applied or recognised ones of the contest's year they see. */
	@Transactional(readOnly = true)
	public List<IdeaSummary> candidates(Caller caller, long contestId) {
		Contest c = visible(caller, contestId);
		List<IdeaSummary> found = new ArrayList<>();
		for (IdeaStatus s : ELIGIBLE) {
			found.addAll(ideas.list(caller, new IdeaFilter(null, c.year(), s, null, null, null, null, false),
					PageRequest.of(0, 50, Sort.by(Sort.Direction.DESC, "id"))).getContent());
		}
		found.sort(Comparator.comparing(IdeaSummary::title));
		return found;
	}

	/**
	 * Nominates an idea for the unit the caller works for (their closest unit officer or office grant
	 * covering the idea). Checked: nominations open (status and dates), the idea is accepted, applied or
	 * recognised, of the contest's year, in its fields and target groups, not entered yet, and the unit's
	 * quota not used up. The contest row is locked, so concurrent nominations cannot overrun the quota.
	 */
	public NominationView nominate(Caller caller, long contestId, long ideaId) {
		Contest c = contests.lockById(contestId).orElseThrow(() -> new NotFoundException("contest.error.notFound"));
		if (!sees(caller, c)) {
			throw new NotFoundException("contest.error.notFound");
		}
		LocalDate today = LocalDate.ofInstant(clock.instant(), VIETNAM);
		if (c.status() != ContestStatus.OPEN || today.isBefore(c.nominationOpens()) || today.isAfter(c.nominationCloses())) {
			throw new BusinessException("ideaId", "contest.error.notOpen", c.nominationOpens(), c.nominationCloses());
		}
		IdeaView idea = ideas.get(caller, ideaId);
		UnitView ideaUnit = units.find(idea.unitId()).orElseThrow();
		Grant grant = caller.grantsFor(Roles.STAFF).stream().filter(g -> g.covers(ideaUnit.path()))
			.max(Comparator.comparingInt(g -> g.unitPath() == null ? -1 : g.unitPath().length()))
			.orElseThrow(ForbiddenException::new);
		UnitView unit = grant.systemWide() ? ideaUnit : units.find(grant.unitId()).orElseThrow();
		if (!ELIGIBLE.contains(idea.status())) {
			throw new BusinessException("ideaId", "contest.error.ideaStatus");
		}
		if (idea.year() != c.year()) {
			throw new BusinessException("ideaId", "contest.error.ideaYear", c.year());
		}
		Set<vn.ideabank.idea.SectorField> fields = c.sectorFieldSet();
		if (!fields.isEmpty() && !fields.contains(idea.sectorField())) {
			throw new BusinessException("ideaId", "contest.error.ideaField");
		}
		Set<vn.ideabank.member.TargetGroup> groups = c.targetGroupSet();
		if (!groups.isEmpty() && !groups.contains(idea.targetGroup())) {
			throw new BusinessException("ideaId", "contest.error.ideaGroup");
		}
		if (nominations.existsByContestIdAndIdeaId(contestId, ideaId)) {
			throw new BusinessException("ideaId", "contest.error.already");
		}
		int quota = quotaOf(contestId, unit.id());
		if (nominations.countByContestIdAndUnitId(contestId, unit.id()) >= quota) {
			throw new BusinessException("ideaId", "contest.error.quotaUsed", unit.name(), quota);
		}
		String authors = idea.authors().stream().map(IdeaView.Author::fullName).collect(Collectors.joining(", "));
		Set<Long> owners = new java.util.TreeSet<>(ideas.authorAccountIds(idea.id()));
		owners.add(idea.createdBy());
		Nomination n = nominations.save(new Nomination(contestId, idea.id(), idea.code(), idea.title(),
				authors.isBlank() ? unit.name() : authors, unit.id(), unit.path(), unit.name(), ideaUnit.path(),
				owners.stream().map(String::valueOf).collect(Collectors.joining(",")), caller.accountId(), clock.instant()));
		record(caller, contestId, n.id(), "NOMINATED", idea.code() + " — " + idea.title());
		events.publishEvent(new EntryNominated(contestId, n.id(), idea.id(), unit.id()));
		return n.view(null);
	}

	/** The entries the caller may see ({@link EntryVisibility}): all of them for the organiser. */
	@Transactional(readOnly = true)
	public Page<NominationView> nominations(Caller caller, long contestId, Pageable pageable) {
		Contest c = visible(caller, contestId);
		Page<Nomination> page;
		if (organises(caller, c)) {
			page = nominations.findByContestId(contestId, pageable);
		}
		else {
			Specification<Nomination> inContest = (root, query, cb) -> cb.equal(root.get("contestId"), contestId);
			page = nominations.findAll(inContest.and(entries.of(caller, c).specification()), pageable);
		}
		Map<Long, String> codes = certificates.findByNominationIdIn(page.getContent().stream().map(Nomination::id).toList())
			.stream().collect(Collectors.toMap(Certificate::nominationId, Certificate::code));
		return page.map(n -> n.view(codes.get(n.id())));
	}

	/** Gives an entry an award tier (or none), while judging. */
	public NominationView award(Caller caller, long nominationId, Award award, long version) {
		Nomination n = nominations.findById(nominationId).orElseThrow(() -> new NotFoundException("contest.error.notFound"));
		Contest c = organised(caller, n.contestId());
		if (c.status() != ContestStatus.JUDGING) {
			throw new BusinessException("tier", "contest.error.notJudging");
		}
		checkVersion(n.version(), version);
		if (award.tier() == AwardTier.CUSTOM && (award.customName() == null || award.customName().isBlank())) {
			throw new BusinessException("customName", "contest.error.required");
		}
		n.award(award.tier(), award.customName());
		nominations.saveAndFlush(n);
		record(caller, c.id(), n.id(), "AWARDED", award.tier() == null ? null : award.tier().name()
				+ (award.tier() == AwardTier.CUSTOM ? " " + award.customName() : ""));
		return n.view(null);
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

	// --- rules -----------------------------------------------------------------------------------

	private void issueCertificates(Contest c, Instant now) {
		for (Nomination n : nominations.findAwarded(c.id())) {
			String award = n.awardTier() == AwardTier.CUSTOM ? n.awardName()
					: messages.getMessage(n.awardTier().messageKey(), null, VI);
			certificates.save(new Certificate(n.id(), newCode(), n.authors(), award, c.name(), n.ideaTitle(), n.unitName(), now));
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
