package vn.ideabank.common.error;

/** The thing does not exist, or the caller may not know that it does (answered as 404 alike). */
public class NotFoundException extends BusinessException {

	public NotFoundException(String messageKey, Object... args) {
		super(messageKey, args);
	}
}
