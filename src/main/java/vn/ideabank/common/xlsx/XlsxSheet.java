package vn.ideabank.common.xlsx;

import java.util.List;
import java.util.Map;

import org.apache.poi.ss.util.CellReference;

/** The first sheet of a workbook: its header row (row 1) and the non-blank rows below it. */
public record XlsxSheet(List<String> header, List<Row> rows) {

	public XlsxSheet {
		header = List.copyOf(header);
		rows = List.copyOf(rows);
	}

	/** A data row, numbered as Excel shows it; cells by zero-based column index. */
	public record Row(int number, Map<Integer, XlsxCell> cells) {

		public Row {
			cells = Map.copyOf(cells);
		}

		public XlsxCell cell(int column) {
			return cells.getOrDefault(column, XlsxCell.BLANK);
		}
	}

	/** Zero-based index of the header cell whose text matches loosely, or -1. */
	public int column(String headerText) {
		String wanted = XlsxCell.looseKey(headerText);
		for (int i = 0; i < header.size(); i++) {
			if (wanted.equals(XlsxCell.looseKey(header.get(i)))) {
				return i;
			}
		}
		return -1;
	}

	/** "C (Ngày sinh)": the column letter and its header, as people see them in the file. */
	public String describe(int column) {
		String letter = CellReference.convertNumToColString(column);
		String name = column >= 0 && column < header.size() ? header.get(column) : null;
		return name == null || name.isBlank() ? letter : letter + " (" + name + ")";
	}
}
