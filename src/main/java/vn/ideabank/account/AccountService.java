package vn.ideabank.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.account.AccountCommands.ChangePassword;
import vn.ideabank.account.AccountCommands.CreateAccount;
import vn.ideabank.account.AccountCommands.GrantRole;
import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Grant;
import vn.ideabank.common.security.Role;
import vn.ideabank.common.security.UnitScope;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * Accounts, role bindings and API tokens. Administration is for administrators, within the subtree
 * their role covers; everyone manages their own password and tokens.
 */
@Service
@Transactional(readOnly = true)
public class AccountService {

	private final AccountRepository accounts;

	private final RoleBindingRepository bindings;

	private final ApiTokenRepository tokens;

	private final UnitService units;

	private final PasswordEncoder encoder;

	AccountService(AccountRepository accounts, RoleBindingRepository bindings, ApiTokenRepository tokens,
			UnitService units, PasswordEncoder encoder) {
		this.accounts = accounts;
		this.bindings = bindings;
		this.tokens = tokens;
		this.units = units;
		this.encoder = encoder;
	}

	// --- administration -------------------------------------------------------------------

	public Page<AccountView> list(Caller caller, String query, Pageable pageable) {
		Specification<Account> spec = administeredBy(caller);
		if (query != null && !query.isBlank()) {
			String like = "%" + UnitScope.escapeLike(query.toLowerCase(Locale.ROOT)) + "%";
			spec = spec.and((root, q, cb) -> cb.or(cb.like(cb.lower(root.get("username")), like, '\\'),
					cb.like(cb.lower(root.get("displayName")), like, '\\')));
		}
		return accounts.findAll(spec, pageable).map(Account::view);
	}

	public AccountView get(Caller caller, long id) {
		Account account = load(id);
		requireAdminOf(caller, account);
		return account.view();
	}

	public List<RoleBindingView> roles(Caller caller, long accountId) {
		Account account = load(accountId);
		if (account.id() != caller.accountId()) {
			requireAdminOf(caller, account);
		}
		return bindingViews(accountId);
	}

	/** A new account; {@code generatedPassword} is set when none was given, to be handed over once. */
	public record Created(AccountView account, String generatedPassword) {
	}

	@Transactional
	public Created create(Caller caller, CreateAccount command) {
		UnitView unit = units.find(command.unitId()).orElseThrow(() -> new BusinessException("unitId", "unit.error.notFound"));
		requireAdmin(caller, unit.path());
		checkGrantable(caller, command.role(), unit);
		String username = command.username().toLowerCase(Locale.ROOT);
		if (accounts.existsByUsername(username)) {
			throw new BusinessException("username", "account.error.usernameTaken", username);
		}
		String password = command.password() == null ? Secrets.password() : command.password();
		Account account = accounts.save(new Account(username, command.displayName(), command.email(),
				encoder.encode(password), command.kind(), unit.id(), unit.path()));
		bindings.save(new RoleBinding(account.id(), command.role(), unit.id(), caller.accountId()));
		return new Created(account.view(), command.password() == null ? password : null);
	}

	/** Creates the first administrator at start-up; no caller exists yet. */
	@Transactional
	public Optional<AccountView> createFirstAdministrator(String username, String password) {
		if (bindings.existsByRole(Role.ADMIN)) {
			return Optional.empty();
		}
		if (accounts.existsByUsername(username)) {
			// never promote someone else's account; the operator picks another IDEABANK_ADMIN_USERNAME
			throw new IllegalStateException("No administrator exists and the username '" + username
					+ "' belongs to another account; set IDEABANK_ADMIN_USERNAME to a free username");
		}
		Account account = accounts.save(new Account(username, username, null, encoder.encode(password),
				AccountKind.PERSON, null, null));
		bindings.save(new RoleBinding(account.id(), Role.ADMIN, null, null));
		return Optional.of(account.view());
	}

	/** For demo data and imports run by the system itself; not reachable from a request. */
	@Transactional
	public AccountView createBySystem(String username, String displayName, AccountKind kind, String unitCode, Role role,
			String password) {
		UnitView unit = units.findByCode(unitCode).orElseThrow(() -> new NotFoundException("unit.error.notFound"));
		Account account = accounts.findByUsername(username).orElseGet(() -> accounts.save(new Account(username,
				displayName, null, encoder.encode(password), kind, unit.id(), unit.path())));
		boolean bound = bindings.findByAccountIdOrderById(account.id()).stream()
			.anyMatch(b -> b.role() == role && Objects.equals(b.unitId(), unit.id()));
		if (!bound) {
			bindings.save(new RoleBinding(account.id(), role, unit.id(), null));
		}
		return account.view();
	}

