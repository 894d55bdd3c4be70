package vn.ideabank.contest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Grant;
import vn.ideabank.common.security.Roles;
import vn.ideabank.contest.ContestCommands.Award;
import vn.ideabank.contest.ContestEvents.EntryNominated;
import vn.ideabank.idea.IdeaFilter;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.idea.IdeaSummary;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * Nominations of a contest: the units' quotas, the ideas a unit may enter (eligibility), nominating
 * within the quota while nominations are open, the entries each caller may see, and awards while judging.
 * The contest itself (its status, who organises and who sees it) is {@link ContestService}'s.
 */
@Service
@Transactional
public class NominationService {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final Set<IdeaStatus> ELIGIBLE = ContestService.ELIGIBLE;

	private final ContestService contestService;

	private final ContestRepository contests;

	private final NominationRepository nominations;

	private final CertificateRepository certificates;

	private final IdeaService ideas;

	private final UnitService units;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final EntryVisibility entries;

	private final Clock clock;

	NominationService(ContestService contestService, ContestRepository contests, NominationRepository nominations,
			CertificateRepository certificates, IdeaService ideas, UnitService units, JdbcClient jdbc,
			ApplicationEventPublisher events, EntryVisibility entries, Optional<Clock> clock) {
		this.contestService = contestService;
		this.contests = contests;
		this.nominations = nominations;
		this.certificates = certificates;
		this.ideas = ideas;
		this.units = units;
		this.jdbc = jdbc;
		this.events = events;
		this.entries = entries;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** Sets a unit's own quota in the contest (overriding the default). */
	public void setQuota(Caller caller, long id, long unitId, int quota) {
		Contest c = contestService.organised(caller, id);
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
		contestService.record(caller, id, null, "QUOTA", unit.name() + ": " + quota);
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
		Contest c = contestService.organised(caller, id);
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

	/** Ideas the caller might nominate: accepted, applied or recognised ones of the contest's year they see. */
	@Transactional(readOnly = true)
	public List<IdeaSummary> candidates(Caller caller, long contestId) {
		Contest c = contestService.visible(caller, contestId);
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
		if (!ContestService.sees(caller, c)) {
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
		contestService.record(caller, contestId, n.id(), "NOMINATED", idea.code() + " — " + idea.title());
		events.publishEvent(new EntryNominated(contestId, n.id(), idea.id(), unit.id()));
		return n.view(null);
	}

	/** The entries the caller may see ({@link EntryVisibility}): all of them for the organiser. */
	@Transactional(readOnly = true)
	public Page<NominationView> nominations(Caller caller, long contestId, Pageable pageable) {
		Contest c = contestService.visible(caller, contestId);
		Page<Nomination> page;
		if (ContestService.organises(caller, c)) {
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
		Contest c = contestService.organised(caller, n.contestId());
		if (c.status() != ContestStatus.JUDGING) {
			throw new BusinessException("tier", "contest.error.notJudging");
		}
		ContestService.checkVersion(n.version(), version);
		if (award.tier() == AwardTier.CUSTOM && (award.customName() == null || award.customName().isBlank())) {
			throw new BusinessException("customName", "contest.error.required");
		}
		n.award(award.tier(), award.customName());
		nominations.saveAndFlush(n);
		contestService.record(caller, c.id(), n.id(), "AWARDED", award.tier() == null ? null : award.tier().name()
				+ (award.tier() == AwardTier.CUSTOM ? " " + award.customName() : ""));
		return n.view(null);
	}
}
