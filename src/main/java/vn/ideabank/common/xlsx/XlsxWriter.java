package vn.ideabank.common.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes .xlsx: streaming exports (SXSSF keeps a window of rows in memory, the rest goes to a
 * temporary file) and import templates (header, one example row, a guide sheet listing the allowed
 * values). Text is written as given (Vietnamese stays NFC), dates as real Excel dates (dd/mm/yyyy).
 */
public final class XlsxWriter {

	/** Rows kept in memory while streaming. */
	private static final int WINDOW = 200;

	private static final String DATE_FORMAT = "dd/mm/yyyy";

	private XlsxWriter() {
	}

	/** Receives the rows of an export, one call per row; values are text, numbers, dates or null. */
	@FunctionalInterface
	public interface RowSink {

		void row(Object... values);
	}

	/** Fills the export's rows. */
	@FunctionalInterface
	public interface RowSource {

		void writeTo(RowSink sink);
	}

	/** One column of an import template. */
	public record TemplateColumn(String header, Object example, List<String> allowedValues, String note, boolean text) {

		public TemplateColumn {
			allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
		}

		public static TemplateColumn of(String header, Object example, String note) {
			return new TemplateColumn(header, example, List.of(), note, false);
		}
	}

	/** Streams one sheet: a bold header row, then the rows the source writes. */
	public static void export(OutputStream out, String sheetName, List<String> headers, RowSource source)
			throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
		try {
			workbook.setCompressTempFiles(true);
			SXSSFSheet sheet = workbook.createSheet(safeSheetName(sheetName));
			Styles styles = new Styles(workbook);
			writeRow(sheet.createRow(0), styles.header, headers.toArray(), styles);
			int[] next = { 1 };
			source.writeTo(values -> writeRow(sheet.createRow(next[0]++), null, values, styles));
			for (int i = 0; i < headers.size(); i++) {
				sheet.setColumnWidth(i, 20 * 256);
			}
			sheet.createFreezePane(0, 1);
			workbook.write(out);
		}
		finally {
			workbook.close(); // also deletes the temporary files
		}
	}

	/**
	 * An import template: a first sheet with the header row and one example row, and a guide sheet
	 * listing each column's note and its allowed values.
	 */
	public static void template(OutputStream out, String sheetName, List<TemplateColumn> columns, String guideSheetName,
			List<String> guideHeaders) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Styles styles = new Styles(workbook);
			Sheet sheet = workbook.createSheet(safeSheetName(sheetName));
			Row header = sheet.createRow(0);
			Row example = sheet.createRow(1);
			for (int i = 0; i < columns.size(); i++) {
				TemplateColumn c = columns.get(i);
				Cell h = header.createCell(i);
				h.setCellValue(c.header());
				h.setCellStyle(styles.header);
				writeCell(example.createCell(i), c.example(), styles);
				if (c.text()) {
					sheet.setDefaultColumnStyle(i, styles.text);
					example.getCell(i).setCellStyle(styles.text);
				}
				sheet.setColumnWidth(i, 22 * 256);
			}
			sheet.createFreezePane(0, 1);
			Sheet guide = workbook.createSheet(safeSheetName(guideSheetName));
			Row gh = guide.createRow(0);
			for (int i = 0; i < guideHeaders.size(); i++) {
				Cell cell = gh.createCell(i);
				cell.setCellValue(guideHeaders.get(i));
				cell.setCellStyle(styles.header);
				guide.setColumnWidth(i, (i == 0 ? 22 : 60) * 256);
			}
			int r = 1;
			for (TemplateColumn c : columns) {
				Row row = guide.createRow(r++);
				row.createCell(0).setCellValue(c.header());
				row.createCell(1).setCellValue(c.note() == null ? "" : c.note());
				for (String allowed : c.allowedValues()) {
					guide.createRow(r++).createCell(2).setCellValue(allowed);
				}
			}
			workbook.write(out);
		}
	}

	private static void writeRow(Row row, CellStyle style, Object[] values, Styles styles) {
		for (int i = 0; i < values.length; i++) {
			Cell cell = row.createCell(i);
			writeCell(cell, values[i], styles);
			if (style != null) {
				cell.setCellStyle(style);
			}
		}
	}

	private static void writeCell(Cell cell, Object value, Styles styles) {
		if (value == null) {
			cell.setBlank();
		}
		else if (value instanceof LocalDate d) {
			cell.setCellValue(d);
			cell.setCellStyle(styles.date);
		}
		else if (value instanceof LocalDateTime d) {
			cell.setCellValue(d);
			cell.setCellStyle(styles.date);
		}
		else if (value instanceof Number n) {
			cell.setCellValue(n.doubleValue());
		}
		else if (value instanceof Boolean b) {
			cell.setCellValue(b);
		}
		else {
			String text = value.toString();
			// a text starting like a formula stays text: never let a spreadsheet evaluate exported data
			cell.setCellValue(text);
			cell.setCellStyle(styles.text);
		}
	}

	private static String safeSheetName(String name) {
		String s = name.replaceAll("[\\\\/?*\\[\\]:]", " ");
		return s.length() > 31 ? s.substring(0, 31) : s;
	}

	private static final class Styles {

		final CellStyle header;

		final CellStyle date;

		final CellStyle text;

		Styles(Workbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			header = workbook.createCellStyle();
			header.setFont(bold);
			date = workbook.createCellStyle();
			date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat(DATE_FORMAT));
			text = workbook.createCellStyle();
			text.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("@"));
		}
	}
}
