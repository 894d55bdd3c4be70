package vn.ideabank.common.error;

/**
 * A rule of the domain refused the command. Carries a message key (resolved in the caller's
 * language) and, where the fault lies in one field, that field's name.
 */
public class BusinessException extends RuntimeException {

	private final String messageKey;

	private final String field;

	private final transient Object[] args;

	public BusinessException(String messageKey, Object... args) {
		this(null, messageKey, args);
	}

	public BusinessException(String field, String messageKey, Object... args) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
		this.args = args;
	}

	public String messageKey() {
		return messageKey;
	}

	public String field() {
		return field;
	}

	public Object[] args() {
		return args;
	}
}
