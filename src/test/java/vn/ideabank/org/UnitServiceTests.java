package vn.ideabank.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ideabank.IntegrationTest;
import vn.ideabank.account.AccountKind;
import vn.ideabank.account.AccountService;
import vn.ideabank.account.AccountView;
import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Grant;
import vn.ideabank.common.security.Role;
import vn.ideabank.org.UnitCommands.CreateUnit;
import vn.ideabank.org.UnitCommands.EditUnit;
import vn.ideabank.org.UnitCommands.MoveUnit;

/**
 * The unit tree on the seeded Triệu Sơn data. Tests that must prove a commit (or that a refused
 * command left nothing behind) build their own uniquely coded branch under the province root, outside
 * the Triệu Sơn subtree that the scope tests count; the others roll back.
 */
class UnitServiceTests extends IntegrationTest {

	/** Huyện đoàn Triệu Sơn itself, its 32 communes and towns, 7 schools and agencies, 6 demo branches. */
	static final int SEEDED_UNDER_TS = 46;

	private static final String RUN = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

	private static final AtomicInteger SEQ = new AtomicInteger();

	@Autowired
	UnitService units;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EntityManager em;

	@Autowired
	UnitRepository repository;

	@Autowired
	PlatformTransactionManager transactions;

	UnitView th;

	UnitView ts;

	UnitView thoDan;

	UnitView thoTan;

	Caller systemAdmin;

	Caller office;

	Caller thoDanOfficer;

	@BeforeEach
	void callers() {
		th = unit("TH");
		ts = unit("TS");
		thoDan = unit("TS-THODAN");
		thoTan = unit("TS-THOTAN");
		systemAdmin = new Caller(accountId("admin"), "admin", "Quản trị hệ thống", List.of(new Grant(Role.ADMIN, null, null)));
		office = new Caller(accountId("huyendoan.trieuson"), "huyendoan.trieuson", "Văn phòng Huyện đoàn Triệu Sơn",
				List.of(new Grant(Role.OFFICE, ts.id(), ts.path())));
		thoDanOfficer = new Caller(accountId("doan.thodan"), "doan.thodan", "Đoàn xã Thọ Dân",
				List.of(new Grant(Role.UNIT_OFFICER, thoDan.id(), thoDan.path())));
	}

	// --- creating -------------------------------------------------------------------------------

	@Test
	void createUnderAParentComputesPathAndDepth() {
		UnitView branch = create(systemAdmin, th, "Đoàn thử nghiệm");
		UnitView leaf = create(systemAdmin, branch, "Chi đoàn thử nghiệm");

		assertThat(branch.parentId()).isEqualTo(th.id());
		assertThat(branch.path()).isEqualTo(th.path() + branch.id() + "/");
		assertThat(branch.depth()).isEqualTo(th.depth() + 1);
		assertThat(leaf.path()).isEqualTo(th.path() + branch.id() + "/" + leaf.id() + "/");
		assertThat(leaf.depth()).isEqualTo(th.depth() + 2);
		// committed as returned
		assertThat(row(leaf.id())).containsEntry("path", leaf.path()).containsEntry("depth", leaf.depth())
			.containsEntry("parent_id", branch.id()).containsEntry("name", "Chi đoàn thử nghiệm");
		assertThat(units.children(systemAdmin, branch.id())).extracting(UnitView::id).containsExactly(leaf.id());
	}

