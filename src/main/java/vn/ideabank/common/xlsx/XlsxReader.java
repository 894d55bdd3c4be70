package vn.ideabank.common.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import org.springframework.stereotype.Component;

/**
 * Reads the first sheet of an uploaded .xlsx safely, with bounded memory: the upload is copied to a
 * temporary file up to the byte limit, its content is checked (an OOXML zip, a spreadsheet, no
 * macros), zip bombs are stopped by POI's inflate-ratio and entry-size guards (set here explicitly),
 * and the sheet is parsed as a SAX stream that stops past the row limit. Cells holding formulas are
 * refused with their row and column: an import takes values, not computations.
 */
@Component
public class XlsxReader {

	/** Uncompressed bytes may be at most 100 times the compressed ones (POI's default, set on purpose). */
	static final double MIN_INFLATE_RATIO = 0.01;

	/** No single part of the package may expand beyond this (5,000 rows need a few MB). */
	static final long MAX_ENTRY_SIZE = 100L * 1024 * 1024;

	/** Columns beyond this are ignored; no template has nearly as many. */
	static final int MAX_COLUMNS = 100;

	/** Excel's own limit for one cell. */
	static final int MAX_CELL_CHARS = 32_767;

	private static final int MAX_REPORTED = 200;

	private static final String SPREADSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

	private static final String TEMPLATE = "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml";

	private static final Pattern VBA = Pattern.compile("(?i).*vbaProject.*");

	static {
		ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
		ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
	}

	private final ImportLimits limits;

	public XlsxReader(ImportLimits limits) {
		this.limits = limits;
	}

	public ImportLimits limits() {
		return limits;
	}

