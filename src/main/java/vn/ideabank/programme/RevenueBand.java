package vn.ideabank.programme;

/** Yearly revenue band of a startup (outcome). */
public enum RevenueBand {
	NONE, UNDER_100M, FROM_100M_TO_1B, FROM_1B_TO_10B, OVER_10B;

	public String messageKey() {
		return "programme.revenue.band." + name();
	}
}