	@Test
	@Transactional
	void anOfficeCreatesUnderACommuneOfItsDistrictButNotElsewhere() {
		String code = "ts-thodan-t9" + RUN.toLowerCase();
		UnitView created = units.create(office,
				new CreateUnit(thoDan.id(), code, "Chi đoàn thôn 9", "Chi đoàn", UnitKind.COMMUNE, 22));
		em.flush();

		assertThat(created.code()).isEqualTo(code.toUpperCase());
		assertThat(created.path()).isEqualTo(thoDan.path() + created.id() + "/");
		assertThat(created.depth()).isEqualTo(thoDan.depth() + 1);
		assertThat(row(created.id())).containsEntry("path", created.path());
		assertThat(units.list(office, code, PageRequest.of(0, 10)).getContent()).extracting(UnitView::id)
			.containsExactly(created.id());

		// outside its district, or a new root: refused
		assertThatThrownBy(() -> units.create(office,
				new CreateUnit(th.id(), "X" + RUN, "Huyện đoàn khác", "Huyện đoàn", UnitKind.COMMITTEE, 0)))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> units.create(office,
				new CreateUnit(null, "Y" + RUN, "Tỉnh đoàn khác", "Tỉnh đoàn", UnitKind.COMMITTEE, 0)))
			.isInstanceOf(ForbiddenException.class);
	}

	@Test
	void duplicateCodeIsRefusedWhateverItsCaseAndNothingIsSaved() {
		long before = unitCount();
		assertThatThrownBy(() -> units.create(systemAdmin,
				new CreateUnit(ts.id(), "ts-thoDan", "Đoàn xã Thọ Dân (bản sao)", "Đoàn cơ sở", UnitKind.COMMUNE, 0)))
			.isInstanceOfSatisfying(BusinessException.class, e -> {
				assertThat(e.field()).isEqualTo("code");
				assertThat(e.messageKey()).isEqualTo("unit.error.codeTaken");
			});
		assertThat(unitCount()).isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from org_unit where name = 'Đoàn xã Thọ Dân (bản sao)'").query(Long.class).single())
			.isZero();
	}

	// --- moving ---------------------------------------------------------------------------------

	@Test
	void moveReparentsTheWholeSubtreeAndTheAccountsInIt() {
		UnitView a = create(systemAdmin, th, "Đoàn A");
		UnitView b = create(systemAdmin, a, "Đoàn B");
		UnitView c = create(systemAdmin, b, "Chi đoàn C");
		UnitView d = create(systemAdmin, c, "Tổ D");
		UnitView target = create(systemAdmin, th, "Đoàn đích");
		UnitView target2 = create(systemAdmin, target, "Đoàn đích cấp 2");
		AccountView atA = account(a);
		AccountView atB = account(b);
		AccountView atD = account(d);

		UnitView moved = units.move(systemAdmin, b.id(), new MoveUnit(target2.id(), b.version()));

		String newB = target2.path() + b.id() + "/";
		assertThat(moved.path()).isEqualTo(newB);
		assertThat(moved.parentId()).isEqualTo(target2.id());
		assertThat(row(b.id())).containsEntry("path", newB).containsEntry("depth", target2.depth() + 1)
			.containsEntry("parent_id", target2.id());
		assertThat(row(c.id())).containsEntry("path", newB + c.id() + "/").containsEntry("depth", target2.depth() + 2)
			.containsEntry("parent_id", b.id());
		assertThat(row(d.id())).containsEntry("path", newB + c.id() + "/" + d.id() + "/")
			.containsEntry("depth", target2.depth() + 3);
		// the unit left behind keeps its place
		assertThat(row(a.id())).containsEntry("path", a.path()).containsEntry("depth", a.depth());
		assertThat(units.children(systemAdmin, a.id())).isEmpty();

		// the account module's copies of the path follow the move in the same transaction
		assertThat(accountUnitPath(atB)).isEqualTo(newB);
		assertThat(accountUnitPath(atD)).isEqualTo(newB + c.id() + "/" + d.id() + "/");
		assertThat(accountUnitPath(atA)).isEqualTo(a.path());

		// a role held at the new parent now covers the moved subtree, and one held at the old parent no longer does
		Caller atTarget = new Caller(0, "x", "x", List.of(new Grant(Role.UNIT_OFFICER, target.id(), target.path())));
		Caller atOldParent = new Caller(0, "y", "y", List.of(new Grant(Role.UNIT_OFFICER, a.id(), a.path())));
		assertThat(units.get(atTarget, d.id()).path()).startsWith(target.path());
		assertThatThrownBy(() -> units.get(atOldParent, d.id())).isInstanceOf(ForbiddenException.class);
	}

	@Test
	void movingAUnitUnderItselfOrItsDescendantIsRefusedAndNothingChanges() {
		UnitView a = create(systemAdmin, th, "Đoàn A");
		UnitView b = create(systemAdmin, a, "Đoàn B");
		UnitView c = create(systemAdmin, b, "Chi đoàn C");
		AccountView atB = account(b);
		List<Map<String, Object>> before = subtreeRows(a);

		for (UnitView under : List.of(b, c, a)) {
			assertThatThrownBy(() -> units.move(systemAdmin, a.id(), new MoveUnit(under.id(), a.version())))
				.as("move under %s", under.name())
				.isInstanceOfSatisfying(BusinessException.class, e -> {
					assertThat(e.messageKey()).isEqualTo("unit.error.moveUnderSelf");
					assertThat(e.field()).isEqualTo("parentId");
				});
		}
		assertThat(subtreeRows(a)).isEqualTo(before);
		assertThat(accountUnitPath(atB)).isEqualTo(b.path());
	}

	@Test
	void aUnitMovedWithAStaleVersionIsRefused() {
		UnitView a = create(systemAdmin, th, "Đoàn A");
		UnitView target = create(systemAdmin, th, "Đoàn đích");
		units.edit(systemAdmin, a.id(), new EditUnit("Đoàn A (đã sửa)", "Đoàn cơ sở", UnitKind.COMMUNE, 5, a.version()));

		assertThatThrownBy(() -> units.move(systemAdmin, a.id(), new MoveUnit(target.id(), a.version())))
			.isInstanceOf(ObjectOptimisticLockingFailureException.class);
		assertThat(row(a.id())).containsEntry("parent_id", th.id()).containsEntry("path", a.path());
	}

	@Test
	void anEditThatReadADescendantBeforeTheMoveCannotPutItsOldPathBack() {
		UnitView a = create(systemAdmin, th, "Đoàn A");
		UnitView b = create(systemAdmin, a, "Chi đoàn B");
		UnitView c = create(systemAdmin, b, "Tổ C");
		UnitView target = create(systemAdmin, th, "Đoàn đích");
		TransactionTemplate editing = new TransactionTemplate(transactions);
		TransactionTemplate moving = new TransactionTemplate(transactions);
		moving.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

		// an edit of C has read it; meanwhile another officer moves B (and so C) and commits first
		assertThatThrownBy(() -> editing.executeWithoutResult(status -> {
			Unit read = repository.findById(c.id()).orElseThrow();
			moving.executeWithoutResult(inner -> units.move(systemAdmin, b.id(), new MoveUnit(target.id(), b.version())));
			read.edit("Tổ C (đã sửa)", "Tổ", UnitKind.COMMUNE, 3);
			repository.flush();
		})).isInstanceOf(ObjectOptimisticLockingFailureException.class);

		assertThat(row(c.id())).containsEntry("path", target.path() + b.id() + "/" + c.id() + "/")
			.containsEntry("name", "Tổ C");
		assertThat(units.get(systemAdmin, c.id()).version()).isGreaterThan(c.version());
	}

	// --- deactivating, editing ------------------------------------------------------------------

	@Test
	void aUnitWithActiveChildrenCannotBeDeactivated() {
		UnitView a = create(systemAdmin, th, "Đoàn A");
		UnitView b = create(systemAdmin, a, "Chi đoàn B");

		assertThatThrownBy(() -> units.deactivate(systemAdmin, a.id(), a.version()))
			.isInstanceOfSatisfying(BusinessException.class,
					e -> assertThat(e.messageKey()).isEqualTo("unit.error.hasActiveChildren"));
		assertThat(row(a.id())).containsEntry("active", true);

		// once the child is deactivated, the parent can be
		assertThat(units.deactivate(systemAdmin, b.id(), b.version()).active()).isFalse();
		assertThat(units.deactivate(systemAdmin, a.id(), a.version()).active()).isFalse();
		assertThat(row(a.id())).containsEntry("active", false);
		assertThat(units.list(systemAdmin, a.code(), PageRequest.of(0, 10))).isEmpty();
	}

	@Test
	void anEditWithAStaleVersionIsAConflictAndKeepsTheFirstEdit() {
		UnitView a = create(systemAdmin, th, "Đoàn A");
		UnitView first = units.edit(systemAdmin, a.id(), new EditUnit("Đoàn A mới", "Đoàn cơ sở", UnitKind.SCHOOL, 40, a.version()));
		assertThat(first.version()).isGreaterThan(a.version());

		assertThatThrownBy(() -> units.edit(systemAdmin, a.id(),
				new EditUnit("Đoàn A cũ", "Đoàn cơ sở", UnitKind.COMMUNE, 1, a.version())))
			.isInstanceOf(ObjectOptimisticLockingFailureException.class);
		assertThat(row(a.id())).containsEntry("name", "Đoàn A mới").containsEntry("member_count", 40)
			.containsEntry("kind", "SCHOOL");
	}

	// --- scope ----------------------------------------------------------------------------------

	@Test
	void aCommuneOfficerCannotOpenANeighbouringCommune() {
		assertThatThrownBy(() -> units.get(thoDanOfficer, thoTan.id())).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> units.children(thoDanOfficer, thoTan.id())).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> units.get(thoDanOfficer, ts.id())).isInstanceOf(ForbiddenException.class);
		assertThat(units.get(thoDanOfficer, thoDan.id()).name()).isEqualTo("Đoàn xã Thọ Dân");
		assertThat(units.get(thoDanOfficer, unit("TS-THODAN-T1").id()).name()).isEqualTo("Chi đoàn thôn 1");
	}

	@Test
	void aCommuneOfficerSeesOnlyItsOwnSubtreeInTreeAndList() {
		List<UnitNode> tree = units.tree(thoDanOfficer, false);
		assertThat(tree).hasSize(1);
		assertThat(tree.get(0).unit().code()).isEqualTo("TS-THODAN");
		assertThat(tree.get(0).children()).extracting(n -> n.unit().name())
			.containsExactly("Chi đoàn thôn 1", "Chi đoàn thôn 2", "Chi đoàn trường THCS Thọ Dân");
		assertThat(flatten(tree)).extracting(UnitView::code)
			.containsExactlyInAnyOrder("TS-THODAN", "TS-THODAN-T1", "TS-THODAN-T2", "TS-THODAN-THCS");

		Page<UnitView> page = units.list(thoDanOfficer, null, PageRequest.of(0, 2, Sort.by("code")));
		assertThat(page.getTotalElements()).isEqualTo(4);
		assertThat(page.getTotalPages()).isEqualTo(2);
		assertThat(page.getContent()).extracting(UnitView::code).containsExactly("TS-THODAN", "TS-THODAN-T1");
		// a search cannot reach outside the subtree either
		assertThat(units.list(thoDanOfficer, "Thọ Tân", PageRequest.of(0, 50))).isEmpty();
		assertThat(units.list(thoDanOfficer, "TS-THOTAN", PageRequest.of(0, 50))).isEmpty();
		assertThat(units.visible(thoDanOfficer)).hasSize(4);
		assertThat(units.manageable(thoDanOfficer)).isEmpty();
	}

	@Test
	void aCommuneOfficerCannotChangeTheStructure() {
		long before = unitCount();
		assertThatThrownBy(() -> units.create(thoDanOfficer,
				new CreateUnit(thoDan.id(), "TS-THODAN-T7" + RUN, "Chi đoàn thôn 7", "Chi đoàn", UnitKind.COMMUNE, 10)))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> units.edit(thoDanOfficer, thoDan.id(),
				new EditUnit("Đoàn xã Thọ Dân mới", "Đoàn cơ sở", UnitKind.COMMUNE, 1, thoDan.version())))
			.isInstanceOf(ForbiddenException.class);
		UnitView t1 = unit("TS-THODAN-T1");
		UnitView t2 = unit("TS-THODAN-T2");
		assertThatThrownBy(() -> units.move(thoDanOfficer, t2.id(), new MoveUnit(t1.id(), t2.version())))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> units.deactivate(thoDanOfficer, t2.id(), t2.version()))
			.isInstanceOf(ForbiddenException.class);
		assertThat(units.canManage(thoDanOfficer, thoDan.id())).isFalse();

		assertThat(unitCount()).isEqualTo(before);
		assertThat(unit("TS-THODAN")).isEqualTo(thoDan);
		assertThat(unit("TS-THODAN-T2")).isEqualTo(t2);
	}

	@Test
	void theDistrictOfficeListsEveryUnitOfTheDistrictPageByPage() {
		long expected = jdbc.sql("select count(*) from org_unit where active and path like :p || '%'")
			.param("p", ts.path()).query(Long.class).single();
		// other tests (the browser tests) may have added units under the district: at least the seeded ones
		assertThat(expected).as("Triệu Sơn subtree").isGreaterThanOrEqualTo(SEEDED_UNDER_TS);

		Page<UnitView> first = units.list(office, null, PageRequest.of(0, 20, Sort.by("path")));
		assertThat(first.getTotalElements()).isEqualTo(expected);
		assertThat(first.getTotalPages()).isEqualTo((int) Math.ceil(expected / 20.0));
		assertThat(first.getContent()).hasSize(20);
		assertThat(first.getContent().get(0).code()).isEqualTo("TS");

		List<UnitView> all = new ArrayList<>(first.getContent());
		for (int p = 1; p < first.getTotalPages(); p++) {
			all.addAll(units.list(office, null, PageRequest.of(p, 20, Sort.by("path"))).getContent());
		}
		assertThat(all).hasSize((int) expected).doesNotHaveDuplicates();
		assertThat(all).allSatisfy(u -> assertThat(u.path()).startsWith(ts.path()));
		assertThat(all).extracting(UnitView::code)
			.contains("TS", "TS-THODAN", "TS-THOTAN", "TS-TTNUA", "TS-TTTRIEUSON", "TS-THPTTS1", "TS-CAH",
					"TS-THOTAN-THCS")
			.doesNotContain("TH");
		assertThat(all.stream().filter(u -> u.parentId() != null && u.parentId() == ts.id() && u.kind() == UnitKind.COMMUNE))
			.hasSize(32);
		assertThatThrownBy(() -> units.get(office, th.id())).isInstanceOf(ForbiddenException.class);
	}

	@Test
	void theListFilterMatchesVietnameseNames() {
		assertThat(codes(units.list(office, "Thọ Dân", PageRequest.of(0, 50))))
			.containsExactlyInAnyOrder("TS-THODAN", "TS-THODAN-THCS");
		// case-insensitive, including Đ and letters with tone marks
		assertThat(codes(units.list(office, "ĐOÀN XÃ THỌ DÂN", PageRequest.of(0, 50)))).containsExactly("TS-THODAN");
		assertThat(codes(units.list(office, "đoàn xã thọ tân", PageRequest.of(0, 50)))).containsExactly("TS-THOTAN");
		assertThat(codes(units.list(office, "Nưa", PageRequest.of(0, 50)))).containsExactly("TS-TTNUA");
		// a code matches too, and LIKE wildcards are taken literally
		assertThat(codes(units.list(office, "ts-thodan-t", PageRequest.of(0, 50))))
			.containsExactlyInAnyOrder("TS-THODAN-T1", "TS-THODAN-T2", "TS-THODAN-THCS");
		assertThat(units.list(office, "%", PageRequest.of(0, 50))).isEmpty();
		assertThat(units.list(office, "_", PageRequest.of(0, 50))).isEmpty();
	}

	// --- helpers --------------------------------------------------------------------------------

	private UnitView create(Caller caller, UnitView parent, String name) {
		String code = "Z" + RUN + "-" + SEQ.incrementAndGet();
		return units.create(caller, new CreateUnit(parent.id(), code, name, "Đoàn cơ sở", UnitKind.COMMUNE, 10));
	}

	private AccountView account(UnitView unit) {
		return accounts.createBySystem(("u." + unit.code()).toLowerCase(), "Bí thư " + unit.name(), AccountKind.PERSON,
				unit.code(), Role.UNIT_OFFICER, "mat-khau-thu-nghiem");
	}

	private UnitView unit(String code) {
		return units.findByCode(code).orElseThrow();
	}

	private long accountId(String username) {
		return jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).single();
	}

	private String accountUnitPath(AccountView account) {
		return jdbc.sql("select unit_path from account where id = :id").param("id", account.id()).query(String.class).single();
	}

	private Map<String, Object> row(long id) {
		return jdbc.sql("select name, kind, path, depth, parent_id, member_count, active from org_unit where id = :id")
			.param("id", id).query().singleRow();
	}

	private List<Map<String, Object>> subtreeRows(UnitView root) {
		return jdbc.sql("select id, path, depth, parent_id, version, updated_at from org_unit where path like :p || '%' order by id")
			.param("p", root.path()).query().listOfRows();
	}

	private long unitCount() {
		return jdbc.sql("select count(*) from org_unit").query(Long.class).single();
	}

	private static List<String> codes(Page<UnitView> page) {
		return page.getContent().stream().map(UnitView::code).toList();
	}

	private static List<UnitView> flatten(List<UnitNode> nodes) {
		return nodes.stream().flatMap(UnitServiceTests::flatten).toList();
	}

	private static Stream<UnitView> flatten(UnitNode node) {
		return Stream.concat(Stream.of(node.unit()), node.children().stream().flatMap(UnitServiceTests::flatten));
	}
}
