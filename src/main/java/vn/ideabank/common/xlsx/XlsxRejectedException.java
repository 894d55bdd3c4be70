package vn.ideabank.common.xlsx;

import java.util.List;

import vn.ideabank.common.error.BusinessException;

/** The file as a whole was refused (too big, not .xlsx, macros, formulas, zip bomb…); nothing was imported. */
public class XlsxRejectedException extends BusinessException {

	private final transient List<ImportProblem> problems;

	public XlsxRejectedException(String messageKey, Object... args) {
		this(List.of(), messageKey, args);
	}

	public XlsxRejectedException(List<ImportProblem> problems, String messageKey, Object... args) {
		super("file", messageKey, args);
		this.problems = List.copyOf(problems);
	}

	/** Cell-level details (for instance each formula's row and column); may be empty. */
	public List<ImportProblem> problems() {
		return problems;
	}

	/** The refusal and its details as the rows of a report. */
	public RowReport report() {
		java.util.List<ImportProblem> all = new java.util.ArrayList<>();
		all.add(ImportProblem.of(0, null, messageKey(), args()));
		all.addAll(problems);
		return RowReport.rejected(all);
	}
}
