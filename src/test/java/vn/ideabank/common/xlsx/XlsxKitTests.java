package vn.ideabank.common.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

/** The .xlsx kit on its own: what it reads, what it refuses and why, what it writes. */
class XlsxKitTests {

	private final XlsxReader reader = new XlsxReader(new ImportLimits(DataSize.ofMegabytes(5), 50));

	private static final Object[] HEADER = { "Họ và tên", "Ngày sinh", "Ghi chú" };

	private XlsxSheet read(byte[] bytes) {
		return reader.read(new ByteArrayInputStream(bytes));
	}

	private String refusal(byte[] bytes) {
		try {
			read(bytes);
		}
		catch (XlsxRejectedException e) {
			return e.messageKey();
		}
		throw new AssertionError("the file was accepted");
	}

	private static String randomText(int length) {
		java.util.Random random = new java.util.Random(42);
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < length; i++) {
			b.append((char) ('a' + random.nextInt(26)));
		}
		return b.toString();
	}

	@Test
	void readsTextDatesAndNumbersAsTyped() {
		String nfd = Normalizer.normalize("Nguyễn Thị Ánh", Normalizer.Form.NFD);
		XlsxSheet sheet = read(XlsxFiles.xlsx(List.of(HEADER,
				new Object[] { nfd, LocalDate.of(2001, 3, 15), 912345678 },
				new Object[] { null, null, null },
				new Object[] { "Lê Văn B", "05/11/1999", "x" })));
		assertThat(sheet.header()).containsExactly("Họ và tên", "Ngày sinh", "Ghi chú");
		assertThat(sheet.rows()).hasSize(2);
		XlsxSheet.Row first = sheet.rows().get(0);
		assertThat(first.number()).isEqualTo(2);
		assertThat(first.cell(0).text()).isEqualTo("Nguyễn Thị Ánh").isNotEqualTo(nfd);
		assertThat(first.cell(1).dateFormatted()).isTrue();
		assertThat(first.cell(1).asDate()).isEqualTo(LocalDate.of(2001, 3, 15));
		assertThat(first.cell(2).text()).isEqualTo("912345678");
		XlsxSheet.Row second = sheet.rows().get(1);
		assertThat(second.number()).as("the blank row is skipped but numbering follows Excel").isEqualTo(4);
		assertThat(second.cell(1).asDate()).isEqualTo(LocalDate.of(1999, 11, 5));
		assertThatThrownBy(() -> XlsxCell.text("31/02/2000").asDate()).isInstanceOf(IllegalArgumentException.class);
		assertThat(sheet.column("ho va ten")).isZero();
		assertThat(sheet.describe(1)).isEqualTo("B (Ngày sinh)");
	}

	@Test
	void refusesFormulasNamingEachCell() {
		byte[] file = XlsxFiles.xlsx(List.of(HEADER, new Object[] { "A", "=DATE(2000,1,1)", "x" },
				new Object[] { "B", "01/01/2000", "=1+1" }));
		assertThatThrownBy(() -> read(file)).isInstanceOfSatisfying(XlsxRejectedException.class, e -> {
			assertThat(e.messageKey()).isEqualTo("xlsx.error.formulas");
			assertThat(e.problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(2, "B", "xlsx.error.formula"),
						org.assertj.core.groups.Tuple.tuple(3, "C", "xlsx.error.formula"));
		});
	}

	@Test
	void refusesMacroEnabledWorkbooks() {
		assertThat(refusal(XlsxFiles.xlsm(List.of(HEADER, new Object[] { "A", "01/01/2000", "x" }))))
			.isEqualTo("xlsx.error.macro");
	}

	@Test
	void refusesWhatIsNotAnXlsxWhateverItsName() {
		assertThat(refusal("Họ và tên,Ngày sinh\nA,01/01/2000\n".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("xlsx.error.notXlsx");
		assertThat(refusal(new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0 }))
			.isEqualTo("xlsx.error.legacyOrEncrypted");
		// a zip, but no spreadsheet inside
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (var out = new java.util.zip.ZipOutputStream(zip)) {
			out.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
			out.write("xin chào".getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}
		catch (IOException e) {
			throw new AssertionError(e);
		}
		assertThat(refusal(zip.toByteArray())).isEqualTo("xlsx.error.notXlsx");
		assertThat(refusal(new byte[0])).isEqualTo("xlsx.error.empty");
	}

	@Test
	void refusesFilesOverTheByteLimitBeforeReadingThem() {
		XlsxReader small = new XlsxReader(new ImportLimits(DataSize.ofKilobytes(4), 50));
		byte[] file = XlsxFiles.xlsx(List.of(HEADER, new Object[] { "A", "01/01/2000", randomText(20_000) }));
		assertThat(file.length).isGreaterThan(4 * 1024);
		assertThatThrownBy(() -> small.read(new ByteArrayInputStream(file)))
			.isInstanceOfSatisfying(XlsxRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("xlsx.error.tooLarge"));
		assertThat(refusal(new byte[5 * 1024 * 1024 + 1])).isEqualTo("xlsx.error.tooLarge");
	}

	@Test
	void refusesMoreRowsThanTheLimit() {
		List<Object[]> rows = new ArrayList<>();
		rows.add(HEADER);
		for (int i = 0; i < 50; i++) {
			rows.add(new Object[] { "Người " + i, "01/01/2000", "x" });
		}
		assertThat(read(XlsxFiles.xlsx(rows)).rows()).hasSize(50);
		rows.add(new Object[] { "Người 51", "01/01/2000", "x" });
		assertThat(refusal(XlsxFiles.xlsx(rows))).isEqualTo("xlsx.error.tooManyRows");
	}

	@Test
	void refusesAZipBomb() {
		byte[] bomb = XlsxFiles.zipBomb(List.of(HEADER, new Object[] { "A", "01/01/2000", "x" }), 40 * 1024 * 1024);
		assertThat(bomb.length).as("small on disk").isLessThan(300 * 1024);
		assertThat(refusal(bomb)).isEqualTo("xlsx.error.zipBomb");
	}

	@Test
	void exportsStreamWithABoldHeaderRealDatesAndVietnameseText() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		XlsxWriter.export(out, "Đoàn viên", List.of("Họ và tên", "Ngày sinh"), sink -> {
			for (int i = 0; i < 1000; i++) {
				sink.row("Trịnh Thị Ngọc Ánh " + i, LocalDate.of(2000, 1, 1).plusDays(i));
			}
			sink.row("=1+1", null);
		});
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			var sheet = wb.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("Đoàn viên");
			assertThat(wb.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Trịnh Thị Ngọc Ánh 0");
			assertThat(DateUtil.isCellDateFormatted(sheet.getRow(1).getCell(1))).isTrue();
			assertThat(sheet.getRow(1).getCell(1).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2000, 1, 1));
			assertThat(sheet.getLastRowNum()).isEqualTo(1001);
			assertThat(sheet.getRow(1001).getCell(0).getCellType()).as("exported text never becomes a formula")
				.isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
		}
		// and what the kit writes, it reads back
		XlsxSheet back = new XlsxReader(new ImportLimits(DataSize.ofMegabytes(5), 5_000)).read(new ByteArrayInputStream(out.toByteArray()));
		assertThat(back.rows()).hasSize(1001);
		assertThat(back.rows().get(0).cell(1).asDate()).isEqualTo(LocalDate.of(2000, 1, 1));
	}

	@Test
	void templatesHaveAHeaderAnExampleAndAGuideListingAllowedValues() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		XlsxWriter.template(out, "Đoàn viên", List.of(XlsxWriter.TemplateColumn.of("Họ và tên", "Nguyễn Văn A", "Bắt buộc"),
				new XlsxWriter.TemplateColumn("Giới tính", "Nam", List.of("Nam", "Nữ", "Khác"), "Không bắt buộc", false)),
				"Hướng dẫn", List.of("Cột", "Cách ghi", "Giá trị cho phép"));
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(wb.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("Giới tính");
			assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("Nguyễn Văn A");
			var guide = wb.getSheet("Hướng dẫn");
			assertThat(guide).isNotNull();
			List<String> allowed = new ArrayList<>();
			guide.forEach(r -> {
				if (r.getCell(2) != null) {
					allowed.add(r.getCell(2).getStringCellValue());
				}
			});
			assertThat(allowed).contains("Nam", "Nữ", "Khác");
		}
	}
}
