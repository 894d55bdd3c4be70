package vn.ideabank.common.xlsx;

import java.util.Arrays;
import java.util.List;

/**
 * One problem of an import: the sheet row as Excel numbers it (0 for the file as a whole), the
 * column ("C (Ngày sinh)", or null), and the reason as a message key with its arguments.
 */
public record ImportProblem(int row, String column, String reason, List<Object> args) {

	public ImportProblem {
		args = List.copyOf(args);
	}

	public static ImportProblem of(int row, String column, String reason, Object... args) {
		return new ImportProblem(row, column, reason, Arrays.asList(args));
	}

	/** The arguments as an array, for message resolution. */
	public Object[] argsArray() {
		return args.toArray();
	}
}
