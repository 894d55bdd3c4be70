package vn.ideabank.programme;

/** Kind of support given to a startup. */
public enum SupportKind {
	LOAN, ADVICE, TRAINING, BUSINESS_LINK, FAIR, PREMISES, OTHER;

	public String messageKey() {
		return "programme.support.kind." + name();
	}
}