	@Transactional
	public RoleBindingView grant(Caller caller, long accountId, GrantRole command) {
		Account account = load(accountId);
		requireAdminOf(caller, account);
		if (command.unitId() == null) {
			if (command.role() != Role.ADMIN || !systemWideAdmin(caller)) {
				throw new BusinessException("unitId", "account.error.unitRequired");
			}
		}
		UnitView unit = command.unitId() == null ? null
				: units.find(command.unitId()).orElseThrow(() -> new BusinessException("unitId", "unit.error.notFound"));
		if (unit != null) {
			requireAdmin(caller, unit.path());
			checkGrantable(caller, command.role(), unit);
		}
		boolean duplicate = bindings.findByAccountIdOrderById(accountId).stream()
			.anyMatch(b -> b.role() == command.role() && Objects.equals(b.unitId(), command.unitId()));
		if (duplicate) {
			throw new BusinessException("role", "account.error.roleHeld");
		}
		RoleBinding saved = bindings.save(new RoleBinding(accountId, command.role(), command.unitId(), caller.accountId()));
		return new RoleBindingView(saved.id(), saved.role(), saved.unitId(), unit == null ? null : unit.name());
	}

	@Transactional
	public void revoke(Caller caller, long accountId, long bindingId) {
		Account account = load(accountId);
		requireAdminOf(caller, account);
		RoleBinding binding = bindings.findById(bindingId).filter(b -> b.accountId() == accountId)
			.orElseThrow(() -> new NotFoundException("account.error.roleNotFound"));
		if (binding.unitId() == null && !systemWideAdmin(caller)) {
			throw new ForbiddenException();
		}
		if (binding.unitId() != null) {
			requireAdmin(caller, units.find(binding.unitId()).map(UnitView::path).orElse(null));
		}
		if (binding.role() == Role.ADMIN && accountId == caller.accountId()) {
			throw new BusinessException("account.error.revokeOwnAdmin");
		}
		bindings.delete(binding);
	}

	/** Sets a new random password and returns it, to be handed to the person once. */
	@Transactional
	public String resetPassword(Caller caller, long accountId, long version) {
		Account account = load(accountId);
		requireAdminOf(caller, account);
		checkVersion(account, version);
		String password = Secrets.password();
		account.changePassword(encoder.encode(password));
		accounts.saveAndFlush(account);
		return password;
	}

	@Transactional
	public AccountView setEnabled(Caller caller, long accountId, boolean enabled, long version) {
		Account account = load(accountId);
		requireAdminOf(caller, account);
		checkVersion(account, version);
		if (!enabled && accountId == caller.accountId()) {
			throw new BusinessException("account.error.disableSelf");
		}
		account.setEnabled(enabled);
		return accounts.saveAndFlush(account).view();
	}

	// --- one's own account ------------------------------------------------------------------

	public AccountView me(Caller caller) {
		return load(caller.accountId()).view();
	}

	@Transactional
	public void changePassword(Caller caller, ChangePassword command) {
		Account account = load(caller.accountId());
		if (!encoder.matches(command.currentPassword(), account.passwordHash())) {
			throw new BusinessException("currentPassword", "account.error.wrongPassword");
		}
		if (!command.newPassword().equals(command.confirmPassword())) {
			throw new BusinessException("confirmPassword", "account.error.passwordMismatch");
		}
		if (command.newPassword().equalsIgnoreCase(account.username())) {
			throw new BusinessException("newPassword", "account.error.passwordIsUsername");
		}
		account.changePassword(encoder.encode(command.newPassword()));
	}

	public List<ApiTokenView> tokens(Caller caller) {
		return tokens.findByAccountIdOrderByCreatedAtDesc(caller.accountId()).stream().map(ApiToken::view).toList();
	}

	/** Creates a token and returns its secret; only the hash is stored, so this is the only chance to copy it. */
	@Transactional
	public String createToken(Caller caller, AccountCommands.CreateToken command) {
		if (tokens.findByAccountIdOrderByCreatedAtDesc(caller.accountId()).stream().filter(ApiToken::active).count() >= 20) {
			throw new BusinessException("name", "token.error.tooMany", 20);
		}
		String secret = Secrets.token();
		tokens.save(new ApiToken(caller.accountId(), command.name(), Secrets.sha256(secret),
				secret.substring(0, Secrets.TOKEN_PREFIX.length() + 6)));
		return secret;
	}

	@Transactional
	public void revokeToken(Caller caller, long tokenId) {
		ApiToken token = tokens.findById(tokenId).filter(t -> t.accountId() == caller.accountId())
			.orElseThrow(() -> new NotFoundException("token.error.notFound"));
		token.revoke();
	}

	// --- for the security layer ----------------------------------------------------------------

	List<Grant> grantsOf(long accountId) {
		List<RoleBinding> held = bindings.findByAccountIdOrderById(accountId);
		Map<Long, UnitView> unitsById = units.findAll(held.stream().map(RoleBinding::unitId).filter(Objects::nonNull).toList());
		List<Grant> grants = new ArrayList<>();
		for (RoleBinding b : held) {
			if (b.unitId() == null) {
				grants.add(new Grant(b.role(), null, null));
			}
			else {
				UnitView unit = unitsById.get(b.unitId());
				if (unit != null && unit.active()) {
					grants.add(new Grant(b.role(), unit.id(), unit.path()));
				}
			}
		}
		return grants;
	}

