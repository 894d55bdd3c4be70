package vn.ideabank.common.web;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;

/** Puts a refused command's message on the form field it concerns, or on the form as a whole. */
public final class FormErrors {

	private FormErrors() {
	}

	/**
	 * Puts the refusal on the form. Access refusals are not form errors: they are rethrown so the
	 * error page answers them.
	 */
	public static void reject(BindingResult result, BusinessException e) {
		rethrowAccessErrors(e);
		// a field the form does not have (an upload posted beside it, say) takes the message on the form as a whole
		if (e.field() != null && result.getTarget() != null
				&& new BeanWrapperImpl(result.getTarget()).isReadableProperty(e.field())) {
			result.rejectValue(e.field(), e.messageKey(), e.args(), e.messageKey());
		}
		else {
			result.reject(e.messageKey(), e.args(), e.messageKey());
		}
	}

	/** The message key of a refusal to show as a notice after a redirect. */
	public static String noticeOf(BusinessException e) {
		rethrowAccessErrors(e);
		return e.messageKey();
	}

	private static void rethrowAccessErrors(BusinessException e) {
		if (e instanceof ForbiddenException || e instanceof NotFoundException) {
			throw e;
		}
	}
}
