package vn.ideabank.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ideabank.IntegrationTest;
import vn.ideabank.account.AccountCommands.ChangePassword;
import vn.ideabank.account.AccountCommands.CreateAccount;
import vn.ideabank.account.AccountCommands.CreateToken;
import vn.ideabank.account.AccountCommands.GrantRole;
import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Grant;
import vn.ideabank.common.security.Role;
import vn.ideabank.org.UnitCommands.CreateUnit;
import vn.ideabank.org.UnitCommands.MoveUnit;
import vn.ideabank.org.UnitKind;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * Accounts, role bindings and API tokens on the seeded data. Every test creates its own accounts
 * with unique usernames (committed, as in real use), so tests neither depend on nor disturb each other.
 */
class AccountServiceTests extends IntegrationTest {

	private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

	private static final AtomicInteger SEQ = new AtomicInteger();

	private static final String PASSWORD = "mật-khẩu-đủ-dài-1";

	@Autowired
	AccountService accounts;

	@Autowired
	UnitService units;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountRepository repository;

	@Autowired
	PlatformTransactionManager transactions;

	Caller systemAdmin;

	UnitView thoDan;

	UnitView thoDanT1;

	UnitView thoTan;

	@BeforeEach
	void setUp() {
		long adminId = id("admin");
		systemAdmin = new Caller(adminId, "admin", "Quản trị hệ thống", accounts.grantsOf(adminId));
		assertThat(systemAdmin.grants()).anyMatch(g -> g.role() == Role.ADMIN && g.systemWide());
		thoDan = units.findByCode("TS-THODAN").orElseThrow();
		thoDanT1 = units.findByCode("TS-THODAN-T1").orElseThrow();
		thoTan = units.findByCode("TS-THOTAN").orElseThrow();
	}

	// --- creating accounts ----------------------------------------------------------------------

	@Test
	void aNewAccountHasALowercasedUsernameAndOnlyABcryptHashOfItsPassword() {
		String typed = "Nguyen.Thi.Hoa." + RUN.toUpperCase() + SEQ.incrementAndGet();
		AccountView created = accounts.create(systemAdmin, new CreateAccount(typed, "Nguyễn Thị Hoa", "hoa@example.vn",
				AccountKind.PERSON, thoDanT1.id(), Role.MEMBER, PASSWORD)).account();

		assertThat(created.username()).isEqualTo(typed.toLowerCase());
		assertThat(created.unitId()).isEqualTo(thoDanT1.id());
		String hash = storedHash(created.id());
		assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
		assertThat(encoder.matches(PASSWORD, hash)).isTrue();
		assertThat(encoder.matches("mật-khẩu-khác-123", hash)).isFalse();
		assertThat(jdbc.sql("select a::text from account a where id = :id").param("id", created.id()).query(String.class).single())
			.doesNotContain(PASSWORD);
		// the first role is held at the account's unit, and the account can sign in by any case of its name
		assertThat(accounts.roles(systemAdmin, created.id())).singleElement()
			.satisfies(r -> {
				assertThat(r.role()).isEqualTo(Role.MEMBER);
				assertThat(r.unitId()).isEqualTo(thoDanT1.id());
				assertThat(r.unitName()).isEqualTo("Chi đoàn thôn 1");
			});
		assertThat(accounts.byUsername(typed.toUpperCase())).map(Account::id).contains(created.id());
		assertThat(accounts.grantsOf(created.id())).containsExactly(new Grant(Role.MEMBER, thoDanT1.id(), thoDanT1.path()));
	}

	@Test
	void aTakenUsernameIsRefusedWhateverItsCase() {
		long before = accountCount();
		assertThatThrownBy(() -> accounts.create(systemAdmin, new CreateAccount("Doan.ThoDan", "Đoàn xã Thọ Dân (trùng)",
				null, AccountKind.UNIT, thoDan.id(), Role.UNIT_OFFICER, PASSWORD)))
			.isInstanceOfSatisfying(BusinessException.class, e -> {
				assertThat(e.field()).isEqualTo("username");
				assertThat(e.messageKey()).isEqualTo("account.error.usernameTaken");
			});
		assertThat(accountCount()).isEqualTo(before);
	}

	// --- scope of an administrator bound at a commune ---------------------------------------------

