package vn.ideabank.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import vn.ideabank.IntegrationTest;
import vn.ideabank.account.AccountService;
import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Grant;
import vn.ideabank.common.security.Role;
import vn.ideabank.common.xlsx.ImportMode;
import vn.ideabank.common.xlsx.ImportProblem;
import vn.ideabank.common.xlsx.RowReport;
import vn.ideabank.common.xlsx.XlsxFiles;
import vn.ideabank.common.xlsx.XlsxRejectedException;
import vn.ideabank.org.UnitCommands.CreateUnit;
import vn.ideabank.org.UnitCommands.MoveUnit;
import vn.ideabank.org.UnitKind;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * The roster on the seeded data. Each test builds its own uniquely coded units under the province
 * (TH) and commits, as real use does; members under the demo branches carry unique names.
 */
class MemberServiceTests extends IntegrationTest {

	private static final String RUN = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

	private static final AtomicInteger SEQ = new AtomicInteger();

	private static final Object[] HEADER = { "Họ và tên", "Ngày sinh", "Giới tính", "Đối tượng", "Trạng thái",
			"Mã đơn vị", "Điện thoại", "Thư điện tử" };

	@Autowired
	MemberService members;

	@Autowired
	MemberImportService imports;

	@Autowired
	UnitService units;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	Caller admin;

	UnitView th;

	UnitView unit;

	Caller officer;

	@BeforeEach
	void setUp() {
		admin = new Caller(accounts.idOf("admin").orElseThrow(), "admin", "admin", List.of(new Grant(Role.ADMIN, null, null)));
		th = units.findByCode("TH").orElseThrow();
		unit = newUnit(th);
		officer = officerOf(unit, "doan.thodan");
	}

	private UnitView newUnit(UnitView parent) {
		String code = "M" + RUN + "-" + SEQ.incrementAndGet();
		return units.create(admin, new CreateUnit(parent.id(), code, "Chi đoàn thử " + code, "Chi đoàn", UnitKind.OTHER, 0));
	}

	private Caller officerOf(UnitView u, String username) {
		return new Caller(accounts.idOf(username).orElseThrow(), username, username,
				List.of(new Grant(Role.UNIT_OFFICER, u.id(), u.path())));
	}

	private SaveMember save(UnitView u, String name) {
		return new SaveMember(u.id(), name, LocalDate.of(2000, 5, 17), Gender.FEMALE, TargetGroup.RURAL_YOUTH,
				"0912 345 678", "Thu.Ha@Example.com", MemberStatus.UNION_MEMBER, null);
	}

	private long countNamed(String name) {
		return jdbc.sql("select count(*) from member where full_name = ?").param(name).query(Long.class).single();
	}

	private static String unique(String name) {
		return name + " " + RUN + SEQ.incrementAndGet();
	}

	// --- scope --------------------------------------------------------------------------------------------

