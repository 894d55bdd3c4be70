package vn.ideabank.report;

/** How long a reporting period is: tháng, quý, 6 tháng, năm. */
public enum PeriodKind {
	THANG(1, 12), QUY(3, 4), SAU_THANG(6, 2), NAM(12, 1);

	private final int months;

	private final int perYear;

	PeriodKind(int months, int perYear) {
		this.months = months;
		this.perYear = perYear;
	}

	public int months() {
		return months;
	}

	/** How many periods of this kind a year has (numbered 1…perYear). */
	public int perYear() {
		return perYear;
	}

	public String messageKey() {
		return "report.period." + name();
	}
}
