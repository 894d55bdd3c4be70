/**
 * A small, safe .xlsx kit for imports and exports: {@link vn.ideabank.common.xlsx.XlsxReader} reads the
 * first sheet of an uploaded workbook within size, row and zip-bomb limits and refuses macros and
 * formulas; {@link vn.ideabank.common.xlsx.XlsxWriter} streams exports and writes import templates;
 * {@link vn.ideabank.common.xlsx.RowReport} and {@link vn.ideabank.common.xlsx.ImportProblem} carry the
 * per-row outcome as message keys so it renders in the reader's language.
 */
package vn.ideabank.common.xlsx;
