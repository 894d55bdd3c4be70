package vn.ideabank.member;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.account.AccountCommands;
import vn.ideabank.account.AccountKind;
import vn.ideabank.account.AccountService;
import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.UnitScope;
import vn.ideabank.common.security.Role;
import vn.ideabank.common.text.TextNormalizer;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * The roster's facade. Methods taking a {@link Caller} check the caller's grants against the
 * member's unit; lists are filtered inside the query by the caller's subtrees.
 */
@Service
@Transactional(readOnly = true)
public class MemberService {

	static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

	private static final int EXPORT_CHUNK = 500;

	private final MemberRepository members;

	private final UnitService units;

	private final Validator validator;

	private final EntityManager em;

	private final AccountService accounts;

	private final ApplicationEventPublisher events;

	MemberService(MemberRepository members, UnitService units, Validator validator, EntityManager em,
			AccountService accounts, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.events = events;
		this.members = members;
		this.units = units;
		this.validator = validator;
		this.em = em;
	}

	// --- for other modules (no permission check: never expose the result unfiltered) -----------------

	public Optional<MemberView> find(long id) {
		return members.findById(id).map(Member::view);
	}

	public Map<Long, MemberView> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return members.findByIdIn(ids).stream().collect(Collectors.toMap(Member::id, Member::view));
	}

	public Optional<MemberView> findByAccount(long accountId) {
		return members.findByAccountId(accountId).map(Member::view);
	}

	// --- reading --------------------------------------------------------------------------------------

	public MemberView get(Caller caller, long id) {
		Member member = load(id);
		MemberPermissions.requireView(caller, member);
		return member.view();
	}

	/** The members the caller sees, filtered and paginated in SQL. A unit filter outside the caller's scope is refused. */
	public Page<MemberView> list(Caller caller, MemberFilter filter, Pageable pageable) {
		return members.findAll(spec(caller, filter), pageable).map(Member::view);
	}

	/** Whether the caller may create and edit members in the unit. */
	public boolean canManageUnit(Caller caller, long unitId) {
		return units.find(unitId).map(u -> MemberPermissions.canManageUnit(caller, u.path())).orElse(false);
	}

	public boolean canEdit(Caller caller, long id) {
		return MemberPermissions.canManageUnit(caller, load(id).unitPath());
	}

	/** Active units in which the caller may create members, depth-first. */
	public List<UnitView> manageableUnits(Caller caller) {
		return units.visible(caller).stream().filter(u -> MemberPermissions.canManageUnit(caller, u.path())).toList();
	}

	/**
	 * Every member the caller sees under the filter, in chunks (the persistence context is cleared
	 * between them) so an export of a whole province keeps memory bounded. Ordered by unit, then name.
	 */
	public void forEach(Caller caller, MemberFilter filter, Consumer<List<MemberView>> chunk) {
		Specification<Member> spec = spec(caller, filter);
		CriteriaBuilder cb = em.getCriteriaBuilder();
		CriteriaQuery<Member> q = cb.createQuery(Member.class);
		Root<Member> root = q.from(Member.class);
		q.select(root).where(spec.toPredicate(root, q, cb))
			.orderBy(cb.asc(root.get("unitPath")), cb.asc(root.get("nameKey")), cb.asc(root.get("id")));
		for (int first = 0;; first += EXPORT_CHUNK) {
			List<Member> page = em.createQuery(q).setFirstResult(first).setMaxResults(EXPORT_CHUNK)
				.setHint("org.hibernate.readOnly", true).getResultList();
			if (page.isEmpty()) {
				return;
			}
			chunk.accept(page.stream().map(Member::view).toList());
			em.clear();
			if (page.size() < EXPORT_CHUNK) {
				return;
			}
		}
	}

	// --- changing ------------------------------------------------------------------------------------

	@Transactional
	public MemberView create(Caller caller, SaveMember command) {
		check(command);
		UnitView unit = manageableUnit(caller, command.unitId());
		Member member = new Member(unit.id(), unit.path(), caller.accountId());
		apply(member, command);
		return members.saveAndFlush(member).view();
	}

	@Transactional
	public MemberView edit(Caller caller, long id, SaveMember command) {
		Member member = load(id);
		MemberPermissions.requireView(caller, member);
		MemberPermissions.requireManageUnit(caller, member.unitPath());
		if (command.version() == null || member.version() != command.version()) {
			throw new ObjectOptimisticLockingFailureException(Member.class, id);
		}
		check(command);
		if (command.unitId() != member.unitId()) {
			UnitView unit = manageableUnit(caller, command.unitId());
			member.placeIn(unit.id(), unit.path());
		}
		apply(member, command);
		return members.saveAndFlush(member).view();
	}

	/**
	 * The member of the unit with this full name (compared after normalisation, ignoring case) and,
	 * when given, this birth date; else a new one with status {@link MemberStatus#YOUTH}. Needs the
	 * right to create members in the unit.
	 */
	@Transactional
	public MemberView matchOrCreate(Caller caller, long unitId, String fullName, LocalDate dateOfBirth,
			TargetGroup targetGroup) {
		return matchOrCreate(caller, unitId, fullName, dateOfBirth, targetGroup, MemberStatus.YOUTH);
	}

	@Transactional
	public MemberView matchOrCreate(Caller caller, long unitId, String fullName, LocalDate dateOfBirth,
			TargetGroup targetGroup, MemberStatus status) {
		UnitView unit = manageableUnit(caller, unitId);
		Optional<Member> match = match(unit.id(), fullName, dateOfBirth);
		if (match.isPresent()) {
			return match.get().view();
		}
		return create(caller, new SaveMember(unit.id(), fullName, dateOfBirth, null, targetGroup, null, null,
				status == null ? MemberStatus.YOUTH : status, null));
	}

	/**
	 * The one member of the unit with this full name (normalised, ignoring case), for linking a typed
	 * author to the roster; empty when there is none, or several, or the caller may not manage the unit.
	 */
	public Optional<MemberView> findInUnit(Caller caller, long unitId, String fullName) {
		if (!canManageUnit(caller, unitId)) {
			return Optional.empty();
		}
		String name = TextNormalizer.normalize(fullName);
		if (name == null || name.isBlank()) {
			return Optional.empty();
		}
		String wanted = name.toLowerCase(Locale.forLanguageTag("vi"));
		List<Member> same = members.findByUnitAndNameKey(unitId, Member.keyOf(name)).stream()
			.filter(m -> m.fullName().toLowerCase(Locale.forLanguageTag("vi")).equals(wanted)).toList();
		return same.size() == 1 ? Optional.of(same.get(0).view()) : Optional.empty();
	}

	/** For imports: the existing member a row means, by unit, normalised name (ignoring case) and birth date. */
	Optional<Member> match(long unitId, String fullName, LocalDate dateOfBirth) {
		String name = TextNormalizer.normalize(fullName);
		if (name == null || name.isBlank()) {
			return Optional.empty();
		}
		String wanted = name.toLowerCase(Locale.forLanguageTag("vi"));
		return members.findByUnitAndNameKey(unitId, Member.keyOf(name)).stream()
			.filter(m -> m.fullName().toLowerCase(Locale.forLanguageTag("vi")).equals(wanted))
			.filter(m -> dateOfBirth == null || dateOfBirth.equals(m.dateOfBirth()))
			.findFirst();
	}

	/** For imports: creates or updates the member a valid row describes, in the caller's transaction. */
	@Transactional
	boolean upsert(Caller caller, SaveMember command) {
		check(command);
		UnitView unit = manageableUnit(caller, command.unitId());
		Optional<Member> existing = match(unit.id(), command.fullName(), command.dateOfBirth());
		Member member = existing.orElseGet(() -> new Member(unit.id(), unit.path(), caller.accountId()));
		apply(member, command);
		members.save(member);
		return existing.isEmpty();
	}

	/** Creates a member for start-up demo data (no caller). */
	@Transactional
	MemberView createBySystem(SaveMember command) {
		check(command);
		UnitView unit = units.find(command.unitId()).orElseThrow(() -> new NotFoundException("unit.error.notFound"));
		Member member = new Member(unit.id(), unit.path(), null);
		apply(member, command);
		return members.saveAndFlush(member).view();
	}

	/** Whether the caller may give this member a login: an administrator of the unit, once. */
	public boolean canCreateLogin(Caller caller, long memberId) {
		Member member = load(memberId);
		return member.accountId() == null && caller.can(member.unitPath(), Role.ADMIN);
	}

	/**
	 * Creates a personal login (role: member, at the member's unit) for a roster member and links it,
	 * in one transaction. Returns the generated password, to be handed over once.
	 */
	@Transactional
	public String createLogin(Caller caller, long memberId, String username) {
		Member member = load(memberId);
		if (!caller.can(member.unitPath(), Role.ADMIN)) {
			throw new ForbiddenException();
		}
		if (member.accountId() != null) {
			throw new BusinessException("username", "member.error.hasLogin");
		}
		if (username == null || !username.matches("[A-Za-z0-9][A-Za-z0-9._-]{2,63}")) {
			throw new BusinessException("username", "member.login.badUsername");
		}
		var created = accounts.create(caller, new AccountCommands.CreateAccount(username, member.fullName(),
				member.view().email(), AccountKind.PERSON, member.view().unitId(), Role.MEMBER, null));
		member.linkAccount(created.account().id());
		events.publishEvent(new MemberLoginLinked(memberId, created.account().id()));
		return created.generatedPassword();
	}

	/** Links a member record to a login, for start-up demo data (no caller). */
	@Transactional
	void linkBySystem(long memberId, long accountId) {
		Member member = load(memberId);
		if (!Objects.equals(member.accountId(), accountId) && !members.existsByAccountId(accountId)) {
			member.linkAccount(accountId);
			events.publishEvent(new MemberLoginLinked(memberId, accountId));
		}
	}

	// --- rules -----------------------------------------------------------------------------------------

	/** Validates a command built by code (imports); forms and the API validate before calling. */
	Set<ConstraintViolation<SaveMember>> violations(SaveMember command) {
		return validator.validate(command);
	}

	private void check(SaveMember command) {
		for (ConstraintViolation<SaveMember> v : violations(command)) {
			String field = v.getPropertyPath().toString();
			throw new BusinessException(field, "member.invalid." + field);
		}
		if (command.dateOfBirth() != null && command.dateOfBirth().isBefore(EARLIEST_BIRTH)) {
			throw new BusinessException("dateOfBirth", "member.invalid.dateOfBirth");
		}
	}

	private static void apply(Member member, SaveMember c) {
		member.edit(TextNormalizer.normalize(c.fullName()), c.dateOfBirth(), c.gender(), c.targetGroup(),
				TextNormalizer.normalizeToNull(c.phone()), lowerOrNull(TextNormalizer.normalizeToNull(c.email())),
				c.status());
	}

	private static String lowerOrNull(String s) {
		return s == null ? null : s.toLowerCase(Locale.ROOT);
	}

	private UnitView manageableUnit(Caller caller, Long unitId) {
		UnitView unit = unitId == null ? null : units.find(unitId).orElse(null);
		if (unit == null) {
			throw new BusinessException("unitId", "unit.error.notFound");
		}
		MemberPermissions.requireManageUnit(caller, unit.path());
		if (!unit.active()) {
			throw new BusinessException("unitId", "unit.error.inactive");
		}
		return unit;
	}

	private Member load(long id) {
		return members.findById(id).orElseThrow(() -> new NotFoundException("member.error.notFound"));
	}

	private Specification<Member> spec(Caller caller, MemberFilter filter) {
		UnitScope scope = UnitScope.of(caller);
		if (filter != null && filter.unitId() != null) {
			UnitView unit = units.find(filter.unitId()).orElseThrow(() -> new NotFoundException("unit.error.notFound"));
			scope = scope.requireWithin(unit.path());
		}
		Specification<Member> spec = scope.specification("unitPath");
		if (filter == null) {
			return spec;
		}
		String name = Member.keyOf(filter.name());
		// each word on its own: "nguyen an" finds "Nguyễn Văn An"
		for (String word : name == null ? new String[0] : name.strip().split("\\s+")) {
			if (!word.isEmpty()) {
				String like = "%" + UnitScope.escapeLike(word) + "%";
				spec = spec.and((root, q, cb) -> cb.like(root.get("nameKey"), like, '\\'));
			}
		}
		if (filter.targetGroup() != null) {
			spec = spec.and((root, q, cb) -> cb.equal(root.get("targetGroup"), filter.targetGroup()));
		}
		if (filter.status() != null) {
			spec = spec.and((root, q, cb) -> cb.equal(root.get("status"), filter.status()));
		}
		return spec;
	}
}
