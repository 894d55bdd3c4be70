package vn.ideabank.idea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static vn.ideabank.idea.IdeaImportTestFiles.header;
import static vn.ideabank.idea.IdeaImportTestFiles.row;
import static vn.ideabank.idea.IdeaImportTestFiles.thisYear;

import java.io.ByteArrayInputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.xlsx.ImportMode;
import vn.ideabank.common.xlsx.ImportProblem;
import vn.ideabank.common.xlsx.XlsxFiles;
import vn.ideabank.common.xlsx.XlsxRejectedException;
import vn.ideabank.idea.IdeaImportService.IdeaImportReport;
import vn.ideabank.idea.IdeaImportService.ImportedIdea;

/** Importing ideas from .xlsx through the service, as the unit officer of Thọ Dân. */
class IdeaImportServiceTests extends IntegrationTest {

	private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

	@Autowired
	IdeaImportService imports;

	@Autowired
	JdbcClient jdbc;

	private IdeaImportReport importAs(String username, byte[] file, ImportMode mode) {
		return imports.importFile(caller(username), new ByteArrayInputStream(file), mode);
	}

	private long ideasTitled(String fragment) {
		return jdbc.sql("select count(*) from idea where title like ?").param("%" + fragment + "%").query(Long.class).single();
	}

	private long membersNamed(String name) {
		return jdbc.sql("select count(*) from member where full_name = ?").param(name).query(Long.class).single();
	}

	private static String nfd(String s) {
		return Normalizer.normalize(s, Normalizer.Form.NFD);
	}

	@Test
	void aGoodFileWithDecomposedTextImportsEveryRowWithCodesAndMatchedOrNewAuthors() {
		String tag = "Tốt " + RUN;
		String newAuthor = "Tạ Thị Mới " + RUN;
		long anId = jdbc.sql("""
				select m.id from member m join org_unit u on u.id = m.unit_id
				 where u.code = 'TS-THODAN-T1' and m.full_name = 'Nguyễn Văn An'""").query(Long.class).single();
		byte[] file = XlsxFiles.xlsx(List.of(header(),
				row(nfd("Máy gieo hạt cải tiến " + tag), "Tác giả", nfd("Nguyễn Văn An"), "Tóm tắt", nfd("Gieo đều, tiết kiệm giống.")),
				// labels without diacritics, in English and as codes; two authors (one on the roster, one new)
				row(nfd("Ứng dụng tra cứu thủ tục " + tag), "Loại", "sang kien", "Lợi ích", "tiet kiem; Lower cost",
						"Đối tượng", "YOUNG_OFFICIAL", "Lĩnh vực chuyên môn", "cai cach hanh chinh",
						"Tác giả", nfd(newAuthor) + "; Nguyễn Văn An", "Ngày sinh tác giả", null, "Không công khai", "có"),
				row("Mô hình chợ 4.0 " + tag, "Loại", "Model", "Năm", String.valueOf(thisYear() - 3), "Đối tượng", "rural youth",
						"Tác giả", "nguyễn văn an", "Ngày sinh tác giả", "12/04/1998")));

		IdeaImportReport result = importAs("doan.thodan", file, ImportMode.ALL_OR_NOTHING);

		assertThat(result.report().problems()).isEmpty();
		assertThat(result.report().applied()).isTrue();
		assertThat(result.report().rows()).isEqualTo(3);
		assertThat(result.report().created()).isEqualTo(3);
		assertThat(result.ideas()).extracting(ImportedIdea::row).containsExactly(2, 3, 4);
		assertThat(result.ideas()).allSatisfy(i -> {
			assertThat(i.code()).matches("TS-\\d{4}-\\d{6}");
			assertThat(i.status()).isEqualTo(IdeaStatus.DRAFT);
		});
		assertThat(result.ideas().get(0).code()).startsWith("TS-" + thisYear() + "-");
		assertThat(result.ideas().get(2).code()).startsWith("TS-" + (thisYear() - 3) + "-");
		// stored NFC, exactly as typed
		List<String> titles = jdbc.sql("select title from idea where title like ? order by id").param("%" + tag)
			.query(String.class).list();
		assertThat(titles).containsExactly("Máy gieo hạt cải tiến " + tag, "Ứng dụng tra cứu thủ tục " + tag,
				"Mô hình chợ 4.0 " + tag);
		assertThat(titles).allSatisfy(t -> assertThat(Normalizer.isNormalized(t, Normalizer.Form.NFC)).isTrue());
		assertThat(jdbc.sql("select summary from idea where title = ?").param("Máy gieo hạt cải tiến " + tag)
			.query(String.class).single()).isEqualTo("Gieo đều, tiết kiệm giống.");
		// labels understood
		var second = jdbc.sql("select kind, target_group, sector_field, public_opt_out from idea where title = ?")
			.param("Ứng dụng tra cứu thủ tục " + tag).query((rs, n) -> List.of(rs.getString(1), rs.getString(2),
					rs.getString(3), rs.getBoolean(4))).single();
		assertThat(second).containsExactly("INITIATIVE", "YOUNG_OFFICIAL", "ADMIN_REFORM", true);
		assertThat(jdbc.sql("select benefit from idea_benefit b join idea i on i.id = b.idea_id where i.title = ? order by benefit")
			.param("Ứng dụng tra cứu thủ tục " + tag).query(String.class).list()).containsExactly("LOWER_COST", "SAVING");
		// authors: Nguyễn Văn An matched on the roster every time, the new name added once to the unit
		assertThat(jdbc.sql("select count(*) from member m join org_unit u on u.id = m.unit_id"
				+ " where u.code = 'TS-THODAN-T1' and m.full_name = 'Nguyễn Văn An'").query(Long.class).single()).isOne();
		List<Long> anAuthors = jdbc.sql("select a.member_id from idea_author a join idea i on i.id = a.idea_id"
				+ " where i.title like ? and a.full_name = 'Nguyễn Văn An'").param("%" + tag).query(Long.class).list();
		assertThat(anAuthors).hasSize(3).containsOnly(anId);
		assertThat(membersNamed(newAuthor)).isOne();
		assertThat(jdbc.sql("select u.code || ' ' || m.target_group from member m join org_unit u on u.id = m.unit_id where m.full_name = ?")
			.param(newAuthor).query(String.class).single()).isEqualTo("TS-THODAN-T1 YOUNG_OFFICIAL");
		// history: created by the importing officer
		assertThat(jdbc.sql("select h.step || ' ' || h.actor_name from idea_history h where h.idea_id = ?")
			.param(result.ideas().get(0).id()).query(String.class).list()).containsExactly("CREATE Đoàn xã Thọ Dân");
	}

