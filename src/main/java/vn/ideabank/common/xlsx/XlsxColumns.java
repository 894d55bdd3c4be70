package vn.ideabank.common.xlsx;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The columns of an import found in an uploaded sheet by their header (Vietnamese, or English),
 * so that users may reorder or drop optional columns; problems name the column as the sheet shows it.
 */
public final class XlsxColumns<C extends Enum<C>> {

	private final XlsxSheet sheet;

	private final Map<C, Integer> index;

	private final Function<C, String> header;

	private XlsxColumns(XlsxSheet sheet, Map<C, Integer> index, Function<C, String> header) {
		this.sheet = sheet;
		this.index = index;
		this.header = header;
	}

	/**
	 * @throws XlsxRejectedException when a required column is missing; nothing can be imported then
	 */
	public static <C extends Enum<C>> XlsxColumns<C> locate(XlsxSheet sheet, Class<C> type, Function<C, String> header,
			Function<C, String> englishHeader, Predicate<C> required) {
		Map<C, Integer> index = new EnumMap<>(type);
		for (C c : type.getEnumConstants()) {
			int at = sheet.column(header.apply(c));
			if (at < 0) {
				at = sheet.column(englishHeader.apply(c));
			}
			if (at < 0 && required.test(c)) {
				throw new XlsxRejectedException("xlsx.error.missingColumn", header.apply(c));
			}
			index.put(c, at);
		}
		return new XlsxColumns<>(sheet, index, header);
	}

	/** The row's cell in that column; blank when the sheet has no such column. */
	public XlsxCell cell(XlsxSheet.Row row, C column) {
		int at = index.get(column);
		return at < 0 ? XlsxCell.BLANK : row.cell(at);
	}

	/** The column as the user sees it: its letter and header, or the expected header if absent. */
	public String describe(C column) {
		int at = index.get(column);
		return at < 0 ? header.apply(column) : sheet.describe(at);
	}

	public ImportProblem problem(int row, C column, String reason, Object... args) {
		return ImportProblem.of(row, describe(column), reason, args);
	}
}
