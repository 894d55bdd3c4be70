package vn.ideabank.report;

/** A periodic report is written as a draft, submitted to the parent, and may be returned for revision. */
public enum ReportStatus {
	DRAFT, SUBMITTED, RETURNED;

	public String messageKey() {
		return "report.status." + name();
	}

	public boolean editable() {
		return this != SUBMITTED;
	}
}
