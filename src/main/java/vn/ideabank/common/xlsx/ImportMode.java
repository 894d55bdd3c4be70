package vn.ideabank.common.xlsx;

/** What an import does when some rows are bad. */
public enum ImportMode {
	/** Any bad row: nothing is imported, every problem is reported. */
	ALL_OR_NOTHING,
	/** The good rows are imported, the bad ones reported and skipped. */
	VALID_ONLY;

	public String messageKey() {
		return "xlsx.mode." + name();
	}
}
