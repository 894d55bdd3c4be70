package vn.ideabank.common.xlsx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;

/** Test workbooks made with POI on the fly: no binary fixtures. */
public final class XlsxFiles {

	private XlsxFiles() {
	}

	/** A workbook whose first sheet holds the rows; a String starting with "=" becomes a formula. */
	public static byte[] xlsx(List<Object[]> rows) {
		return build(rows, XSSFWorkbookType.XLSX);
	}

	public static byte[] xlsm(List<Object[]> rows) {
		return build(rows, XSSFWorkbookType.XLSM);
	}

	private static byte[] build(List<Object[]> rows, XSSFWorkbookType type) {
		try (XSSFWorkbook wb = new XSSFWorkbook(type); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet("Đoàn viên");
			CellStyle date = wb.createCellStyle();
			date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				Object[] values = rows.get(r);
				for (int c = 0; c < values.length; c++) {
					Object v = values[c];
					if (v == null) {
						continue;
					}
					Cell cell = row.createCell(c);
					if (v instanceof LocalDate d) {
						cell.setCellValue(d);
						cell.setCellStyle(date);
					}
					else if (v instanceof Number n) {
						cell.setCellValue(n.doubleValue());
					}
					else if (v.toString().startsWith("=")) {
						cell.setCellFormula(v.toString().substring(1));
					}
					else {
						cell.setCellValue(v.toString());
					}
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * A zip bomb: a real workbook whose sheet XML is replaced by one padded with {@code blankBytes} of
	 * whitespace, which deflate squeezes to almost nothing.
	 */
	public static byte[] zipBomb(List<Object[]> rows, int blankBytes) {
		byte[] base = xlsx(rows);
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(base));
				ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				ZipOutputStream out = new ZipOutputStream(bytes)) {
			for (ZipEntry e; (e = in.getNextEntry()) != null;) {
				out.putNextEntry(new ZipEntry(e.getName()));
				if (e.getName().equals("xl/worksheets/sheet1.xml")) {
					String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
					int at = xml.indexOf("<sheetData>") + "<sheetData>".length();
					out.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
					byte[] blanks = new byte[1 << 16];
					java.util.Arrays.fill(blanks, (byte) ' ');
					for (int written = 0; written < blankBytes; written += blanks.length) {
						out.write(blanks);
					}
					out.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
				}
				else {
					in.transferTo(out);
				}
				out.closeEntry();
			}
			out.finish();
			return bytes.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