	@Test
	void aCommuneAdministratorCannotSeeOrAdministerAnotherCommune() {
		Caller admin = communeAdmin();
		AccountView thoTanAccount = accounts.get(systemAdmin, id("doan.thotan"));

		assertThatThrownBy(() -> accounts.get(admin, thoTanAccount.id())).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> accounts.roles(admin, thoTanAccount.id())).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> accounts.resetPassword(admin, thoTanAccount.id(), thoTanAccount.version()))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> accounts.setEnabled(admin, thoTanAccount.id(), false, thoTanAccount.version()))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> accounts.grant(admin, thoTanAccount.id(), new GrantRole(Role.REVIEWER, thoTan.id())))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> accounts.create(admin, new CreateAccount("x" + RUN + SEQ.incrementAndGet(), "Người ngoài",
				null, AccountKind.PERSON, thoTan.id(), Role.MEMBER, PASSWORD)))
			.isInstanceOf(ForbiddenException.class);
		// the district account above it is out of reach too
		assertThatThrownBy(() -> accounts.get(admin, id("huyendoan.trieuson"))).isInstanceOf(ForbiddenException.class);
		// nothing was changed on the other commune's account
		assertThat(accounts.get(systemAdmin, thoTanAccount.id())).isEqualTo(thoTanAccount);

		// inside its own commune (a branch included) it administers
		assertThat(accounts.get(admin, id("doan.thodan")).username()).isEqualTo("doan.thodan");
		assertThat(accounts.get(admin, id("nguyen.van.an")).username()).isEqualTo("nguyen.van.an");
	}

	@Test
	void aCommuneAdministratorListsOnlyAccountsOfItsSubtree() {
		Caller admin = communeAdmin();
		List<AccountView> listed = accounts.list(admin, null, PageRequest.of(0, 500)).getContent();

		assertThat(listed).extracting(AccountView::username)
			.contains("doan.thodan", "nguyen.van.an", admin.username())
			.doesNotContain("doan.thotan", "huyendoan.trieuson", "tran.thi.binh", "admin");
		assertThat(listed).allSatisfy(a -> assertThat(unitPathOf(a)).startsWith(thoDan.path()));
		long inSubtree = jdbc.sql("select count(*) from account where unit_path like :p || '%'").param("p", thoDan.path())
			.query(Long.class).single();
		assertThat(accounts.list(admin, null, PageRequest.of(0, 2)).getTotalElements()).isEqualTo(inSubtree);
		// a search does not widen the scope
		assertThat(accounts.list(admin, "thotan", PageRequest.of(0, 50))).isEmpty();
		assertThat(accounts.list(admin, "Thọ Tân", PageRequest.of(0, 50))).isEmpty();
		assertThat(accounts.list(admin, "Nguyễn Văn", PageRequest.of(0, 50)).getContent()).extracting(AccountView::username)
			.containsExactly("nguyen.van.an");
	}

	@Test
	void anAccountCreatedWithoutAPasswordGetsAGeneratedOneToHandOverOnce() {
		var created = accounts.create(systemAdmin, new CreateAccount("sinh.mk." + RUN + SEQ.incrementAndGet(), "Sinh Mật Khẩu",
				null, AccountKind.PERSON, thoDanT1.id(), Role.MEMBER, null));
		assertThat(created.generatedPassword()).hasSizeGreaterThanOrEqualTo(AccountCommands.MIN_PASSWORD);
		String hash = jdbc.sql("select password_hash from account where id = :id").param("id", created.account().id())
			.query(String.class).single();
		assertThat(encoder.matches(created.generatedPassword(), hash)).isTrue();
	}

	@Test
	void onlyASystemWideAdministratorAppointsAdministrators() {
		Caller admin = communeAdmin();
		AccountView member = accounts.create(admin, new CreateAccount("tv." + RUN + SEQ.incrementAndGet(), "Đoàn viên Thọ Dân",
				null, AccountKind.PERSON, thoDanT1.id(), Role.MEMBER, PASSWORD)).account();

		assertThatThrownBy(() -> accounts.grant(admin, member.id(), new GrantRole(Role.ADMIN, thoDanT1.id())))
			.isInstanceOfSatisfying(BusinessException.class,
					e -> assertThat(e.messageKey()).isEqualTo("account.error.adminBySystemAdmin"));
		assertThatThrownBy(() -> accounts.create(admin, new CreateAccount("qt." + RUN + SEQ.incrementAndGet(), "Quản trị mới",
				null, AccountKind.PERSON, thoDanT1.id(), Role.ADMIN, PASSWORD)))
			.isInstanceOfSatisfying(BusinessException.class,
					e -> assertThat(e.messageKey()).isEqualTo("account.error.adminBySystemAdmin"));
		assertThatThrownBy(() -> accounts.grant(admin, member.id(), new GrantRole(Role.ADMIN, null)))
			.isInstanceOf(BusinessException.class);
		assertThat(accounts.grantsOf(member.id())).extracting(Grant::role).containsExactly(Role.MEMBER);

		// the commune administrator may still hand out other roles in its subtree
		accounts.grant(admin, member.id(), new GrantRole(Role.REVIEWER, thoDanT1.id()));
		// and the system-wide administrator may appoint an administrator
		accounts.grant(systemAdmin, member.id(), new GrantRole(Role.ADMIN, thoDanT1.id()));
		assertThat(accounts.grantsOf(member.id())).extracting(Grant::role)
			.containsExactly(Role.MEMBER, Role.REVIEWER, Role.ADMIN);
	}

	@Test
	void anAdministratorCannotRevokeTheirOwnAdministratorRole() {
		Caller admin = communeAdmin();
		RoleBindingView own = accounts.roles(admin, admin.accountId()).stream().filter(r -> r.role() == Role.ADMIN)
			.findFirst().orElseThrow();

		assertThatThrownBy(() -> accounts.revoke(admin, admin.accountId(), own.id()))
			.isInstanceOfSatisfying(BusinessException.class,
					e -> assertThat(e.messageKey()).isEqualTo("account.error.revokeOwnAdmin"));
		assertThat(accounts.grantsOf(admin.accountId())).contains(new Grant(Role.ADMIN, thoDan.id(), thoDan.path()));
		// another administrator may revoke it
		accounts.revoke(systemAdmin, admin.accountId(), own.id());
		assertThat(accounts.grantsOf(admin.accountId())).isEmpty();
	}

	@Test
	void aRevokedRoleStopsCountingAtOnce() {
		AccountView person = newMember();
		RoleBindingView reviewer = accounts.grant(systemAdmin, person.id(), new GrantRole(Role.REVIEWER, thoTan.id()));
		assertThat(accounts.grantsOf(person.id())).contains(new Grant(Role.REVIEWER, thoTan.id(), thoTan.path()));

		accounts.revoke(systemAdmin, person.id(), reviewer.id());

		assertThat(accounts.grantsOf(person.id())).extracting(Grant::role).containsExactly(Role.MEMBER);
		assertThat(accounts.roles(systemAdmin, person.id())).extracting(RoleBindingView::id).doesNotContain(reviewer.id());
	}

	@Test
	void anAccountChangeThatReadTheAccountBeforeItsUnitMovedCannotPutTheOldUnitPathBack() {
		UnitView th = units.findByCode("TH").orElseThrow();
		UnitView from = units.create(systemAdmin, new CreateUnit(th.id(), "ZA" + RUN + SEQ.incrementAndGet(), "Đoàn nguồn",
				"Đoàn cơ sở", UnitKind.COMMUNE, 0));
		UnitView to = units.create(systemAdmin, new CreateUnit(th.id(), "ZA" + RUN + SEQ.incrementAndGet(), "Đoàn đích",
				"Đoàn cơ sở", UnitKind.COMMUNE, 0));
		AccountView person = accounts.createBySystem("dv." + RUN + SEQ.incrementAndGet(), "Đoàn viên chuyển đơn vị",
				AccountKind.PERSON, from.code(), Role.MEMBER, PASSWORD);
		TransactionTemplate resetting = new TransactionTemplate(transactions);
		TransactionTemplate moving = new TransactionTemplate(transactions);
		moving.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

		// a password reset has read the account; meanwhile its unit is moved under another one, committed first
		assertThatThrownBy(() -> resetting.executeWithoutResult(status -> {
			Account read = repository.findById(person.id()).orElseThrow();
			moving.executeWithoutResult(inner -> units.move(systemAdmin, from.id(), new MoveUnit(to.id(), from.version())));
			read.changePassword(encoder.encode("mat-khau-moi-123"));
			repository.flush();
		})).isInstanceOf(ObjectOptimisticLockingFailureException.class);

		// the account stays in the subtree it moved to: the old parent's administrators do not get it back
		assertThat(jdbc.sql("select unit_path from account where id = :id").param("id", person.id()).query(String.class).single())
			.isEqualTo(to.path() + from.id() + "/");
		assertThat(encoder.matches(PASSWORD, storedHash(person.id()))).isTrue();
	}

	// --- passwords ------------------------------------------------------------------------------

	@Test
	void changingOnesPasswordNeedsTheCurrentOneAndAMatchingConfirmation() {
		AccountView person = newMember();
		Caller self = self(person);

		assertThatThrownBy(() -> accounts.changePassword(self, new ChangePassword("sai-mat-khau-1", "mat-khau-moi-123", "mat-khau-moi-123")))
			.isInstanceOfSatisfying(BusinessException.class, e -> {
				assertThat(e.field()).isEqualTo("currentPassword");
				assertThat(e.messageKey()).isEqualTo("account.error.wrongPassword");
			});
		assertThatThrownBy(() -> accounts.changePassword(self, new ChangePassword(PASSWORD, "mat-khau-moi-123", "mat-khau-moi-124")))
			.isInstanceOfSatisfying(BusinessException.class, e -> {
				assertThat(e.field()).isEqualTo("confirmPassword");
				assertThat(e.messageKey()).isEqualTo("account.error.passwordMismatch");
			});
		assertThat(encoder.matches(PASSWORD, storedHash(person.id()))).as("refused changes leave the password").isTrue();

		accounts.changePassword(self, new ChangePassword(PASSWORD, "mat-khau-moi-123", "mat-khau-moi-123"));
		String hash = storedHash(person.id());
		assertThat(encoder.matches("mat-khau-moi-123", hash)).isTrue();
		assertThat(encoder.matches(PASSWORD, hash)).isFalse();
	}

	@Test
	void aResetPasswordIsReturnedOnceAndIsTheOnlyOneThatWorks() {
		AccountView person = newMember();

		String fresh = accounts.resetPassword(systemAdmin, person.id(), person.version());

		assertThat(fresh).hasSizeGreaterThanOrEqualTo(AccountCommands.MIN_PASSWORD);
		String hash = storedHash(person.id());
		assertThat(hash).startsWith("{bcrypt}").doesNotContain(fresh);
		assertThat(encoder.matches(fresh, hash)).isTrue();
		assertThat(encoder.matches(PASSWORD, hash)).isFalse();
		assertThat(accounts.resetPassword(systemAdmin, person.id(), accounts.get(systemAdmin, person.id()).version()))
			.isNotEqualTo(fresh);
	}

	// --- API tokens -----------------------------------------------------------------------------

	@Test
	void anApiTokenIsStoredOnlyAsItsSha256() throws Exception {
		AccountView person = newMember();
		Caller self = self(person);

		String secret = accounts.createToken(self, new CreateToken("Cổng quốc gia"));

		assertThat(secret).startsWith("ib_").hasSizeGreaterThan(40);
		Map<String, Object> row = jdbc.sql("select id, token_hash, token_prefix, name from api_token where account_id = :a")
			.param("a", person.id()).query().singleRow();
		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		assertThat(row.get("token_hash")).isEqualTo(sha256);
		assertThat(secret).startsWith((String) row.get("token_prefix"));
		assertThat(row.get("name")).isEqualTo("Cổng quốc gia");
		String wholeRow = jdbc.sql("select t::text from api_token t where account_id = :a").param("a", person.id())
			.query(String.class).single();
		assertThat(wholeRow).doesNotContain(secret).doesNotContain(secret.substring(3));
		assertThat(accounts.activeToken(secret)).map(ApiToken::accountId).contains(person.id());
		assertThat(accounts.activeToken(secret + "x")).isEmpty();
		assertThat(accounts.tokens(self)).singleElement().satisfies(t -> assertThat(t.active()).isTrue());
	}

	@Test
	void aRevokedTokenNoLongerWorksAndOnlyItsOwnerCanRevokeIt() {
		AccountView owner = newMember();
		AccountView other = newMember();
		String secret = accounts.createToken(self(owner), new CreateToken("Ứng dụng di động"));
		long tokenId = accounts.tokens(self(owner)).get(0).id();

		assertThatThrownBy(() -> accounts.revokeToken(self(other), tokenId)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> accounts.revokeToken(systemAdmin, tokenId)).isInstanceOf(NotFoundException.class);
		assertThat(accounts.activeToken(secret)).isPresent();

		accounts.revokeToken(self(owner), tokenId);

		assertThat(accounts.activeToken(secret)).isEmpty();
		assertThat(accounts.tokens(self(owner))).singleElement().satisfies(t -> {
			assertThat(t.active()).isFalse();
			assertThat(t.revokedAt()).isNotNull();
		});
	}

	// --- helpers --------------------------------------------------------------------------------

	/** A fresh account holding ADMIN at Đoàn xã Thọ Dân, as the caller the web layer would build for it. */
	private Caller communeAdmin() {
		AccountView a = accounts.createBySystem("qt.thodan." + RUN + SEQ.incrementAndGet(), "Quản trị Thọ Dân",
				AccountKind.PERSON, "TS-THODAN", Role.ADMIN, PASSWORD);
		Caller caller = self(a);
		assertThat(caller.grants()).containsExactly(new Grant(Role.ADMIN, thoDan.id(), thoDan.path()));
		return caller;
	}

	private AccountView newMember() {
		return accounts.createBySystem("dv." + RUN + SEQ.incrementAndGet(), "Đoàn viên thử nghiệm", AccountKind.PERSON,
				"TS-THODAN-T2", Role.MEMBER, PASSWORD);
	}

	private Caller self(AccountView a) {
		return new Caller(a.id(), a.username(), a.displayName(), accounts.grantsOf(a.id()));
	}

	private long id(String username) {
		return jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).single();
	}

	private String storedHash(long accountId) {
		return jdbc.sql("select password_hash from account where id = :id").param("id", accountId).query(String.class).single();
	}

	private String unitPathOf(AccountView a) {
		return units.find(a.unitId()).orElseThrow().path();
	}

	private long accountCount() {
		return jdbc.sql("select count(*) from account").query(Long.class).single();
	}
}