	@Test
	void anOfficerOfThoDanNeitherReadsListsNorEditsAMemberOfThoTan() {
		UnitView thoTanT1 = units.findByCode("TS-THOTAN-T1").orElseThrow();
		UnitView thoDan = units.findByCode("TS-THODAN").orElseThrow();
		String name = unique("Phạm Thị Tân");
		MemberView other = members.create(admin, save(thoTanT1, name));
		Caller thoDanOfficer = officerOf(thoDan, "doan.thodan");
		assertThatThrownBy(() -> members.get(thoDanOfficer, other.id())).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> members.edit(thoDanOfficer, other.id(), save(thoTanT1, "Đổi tên").withVersion(other.version())))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> members.create(thoDanOfficer, save(thoTanT1, unique("Không được"))))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> members.list(thoDanOfficer, new MemberFilter(null, null, null, thoTanT1.id()), PageRequest.of(0, 20)))
			.isInstanceOf(ForbiddenException.class);
		assertThat(members.list(thoDanOfficer, new MemberFilter(name, null, null, null), PageRequest.of(0, 20))).isEmpty();
		// the district office above both sees it
		Caller office = officerOf(units.findByCode("TS").orElseThrow(), "huyendoan.trieuson");
		assertThat(members.list(office, new MemberFilter(name, null, null, null), PageRequest.of(0, 20)))
			.extracting(MemberView::id).containsExactly(other.id());
		assertThat(members.get(office, other.id()).fullName()).isEqualTo(name);
		// and the officer's own subtree still lists
		assertThat(members.list(thoDanOfficer, new MemberFilter("Nguyễn Văn An", null, null, null), PageRequest.of(0, 20)))
			.extracting(MemberView::fullName).contains("Nguyễn Văn An");
	}

	@Test
	void aReviewerMayReadButNotCreate() {
		Caller reviewer = new Caller(accounts.idOf("tran.thi.binh").orElseThrow(), "r", "r",
				List.of(new Grant(Role.REVIEWER, unit.id(), unit.path())));
		MemberView m = members.create(officer, save(unit, unique("Hà Thu")));
		assertThat(members.get(reviewer, m.id()).id()).isEqualTo(m.id());
		assertThatThrownBy(() -> members.create(reviewer, save(unit, unique("Không"))))
			.isInstanceOf(ForbiddenException.class);
	}

	@Test
	void listsFilterByNameGroupStatusAndUnitAndPaginateInSql() {
		UnitView child = newUnit(unit);
		for (int i = 0; i < 5; i++) {
			members.create(officer, save(unit, "Trần Văn Bảy " + i));
		}
		members.create(officer, new SaveMember(child.id(), "Lò Thị Mai", null, null, TargetGroup.PUPIL, null, null,
				MemberStatus.CHILD, null));
		members.create(officer, new SaveMember(child.id(), "Trần Thị Hằng", null, null, TargetGroup.STUDENT, null, null,
				MemberStatus.YOUTH, null));
		Page<MemberView> page = members.list(officer, MemberFilter.none(), PageRequest.of(0, 3, Sort.by("nameKey", "id")));
		assertThat(page.getTotalElements()).isEqualTo(7);
		assertThat(page.getTotalPages()).isEqualTo(3);
		assertThat(page.getContent()).hasSize(3);
		assertThat(members.list(officer, new MemberFilter("TRAN VAN bay", null, null, null), PageRequest.of(0, 20)).getTotalElements())
			.as("name without case or diacritics").isEqualTo(5);
		assertThat(members.list(officer, new MemberFilter("trần", null, null, null), PageRequest.of(0, 20)).getTotalElements()).isEqualTo(6);
		assertThat(members.list(officer, new MemberFilter(null, TargetGroup.PUPIL, null, null), PageRequest.of(0, 20)))
			.extracting(MemberView::fullName).containsExactly("Lò Thị Mai");
		assertThat(members.list(officer, new MemberFilter(null, null, MemberStatus.YOUTH, null), PageRequest.of(0, 20)))
			.extracting(MemberView::fullName).containsExactly("Trần Thị Hằng");
		assertThat(members.list(officer, new MemberFilter(null, null, null, child.id()), PageRequest.of(0, 20)).getTotalElements())
			.isEqualTo(2);
		assertThat(members.list(officer, new MemberFilter("%", null, null, null), PageRequest.of(0, 20))).isEmpty();
	}

	// --- validation and concurrency --------------------------------------------------------------------------

	@Test
	void aFutureBirthDateOrABadEmailIsRefusedAndNothingSaved() {
		String name = unique("Ngô Văn Lỗi");
		SaveMember future = new SaveMember(unit.id(), name, LocalDate.now().plusDays(1), null, TargetGroup.RURAL_YOUTH,
				null, null, MemberStatus.YOUTH, null);
		assertThatThrownBy(() -> members.create(officer, future)).isInstanceOfSatisfying(BusinessException.class,
				e -> assertThat(e.field()).isEqualTo("dateOfBirth"));
		SaveMember old = new SaveMember(unit.id(), name, LocalDate.of(1899, 12, 31), null, TargetGroup.RURAL_YOUTH, null,
				null, MemberStatus.YOUTH, null);
		assertThatThrownBy(() -> members.create(officer, old)).isInstanceOfSatisfying(BusinessException.class,
				e -> assertThat(e.field()).isEqualTo("dateOfBirth"));
		SaveMember email = new SaveMember(unit.id(), name, null, null, TargetGroup.RURAL_YOUTH, null, "không phải thư",
				MemberStatus.YOUTH, null);
		assertThatThrownBy(() -> members.create(officer, email)).isInstanceOfSatisfying(BusinessException.class,
				e -> assertThat(e.field()).isEqualTo("email"));
		SaveMember phone = new SaveMember(unit.id(), name, null, null, TargetGroup.RURAL_YOUTH, "12ab", null,
				MemberStatus.YOUTH, null);
		assertThatThrownBy(() -> members.create(officer, phone)).isInstanceOf(BusinessException.class);
		assertThat(countNamed(name)).isZero();
	}

	@Test
	void aStaleEditConflicts() {
		MemberView m = members.create(officer, save(unit, unique("Đinh Thị Nga")));
		MemberView edited = members.edit(officer, m.id(), save(unit, "Đinh Thị Nga Mới").withVersion(m.version()));
		assertThat(edited.version()).isGreaterThan(m.version());
		assertThatThrownBy(() -> members.edit(officer, m.id(), save(unit, "Ghi đè").withVersion(m.version())))
			.isInstanceOf(ObjectOptimisticLockingFailureException.class);
		assertThat(members.get(officer, m.id()).fullName()).isEqualTo("Đinh Thị Nga Mới");
	}

	@Test
	void textIsStoredNfcAndTrimmedAndEmailsLowerCase() {
		String nfd = Normalizer.normalize("  Nguyễn Thị Ánh Dương\u200B ", Normalizer.Form.NFD);
		MemberView m = members.create(officer, save(unit, nfd));
		assertThat(m.fullName()).isEqualTo("Nguyễn Thị Ánh Dương");
		assertThat(Normalizer.isNormalized(m.fullName(), Normalizer.Form.NFC)).isTrue();
		assertThat(m.email()).isEqualTo("thu.ha@example.com");
	}

	@Test
	void aMovedUnitsMembersFollowItsPath() {
		UnitView a = newUnit(th);
		UnitView b = newUnit(th);
		UnitView c = newUnit(a);
		MemberView m = members.create(admin, save(c, unique("Mai Văn Chuyển")));
		Caller officerOfA = officerOf(a, "doan.thodan");
		assertThat(members.get(officerOfA, m.id()).id()).isEqualTo(m.id());
		units.move(admin, c.id(), new MoveUnit(b.id(), units.get(admin, c.id()).version()));
		String path = jdbc.sql("select unit_path from member where id = ?").param(m.id()).query(String.class).single();
		assertThat(path).isEqualTo(b.path() + c.id() + "/");
		assertThatThrownBy(() -> members.get(officerOfA, m.id())).isInstanceOf(ForbiddenException.class);
		assertThat(members.get(officerOf(b, "doan.thodan"), m.id()).version()).as("version bumped").isGreaterThan(m.version());
	}

	@Test
	void matchOrCreateFindsTheSamePersonIgnoringCaseAndFormAndElseCreatesAYouth() {
		String name = unique("Hoàng Thị Ngọc");
		MemberView first = members.matchOrCreate(officer, unit.id(), name, LocalDate.of(2002, 2, 2), TargetGroup.STUDENT);
		assertThat(first.status()).isEqualTo(MemberStatus.YOUTH);
		String nfdUpper = Normalizer.normalize(" " + name.toUpperCase(java.util.Locale.forLanguageTag("vi")), Normalizer.Form.NFD);
		assertThat(members.matchOrCreate(officer, unit.id(), nfdUpper, LocalDate.of(2002, 2, 2), TargetGroup.STUDENT).id())
			.isEqualTo(first.id());
		assertThat(members.matchOrCreate(officer, unit.id(), name, null, TargetGroup.STUDENT).id()).isEqualTo(first.id());
		assertThat(members.matchOrCreate(officer, unit.id(), name, LocalDate.of(2003, 3, 3), TargetGroup.STUDENT).id())
			.as("another birth date is another person").isNotEqualTo(first.id());
		String noDiacritics = vn.ideabank.common.text.TextNormalizer.fold(name);
		assertThat(members.matchOrCreate(officer, unit.id(), noDiacritics, LocalDate.of(2002, 2, 2), TargetGroup.STUDENT).id())
			.as("diacritics matter for a name").isNotEqualTo(first.id());
		UnitView thoTan = units.findByCode("TS-THOTAN").orElseThrow();
		assertThatThrownBy(() -> members.matchOrCreate(officer, thoTan.id(), name, null, TargetGroup.STUDENT))
			.isInstanceOf(ForbiddenException.class);
		assertThat(members.find(first.id())).isPresent();
		assertThat(members.findAll(List.of(first.id()))).containsKey(first.id());
	}

	@Test
	void theDemoAccountIsLinkedToItsMemberRecord() {
		long an = accounts.idOf("nguyen.van.an").orElseThrow();
		assertThat(members.findByAccount(an)).get().extracting(MemberView::fullName).isEqualTo("Nguyễn Văn An");
	}

	// --- import and export ------------------------------------------------------------------------------------

	private RowReport importRows(Caller caller, ImportMode mode, List<Object[]> rows) {
		return imports.importFile(caller, new ByteArrayInputStream(XlsxFiles.xlsx(rows)), mode);
	}

	private long countIn(UnitView u) {
		return jdbc.sql("select count(*) from member where unit_id = ?").param(u.id()).query(Long.class).single();
	}

	@Test
	void aGoodFileImportsEveryRow() {
		String nfd = Normalizer.normalize("Trương Thị Ánh", Normalizer.Form.NFD);
		RowReport report = importRows(officer, ImportMode.ALL_OR_NOTHING, List.of(HEADER,
				new Object[] { nfd, LocalDate.of(2001, 3, 15), "Nữ", "Thanh niên nông thôn", "Đoàn viên", unit.code(), "0912 345 678", "anh@example.com" },
				new Object[] { "Lương Văn Bình", "05/11/1999", "nam", "SINH VIEN", null, unit.code().toLowerCase(), null, null }));
		assertThat(report.problems()).isEmpty();
		assertThat(report.applied()).isTrue();
		assertThat(report.created()).isEqualTo(2);
		var list = members.list(officer, new MemberFilter(null, null, null, unit.id()), PageRequest.of(0, 20, Sort.by("nameKey")));
		assertThat(list).extracting(MemberView::fullName).containsExactly("Lương Văn Bình", "Trương Thị Ánh");
		MemberView binh = list.getContent().get(0);
		assertThat(binh.targetGroup()).isEqualTo(TargetGroup.STUDENT);
		assertThat(binh.status()).as("blank status").isEqualTo(MemberStatus.YOUTH);
		assertThat(binh.dateOfBirth()).isEqualTo(LocalDate.of(1999, 11, 5));
		assertThat(list.getContent().get(1).fullName()).as("stored NFC").isEqualTo("Trương Thị Ánh");
	}

	private List<Object[]> mixedRows() {
		return List.of(HEADER,
				new Object[] { "Người Tốt Một", "01/02/2000", "Nam", "Học sinh", "Đoàn viên", unit.code(), null, null },
				new Object[] { "Người Sai Ngày", "31/02/2000", "Nam", "Học sinh", "Đoàn viên", unit.code(), null, null },
				new Object[] { "Người Tốt Hai", null, null, "Thiếu niên, nhi đồng", "Thiếu nhi", unit.code(), null, null },
				new Object[] { "Người Ngoài Phạm Vi", null, null, "Học sinh", "Đoàn viên", "TS-THOTAN", null, null },
				new Object[] { null, null, "Không rõ", "Nông dân", null, unit.code(), "abc", "x@" });
	}

	@Test
	void allOrNothingImportsNothingAndReportsEachBadRowAndColumn() {
		RowReport report = importRows(officer, ImportMode.ALL_OR_NOTHING, mixedRows());
		assertThat(report.applied()).isFalse();
		assertThat(report.imported()).isZero();
		assertThat(countIn(unit)).isZero();
		assertThat(report.problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
			.contains(org.assertj.core.groups.Tuple.tuple(3, "B (Ngày sinh)", "member.import.badDate"),
					org.assertj.core.groups.Tuple.tuple(5, "F (Mã đơn vị)", "member.import.unitOutOfScope"),
					org.assertj.core.groups.Tuple.tuple(6, "A (Họ và tên)", "member.invalid.fullName"),
					org.assertj.core.groups.Tuple.tuple(6, "C (Giới tính)", "member.import.badValue"),
					org.assertj.core.groups.Tuple.tuple(6, "D (Đối tượng)", "member.import.badValue"),
					org.assertj.core.groups.Tuple.tuple(6, "G (Điện thoại)", "member.invalid.phone"),
					org.assertj.core.groups.Tuple.tuple(6, "H (Thư điện tử)", "member.invalid.email"));
		assertThat(report.problems()).extracting(ImportProblem::row).doesNotContain(2, 4);
		assertThat(report.problems().stream().filter(p -> p.row() == 5).findFirst().orElseThrow().args()).containsExactly("TS-THOTAN");
	}

	@Test
	void validOnlyImportsTheGoodRowsOnly() {
		RowReport report = importRows(officer, ImportMode.VALID_ONLY, mixedRows());
		assertThat(report.applied()).isTrue();
		assertThat(report.created()).isEqualTo(2);
		assertThat(report.problems()).extracting(ImportProblem::row).containsOnly(3, 5, 6);
		assertThat(members.list(officer, new MemberFilter(null, null, null, unit.id()), PageRequest.of(0, 20, Sort.by("nameKey"))))
			.extracting(MemberView::fullName).containsExactly("Người Tốt Hai", "Người Tốt Một");
		assertThat(countNamed("Người Ngoài Phạm Vi")).isZero();
	}

	private void assertRefused(byte[] file, String key) {
		for (ImportMode mode : ImportMode.values()) {
			assertThatThrownBy(() -> imports.importFile(officer, new ByteArrayInputStream(file), mode))
				.isInstanceOfSatisfying(XlsxRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
		}
		assertThat(countIn(unit)).isZero();
	}

	@Test
	void refusedFilesImportNothing() {
		Object[] good = { "Người Tốt", "01/02/2000", "Nam", "Học sinh", "Đoàn viên", unit.code(), null, null };
		assertRefused(XlsxFiles.xlsx(List.of(HEADER, good, new Object[] { "=CONCAT(\"a\",\"b\")", null, null, "Học sinh", null, unit.code() })),
				"xlsx.error.formulas");
		assertRefused(XlsxFiles.xlsm(List.of(HEADER, good)), "xlsx.error.macro");
		assertRefused("Họ và tên;Mã đơn vị\nA;B".getBytes(java.nio.charset.StandardCharsets.UTF_8), "xlsx.error.notXlsx");
		byte[] big = new byte[(int) (imports.maxMegabytes() * 1024 * 1024) + 1];
		big[0] = 'P';
		big[1] = 'K';
		assertRefused(big, "xlsx.error.tooLarge");
		List<Object[]> many = new ArrayList<>();
		many.add(HEADER);
		for (int i = 0; i <= imports.maxRows(); i++) {
			many.add(new Object[] { "Người " + i, null, null, "Học sinh", null, unit.code() });
		}
		assertRefused(XlsxFiles.xlsx(many), "xlsx.error.tooManyRows");
		assertRefused(XlsxFiles.zipBomb(List.of(HEADER, good), 40 * 1024 * 1024), "xlsx.error.zipBomb");
		assertRefused(XlsxFiles.xlsx(List.of(new Object[] { "Tên", "Ngày" }, good)), "xlsx.error.missingColumn");
	}

	@Test
	void anExportImportsBackToTheSameMembers() throws Exception {
		members.create(officer, save(unit, "Nguyễn Thị Thu Hà"));
		members.create(officer, new SaveMember(unit.id(), "Lê Văn Đạt", null, Gender.MALE, TargetGroup.ENTREPRENEUR,
				"+84 912 000 111", null, MemberStatus.YOUTH, null));
		members.create(officer, new SaveMember(unit.id(), "Bé Na", LocalDate.of(2015, 1, 9), null, TargetGroup.CHILDREN,
				null, null, MemberStatus.CHILD, null));
		MemberFilter filter = new MemberFilter(null, null, null, unit.id());
		List<MemberView> before = members.list(officer, filter, PageRequest.of(0, 20, Sort.by("nameKey"))).getContent();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		imports.export(officer, filter, out);

		RowReport again = imports.importFile(officer, new ByteArrayInputStream(out.toByteArray()), ImportMode.ALL_OR_NOTHING);
		assertThat(again.problems()).isEmpty();
		assertThat(again.created()).as("the same people are recognised").isZero();
		assertThat(again.updated()).isEqualTo(3);

		jdbc.sql("delete from member where unit_id = ?").param(unit.id()).update();
		RowReport fresh = imports.importFile(officer, new ByteArrayInputStream(out.toByteArray()), ImportMode.ALL_OR_NOTHING);
		assertThat(fresh.created()).isEqualTo(3);
		List<MemberView> after = members.list(officer, filter, PageRequest.of(0, 20, Sort.by("nameKey"))).getContent();
		assertThat(after).usingRecursiveFieldByFieldElementComparatorIgnoringFields("id", "version")
			.containsExactlyElementsOf(before);
	}
}