	// --- rules --------------------------------------------------------------------------------

	private List<RoleBindingView> bindingViews(long accountId) {
		List<RoleBinding> held = bindings.findByAccountIdOrderById(accountId);
		Map<Long, UnitView> unitsById = units.findAll(held.stream().map(RoleBinding::unitId).filter(Objects::nonNull).toList());
		return held.stream().map(b -> new RoleBindingView(b.id(), b.role(), b.unitId(),
				b.unitId() == null ? null : unitsById.get(b.unitId()).name())).toList();
	}

	private static boolean systemWideAdmin(Caller caller) {
		return caller.grantsFor(Role.ADMIN).stream().anyMatch(Grant::systemWide);
	}

	private static void requireAdmin(Caller caller, String unitPath) {
		if (!systemWideAdmin(caller) && (unitPath == null || !caller.can(unitPath, Role.ADMIN))) {
			throw new ForbiddenException();
		}
	}

	private static void requireAdminOf(Caller caller, Account account) {
		requireAdmin(caller, account.unitPath());
	}

	/** Administrators are appointed only by a system-wide administrator. */
	private static void checkGrantable(Caller caller, Role role, UnitView unit) {
		if (role == Role.ADMIN && !systemWideAdmin(caller)) {
			throw new BusinessException("role", "account.error.adminBySystemAdmin");
		}
		if (!unit.active()) {
			throw new BusinessException("unitId", "unit.error.inactive");
		}
	}

	private static Specification<Account> administeredBy(Caller caller) {
		return UnitScope.of(caller, Set.of(Role.ADMIN)).specification("unitPath");
	}

	private static void checkVersion(Account account, long version) {
		if (account.version() != version) {
			throw new ObjectOptimisticLockingFailureException(Account.class, account.id());
		}
	}

	private Account load(long id) {
		return accounts.findById(id).orElseThrow(() -> new NotFoundException("account.error.notFound"));
	}

	/**
	 * The caller a start-up job acts as when it does what this person would do through the pages (the
	 * demo year): the account's grants as a request would read them. Never for a web request, which
	 * resolves its caller from the session ({@link DatabaseCurrentCaller}).
	 */
	public Optional<Caller> actingAs(String username) {
		return accounts.findByUsername(username).filter(Account::enabled)
			.map(this::callerOf);
	}

	/** The account as a caller, with its grants as they are now in the database. */
	Caller callerOf(Account account) {
		return new Caller(account.id(), account.username(), account.displayName(), grantsOf(account.id()));
	}

	/** The id of the account with this username (case-insensitive), for other modules' start-up data. */
	public Optional<Long> idOf(String username) {
		return accounts.findByUsername(username).map(Account::id);
	}

	/** The enabled accounts holding one of the roles at the unit itself, for notifications addressed to a unit. */
	public List<Long> holdersOf(long unitId, Role... roles) {
		return bindings.findHolders(unitId, List.of(roles));
	}

	/** Enabled accounts' e-mail addresses (those that have one), for notifications sent by the system. */
	public java.util.Map<Long, String> emailsOf(java.util.Collection<Long> accountIds) {
		java.util.Map<Long, String> emails = new java.util.HashMap<>();
		if (!accountIds.isEmpty()) {
			accounts.findAllById(accountIds).stream()
				.filter(a -> a.view().enabled() && a.view().email() != null && !a.view().email().isBlank())
				.forEach(a -> emails.put(a.id(), a.view().email()));
		}
		return emails;
	}

	/**
	 * An enabled account by username (case-insensitive), for other modules picking people (council
	 * members); exposes only the public view.
	 */
	public Optional<AccountView> lookup(String username) {
		return accounts.findByUsername(username).map(Account::view).filter(AccountView::enabled);
	}

	// package-private helpers for the security layer
	Optional<Account> byUsername(String username) {
		return accounts.findByUsername(username);
	}

	Optional<Account> byId(long id) {
		return accounts.findById(id);
	}

	Optional<ApiToken> activeToken(String secret) {
		return tokens.findByTokenHash(Secrets.sha256(secret)).filter(ApiToken::active);
	}

	/**
	 * An API request's sign-in: the token, its account and the account's grants, read afresh in one transaction
	 * (a revoked token, a disabled account or a withdrawn role stops working at once); empty when any is missing.
	 */
	Optional<TokenSignIn> signInByToken(String secret) {
		return activeToken(secret).flatMap(token -> byId(token.accountId()).filter(Account::enabled)
			.map(account -> new TokenSignIn(token, account, callerOf(account))));
	}

	record TokenSignIn(ApiToken token, Account account, Caller caller) {
	}

	@Transactional
	public void recordSignIn(long accountId) {
		accounts.recordSignIn(accountId);
	}

	@Transactional
	void recordTokenUse(ApiToken token) {
		if (token.used(Instant.now())) {
			tokens.save(token);
		}
	}
}