	private static List<Object[]> mixedRows(String tag) {
		List<Object[]> rows = new ArrayList<>();
		rows.add(header());
		rows.add(row("Ý tưởng tốt " + tag, "Tác giả", "Tác Giả Tốt " + tag, "Ngày sinh tác giả", null));
		rows.add(row("Đơn vị lạ " + tag, "Mã đơn vị", "TS-KHONG-CO"));
		rows.add(row("Ngoài phạm vi " + tag, "Mã đơn vị", "TS-THOTAN"));
		rows.add(row("Năm sau " + tag, "Năm", thisYear() + 1));
		rows.add(row(null, "Tóm tắt", "Không có tên " + tag));
		rows.add(row("Loại lạ " + tag, "Loại", "Bài thơ"));
		rows.add(row("Dài quá " + tag + " " + "x".repeat(300)));
		return rows;
	}

	@Test
	void aMixedFileInAllOrNothingModeImportsNothingAndReportsEachBadRowByRowAndColumn() {
		String tag = "Trộn " + RUN;
		IdeaImportReport result = importAs("doan.thodan", XlsxFiles.xlsx(mixedRows(tag)), ImportMode.ALL_OR_NOTHING);

		assertThat(result.report().applied()).isFalse();
		assertThat(result.report().created()).isZero();
		assertThat(result.report().rows()).isEqualTo(7);
		assertThat(result.ideas()).isEmpty();
		assertThat(result.report().problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
			.containsExactly(
					tuple(3, "A (Mã đơn vị)", "idea.import.unknownUnit"),
					tuple(4, "A (Mã đơn vị)", "idea.import.unitOutOfScope"),
					tuple(5, "B (Năm)", "idea.import.futureYear"),
					tuple(6, "D (Tên ý tưởng)", "idea.import.required"),
					tuple(7, "C (Loại)", "idea.import.badValue"),
					tuple(8, "D (Tên ý tưởng)", "idea.import.tooLong"));
		assertThat(result.report().problems().get(1).args()).containsExactly("TS-THOTAN");
		assertThat(result.report().problems().get(5).args()).containsExactly(300);
		assertThat(ideasTitled(tag)).isZero();
		assertThat(membersNamed("Tác Giả Tốt " + tag)).as("no author added either").isZero();
	}

	@Test
	void validOnlyImportsTheGoodRowsAndReportsTheOthers() {
		String tag = "Chỉ tốt " + RUN;
		IdeaImportReport result = importAs("doan.thodan", XlsxFiles.xlsx(mixedRows(tag)), ImportMode.VALID_ONLY);

		assertThat(result.report().applied()).isTrue();
		assertThat(result.report().created()).isOne();
		assertThat(result.report().problems()).hasSize(6);
		assertThat(result.ideas()).extracting(ImportedIdea::row, ImportedIdea::title)
			.containsExactly(tuple(2, "Ý tưởng tốt " + tag));
		assertThat(ideasTitled(tag)).isOne();
		assertThat(membersNamed("Tác Giả Tốt " + tag)).isOne();
	}

	@Test
	void dangerousOrWrongFilesAreRefusedWholeAndNothingIsImported() {
		String tag = "Từ chối " + RUN;
		byte[] formula = XlsxFiles.xlsx(List.of(header(), row("Công thức " + tag), row("Có công thức " + tag, "Năm", "=2020+1")));
		byte[] macro = XlsxFiles.xlsm(List.of(header(), row("Macro " + tag)));
		byte[] renamed = ("Tên ý tưởng;Năm\nĐổi tên " + tag + ";2024\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		List<Object[]> many = new ArrayList<>();
		many.add(header());
		for (int i = 0; i <= imports.maxRows(); i++) {
			many.add(new Object[] { "TS-THODAN-T1", thisYear(), "Ý tưởng", "Nhiều dòng " + tag + " " + i });
		}
		byte[] tooMany = XlsxFiles.xlsx(many);

		assertThatThrownBy(() -> importAs("doan.thodan", formula, ImportMode.VALID_ONLY))
			.isInstanceOfSatisfying(XlsxRejectedException.class, e -> {
				assertThat(e.messageKey()).isEqualTo("xlsx.error.formulas");
				assertThat(e.problems()).extracting(ImportProblem::row, ImportProblem::column).containsExactly(tuple(3, "B"));
			});
		assertThatThrownBy(() -> importAs("doan.thodan", macro, ImportMode.VALID_ONLY))
			.isInstanceOfSatisfying(XlsxRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("xlsx.error.macro"));
		assertThatThrownBy(() -> importAs("doan.thodan", renamed, ImportMode.VALID_ONLY))
			.isInstanceOfSatisfying(XlsxRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("xlsx.error.notXlsx"));
		assertThatThrownBy(() -> importAs("doan.thodan", tooMany, ImportMode.VALID_ONLY))
			.isInstanceOfSatisfying(XlsxRejectedException.class, e -> {
				assertThat(e.messageKey()).isEqualTo("xlsx.error.tooManyRows");
				assertThat(e.args()).containsExactly(imports.maxRows());
			});
		byte[] noTitleColumn = XlsxFiles.xlsx(List.of(new Object[] { "Mã đơn vị", "Năm", "Loại", "Đối tượng", "Tác giả" },
				new Object[] { "TS-THODAN-T1", thisYear(), "Ý tưởng", "Học sinh", "Thiếu Cột " + tag }));
		assertThatThrownBy(() -> importAs("doan.thodan", noTitleColumn, ImportMode.VALID_ONLY))
			.isInstanceOfSatisfying(XlsxRejectedException.class, e -> {
				assertThat(e.messageKey()).isEqualTo("xlsx.error.missingColumn");
				assertThat(e.args()).containsExactly("Tên ý tưởng");
			});
		assertThat(ideasTitled(tag)).isZero();
	}

	@Test
	void submitNowSubmitsCompleteIdeasAndTreatsIncompleteOnesByMode() {
		String tag = "Gửi " + RUN;
		byte[] file = XlsxFiles.xlsx(List.of(header(),
				row("Đủ nội dung " + tag, "Gửi luôn", "Có"),
				row("Thiếu nội dung " + tag, "Gửi luôn", "co", "Tính mới", null, "Phạm vi: ở đâu", null)));

		IdeaImportReport strict = importAs("doan.thodan", file, ImportMode.ALL_OR_NOTHING);
		assertThat(strict.report().applied()).isFalse();
		assertThat(strict.report().problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
			.containsExactly(tuple(3, "U (Gửi luôn)", "idea.import.incomplete"));
		assertThat(strict.report().problems().get(0).args()).containsExactly("Tính mới, Phạm vi: ở đâu");
		assertThat(ideasTitled(tag)).isZero();

		IdeaImportReport lenient = importAs("doan.thodan", file, ImportMode.VALID_ONLY);
		assertThat(lenient.report().applied()).isTrue();
		assertThat(lenient.ideas()).extracting(ImportedIdea::row, ImportedIdea::status)
			.containsExactly(tuple(2, IdeaStatus.SUBMITTED), tuple(3, IdeaStatus.DRAFT));
		assertThat(lenient.report().problems()).extracting(ImportProblem::row, ImportProblem::reason)
			.containsExactly(tuple(3, "idea.import.leftDraft"));
		assertThat(jdbc.sql("select h.step from idea_history h join idea i on i.id = h.idea_id where i.title = ? order by h.id")
			.param("Đủ nội dung " + tag).query(String.class).list()).containsExactly("CREATE", "SUBMIT");
		assertThat(jdbc.sql("select status from idea where title = ?").param("Thiếu nội dung " + tag).query(String.class)
			.single()).isEqualTo("DRAFT");
	}

	@Test
	void otherBadCellsAreReportedWithTheirColumn() {
		String tag = "Ô sai " + RUN;
		byte[] file = XlsxFiles.xlsx(List.of(header(),
				row("Năm cũ " + tag, "Năm", 1999),
				row("Năm chữ " + tag, "Năm", "năm ngoái"),
				row("Lợi ích lạ " + tag, "Lợi ích", "Tăng năng suất; Vui vẻ"),
				row("Không có đối tượng " + tag, "Đối tượng", null),
				row("Không tác giả " + tag, "Tác giả", null),
				row("Hai tác giả một ngày sinh " + tag, "Tác giả", "A " + tag + "; B " + tag),
				row("Ngày sinh sai " + tag, "Ngày sinh tác giả", "31/02/2000"),
				row("Có không sai " + tag, "Gửi luôn", "Có lẽ")));
		IdeaImportReport result = importAs("doan.thodan", file, ImportMode.ALL_OR_NOTHING);
		assertThat(result.report().problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
			.containsExactly(
					tuple(2, "B (Năm)", "idea.import.badYear"),
					tuple(3, "B (Năm)", "idea.import.badYear"),
					tuple(4, "I (Lợi ích)", "idea.import.badValue"),
					tuple(5, "P (Đối tượng)", "idea.import.required"),
					tuple(6, "Q (Tác giả)", "idea.import.required"),
					tuple(7, "R (Ngày sinh tác giả)", "idea.import.birthDateOneAuthor"),
					tuple(8, "R (Ngày sinh tác giả)", "idea.import.badDate"),
					tuple(9, "U (Gửi luôn)", "idea.import.badYesNo"));
		assertThat(result.report().problems().get(2).args()).containsExactly("Vui vẻ");
		assertThat(ideasTitled(tag)).isZero();
	}

	@Test
	void onlyOfficersMayImport() {
		byte[] file = XlsxFiles.xlsx(List.of(header(), row("Thành viên " + RUN)));
		assertThatThrownBy(() -> importAs("nguyen.van.an", file, ImportMode.VALID_ONLY)).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> importAs("tran.thi.binh", file, ImportMode.VALID_ONLY)).isInstanceOf(ForbiddenException.class);
		assertThat(ideasTitled("Thành viên " + RUN)).isZero();
		// the office of the district covers Thọ Dân
		assertThat(importAs("huyendoan.trieuson", file, ImportMode.ALL_OR_NOTHING).report().created()).isOne();
	}

	@Test
	void importingTheSameSheetTwiceCreatesNothingTheSecondTimeAndNamesTheIdeasAlreadyThere() {
		String tag = "Hai lần " + RUN;
		String folded = vn.ideabank.common.text.TextNormalizer.fold("Máy sấy nông sản " + tag).toUpperCase() + ".";
		byte[] file = XlsxFiles.xlsx(List.of(header(),
				row("Máy sấy nông sản " + tag),
				row("Sổ tay đoàn viên điện tử " + tag, "Tác giả", "Lê Thị Hai"),
				// the first row again, without diacritics, in capitals, with a full stop: the same idea
				row(folded, "Tác giả", "NGUYEN VAN AN"),
				// the same title by another first author is another idea
				row("Máy sấy nông sản " + tag, "Tác giả", "Trần Văn Khác " + RUN)));

		IdeaImportReport first = importAs("doan.thodan", file, ImportMode.ALL_OR_NOTHING);
		assertThat(first.report().applied()).isTrue();
		assertThat(first.report().created()).isEqualTo(3);
		String dryer = first.ideas().get(0).code();
		assertThat(first.skipped()).extracting(IdeaImportService.SkippedIdea::row, IdeaImportService.SkippedIdea::existingCode)
			.containsExactly(tuple(4, dryer));
		assertThat(first.report().problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
			.containsExactly(tuple(4, "D (Tên ý tưởng)", "idea.import.duplicate"));
		assertThat(first.report().problems().get(0).args()).containsExactly(dryer);

		IdeaImportReport second = importAs("doan.thodan", file, ImportMode.ALL_OR_NOTHING);
		assertThat(second.report().applied()).isTrue();
		assertThat(second.report().created()).isZero();
		assertThat(second.ideas()).isEmpty();
		assertThat(second.skipped()).extracting(IdeaImportService.SkippedIdea::row).containsExactly(2, 3, 4, 5);
		assertThat(second.skipped().get(0).existingCode()).isEqualTo(dryer);
		assertThat(ideasTitled(tag)).isEqualTo(3);
		assertThat(jdbc.sql("select count(*) from idea where title = ?").param(folded).query(Long.class).single()).isZero();
	}
}