	/**
	 * Reads the first sheet.
	 *
	 * @throws XlsxRejectedException when the file as a whole is refused, with the reason as a message key
	 */
	public XlsxSheet read(InputStream in) {
		Path file = null;
		try {
			file = Files.createTempFile("ideabank-import-", ".xlsx");
			copyWithinLimit(in, file);
			checkMagic(file);
			try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
				return readPackage(pkg);
			}
		}
		catch (XlsxRejectedException e) {
			throw e;
		}
		catch (UnsupportedFileFormatException | InvalidFormatException e) {
			throw new XlsxRejectedException("xlsx.error.notXlsx");
		}
		catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
			// POI reports a zip bomb as an IOException, a broken package through assorted exceptions
			throw new XlsxRejectedException(isZipBomb(e) ? "xlsx.error.zipBomb" : "xlsx.error.unreadable");
		}
		finally {
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException e) {
					// a temporary file; the OS cleans up
				}
			}
		}
	}

	private void copyWithinLimit(InputStream in, Path file) throws IOException {
		long max = limits.maxBytes().toBytes();
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		try (OutputStream out = Files.newOutputStream(file)) {
			int n;
			while ((n = in.read(buffer)) != -1) {
				total += n;
				if (total > max) {
					throw new XlsxRejectedException("xlsx.error.tooLarge", max / (1024 * 1024));
				}
				out.write(buffer, 0, n);
			}
		}
		if (total == 0) {
			throw new XlsxRejectedException("xlsx.error.empty");
		}
	}

	private static void checkMagic(Path file) throws IOException {
		byte[] head = new byte[4];
		int n;
		try (InputStream in = Files.newInputStream(file)) {
			n = in.readNBytes(head, 0, 4);
		}
		if (n == 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
				&& (head[3] & 0xFF) == 0xE0) {
			// an OLE2 container: an old .xls, or an .xlsx protected by a password
			throw new XlsxRejectedException("xlsx.error.legacyOrEncrypted");
		}
		if (n < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
			throw new XlsxRejectedException("xlsx.error.notXlsx");
		}
	}

	private XlsxSheet readPackage(OPCPackage pkg) throws IOException, OpenXML4JException, SAXException {
		if (!pkg.getPartsByName(VBA).isEmpty()) {
			throw new XlsxRejectedException("xlsx.error.macro");
		}
		var core = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
		if (core.size() != 1) {
			throw new XlsxRejectedException("xlsx.error.notXlsx");
		}
		PackagePart workbook = pkg.getPart(core.getRelationship(0));
		if (workbook == null) {
			throw new XlsxRejectedException("xlsx.error.notXlsx");
		}
		String type = workbook.getContentType();
		if (type.toLowerCase(java.util.Locale.ROOT).contains("macroenabled")) {
			throw new XlsxRejectedException("xlsx.error.macro");
		}
		if (!SPREADSHEET.equals(type) && !TEMPLATE.equals(type)) {
			throw new XlsxRejectedException("xlsx.error.notXlsx");
		}
		XSSFReader reader = new XSSFReader(pkg);
		ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
		StylesTable styles = reader.getStylesTable();
		Iterator<InputStream> sheets = reader.getSheetsData();
		if (!sheets.hasNext()) {
			throw new XlsxRejectedException("xlsx.error.noSheet");
		}
		SheetHandler handler = new SheetHandler(strings, styles, limits.maxRows());
		try (InputStream sheet = sheets.next()) {
			XMLReader parser = SAXHelper.newXMLReader();
			parser.setContentHandler(handler);
			parser.parse(new InputSource(sheet));
		}
		catch (TooManyRows e) {
			throw new XlsxRejectedException("xlsx.error.tooManyRows", limits.maxRows());
		}
		catch (javax.xml.parsers.ParserConfigurationException e) {
			throw new IllegalStateException(e);
		}
		if (!handler.formulas.isEmpty()) {
			throw new XlsxRejectedException(handler.formulas, "xlsx.error.formulas", handler.formulaCount);
		}
		if (handler.tooLong != null) {
			throw new XlsxRejectedException(List.of(handler.tooLong), "xlsx.error.cellTooLong", MAX_CELL_CHARS);
		}
		List<String> header = new ArrayList<>();
		for (int i = 0; i <= handler.header.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1); i++) {
			XlsxCell cell = handler.header.get(i);
			header.add(cell == null || cell.text() == null ? "" : cell.text());
		}
		if (header.stream().allMatch(String::isBlank)) {
			throw new XlsxRejectedException("xlsx.error.noHeader");
		}
		return new XlsxSheet(header, handler.rows);
	}

	private static boolean isZipBomb(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t.getMessage() != null && t.getMessage().contains("Zip bomb")) {
				return true;
			}
		}
		return false;
	}

	/** Stops the SAX parse once the row limit is passed, so a huge sheet is never read to its end. */
	private static final class TooManyRows extends SAXException {

		TooManyRows() {
			super("too many rows");
		}
	}

	/** The sheet XML: rows of cells ({@code <c r="B3" t="s" s="2"><f>…</f><v>…</v></c>}). */
	private static final class SheetHandler extends DefaultHandler {

		private final ReadOnlySharedStringsTable strings;

		private final StylesTable styles;

		private final int maxRows;

		final Map<Integer, XlsxCell> header = new HashMap<>();

		final List<XlsxSheet.Row> rows = new ArrayList<>();

		final List<ImportProblem> formulas = new ArrayList<>();

		int formulaCount;

		ImportProblem tooLong;

		private int rowNumber;

		private Map<Integer, XlsxCell> cells;

		private int column;

		private String type;

		private String style;

		private boolean formula;

		private boolean collecting;

		private final StringBuilder value = new StringBuilder();

		private boolean overflow;

		SheetHandler(ReadOnlySharedStringsTable strings, StylesTable styles, int maxRows) {
			this.strings = strings;
			this.styles = styles;
			this.maxRows = maxRows;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			String name = localName == null || localName.isEmpty() ? qName : localName;
			switch (name) {
				case "row" -> {
					String r = attributes.getValue("r");
					rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
					cells = new HashMap<>();
					column = -1;
				}
				case "c" -> {
					String ref = attributes.getValue("r");
					column = ref == null ? column + 1 : new CellReference(ref).getCol();
					type = attributes.getValue("t");
					style = attributes.getValue("s");
					formula = false;
					overflow = false;
					value.setLength(0);
				}
				case "f" -> formula = true;
				case "v", "t" -> collecting = true;
				default -> {
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if (collecting && !overflow) {
				if (value.length() + length > MAX_CELL_CHARS) {
					overflow = true;
				}
				else {
					value.append(ch, start, length);
				}
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) throws SAXException {
			String name = localName == null || localName.isEmpty() ? qName : localName;
			switch (name) {
				case "v", "t" -> collecting = false;
				case "c" -> endCell();
				case "row" -> endRow();
				default -> {
				}
			}
		}

		private void endCell() {
			if (cells == null || column < 0 || column >= MAX_COLUMNS) {
				return;
			}
			if (formula) {
				formulaCount++;
				if (formulas.size() < MAX_REPORTED) {
					formulas.add(ImportProblem.of(rowNumber, CellReference.convertNumToColString(column), "xlsx.error.formula"));
				}
				return;
			}
			if (overflow) {
				if (tooLong == null) {
					tooLong = ImportProblem.of(rowNumber, CellReference.convertNumToColString(column), "xlsx.error.cellTooLong",
							MAX_CELL_CHARS);
				}
				return;
			}
			String raw = value.toString();
			XlsxCell cell;
			if ("s".equals(type)) {
				cell = raw.isBlank() ? XlsxCell.BLANK : XlsxCell.text(strings.getItemAt(Integer.parseInt(raw.trim())).getString());
			}
			else if ("inlineStr".equals(type) || "str".equals(type)) {
				cell = XlsxCell.text(raw);
			}
			else if ("b".equals(type)) {
				cell = XlsxCell.text("1".equals(raw) ? "TRUE" : "FALSE");
			}
			else if ("e".equals(type) || raw.isBlank()) {
				cell = "e".equals(type) ? XlsxCell.text(raw) : XlsxCell.BLANK;
			}
			else {
				try {
					cell = XlsxCell.number(Double.parseDouble(raw), isDateStyle());
				}
				catch (NumberFormatException e) {
					cell = XlsxCell.text(raw);
				}
			}
			if (!cell.blank()) {
				cells.put(column, cell);
			}
		}

		private boolean isDateStyle() {
			if (style == null || styles == null) {
				return false;
			}
			try {
				XSSFCellStyle s = styles.getStyleAt(Integer.parseInt(style));
				return s != null && DateUtil.isADateFormat(s.getDataFormat(), s.getDataFormatString());
			}
			catch (RuntimeException e) {
				return false;
			}
		}

		private void endRow() throws SAXException {
			if (cells == null) {
				return;
			}
			if (rowNumber == 1) {
				header.putAll(cells);
			}
			else if (!cells.isEmpty()) {
				rows.add(new XlsxSheet.Row(rowNumber, cells));
				if (rows.size() > maxRows) {
					throw new TooManyRows();
				}
			}
			cells = null;
		}
	}
}
