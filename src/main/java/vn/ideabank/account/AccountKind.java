package vn.ideabank.account;

/** A person's own login, or the shared login of a unit named after that unit. */
public enum AccountKind {
	PERSON, UNIT;

	public String messageKey() {
		return "account.kind." + name();
	}
}
