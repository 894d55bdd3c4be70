package vn.ideabank.common.xlsx;

import java.util.List;

/**
 * The outcome of an import: rows read, records created and updated, and the problems found.
 * With {@link ImportMode#ALL_OR_NOTHING} and any problem, nothing was imported ({@code applied} false).
 */
public record RowReport(int rows, int created, int updated, List<ImportProblem> problems, boolean applied) {

	public RowReport {
		problems = List.copyOf(problems);
	}

	public static RowReport rejected(List<ImportProblem> problems) {
		return new RowReport(0, 0, 0, problems, false);
	}

	public int imported() {
		return created + updated;
	}

	public boolean hasProblems() {
		return !problems.isEmpty();
	}
}
