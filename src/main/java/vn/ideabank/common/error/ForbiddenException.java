package vn.ideabank.common.error;

/** The caller is signed in but their grants do not cover the unit of the thing. */
public class ForbiddenException extends BusinessException {

	public ForbiddenException() {
		super("error.forbidden");
	}
}
