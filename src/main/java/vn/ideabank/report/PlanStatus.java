package vn.ideabank.report;

/** Where a unit stands with a plan request: chưa nộp, đúng hạn, nộp muộn. */
public enum PlanStatus {
	MISSING, ON_TIME, LATE;

	public String messageKey() {
		return "report.planStatus." + name();
	}
}
