package vn.ideabank.common.error;

/** The caller is signed in but their grants do not cover the unit of the thing. */
public class ForbiddenException extends BusinessException {

	public ForbiddenException() {
		super("error.forbidden");
	}

	/** A refusal that says what was refused, e.g. a lifecycle step the caller may not take. */
	public ForbiddenException(String messageKey, Object... args) {
		super(messageKey, args);
	}
}
