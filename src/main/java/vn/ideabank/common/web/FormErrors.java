package vn.ideabank.common.web;

import org.springframework.validation.BindingResult;

import vn.ideabank.common.error.BusinessException;

/** Puts a refused command's message on the form field it concerns, or on the form as a whole. */
public final class FormErrors {

	private FormErrors() {
	}

	public static void reject(BindingResult result, BusinessException e) {
		if (e.field() != null && result.getTarget() != null) {
			result.rejectValue(e.field(), e.messageKey(), e.args(), e.messageKey());
		}
		else {
			result.reject(e.messageKey(), e.args(), e.messageKey());
		}
	}
}
