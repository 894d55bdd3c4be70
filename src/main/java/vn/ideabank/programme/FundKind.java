package vn.ideabank.programme;

/** Kind of programme that gives money: a fund (quỹ) or a scholarship (học bổng). */
public enum FundKind {
	FUND, SCHOLARSHIP;

	public String messageKey() {
		return "programme.fund.kind." + name();
	}
}
