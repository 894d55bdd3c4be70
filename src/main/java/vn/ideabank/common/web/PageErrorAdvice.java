package vn.ideabank.common.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.ui.Model;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;

/** Page controllers: a refused command that no form handled becomes a readable error page. */
@ControllerAdvice(annotations = Controller.class)
class PageErrorAdvice {

	private final Messages messages;

	PageErrorAdvice(Messages messages) {
		this.messages = messages;
	}

	@ExceptionHandler({ NotFoundException.class, MethodArgumentTypeMismatchException.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(Model model) {
		return page(model, 404, messages.get("error.notFound"));
	}

	@ExceptionHandler(ForbiddenException.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String forbidden(ForbiddenException e, Model model) {
		return page(model, 403, messages.of(e));
	}

	@ExceptionHandler(ObjectOptimisticLockingFailureException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String conflict(Model model) {
		return page(model, 409, messages.get("error.conflict"));
	}

	@ExceptionHandler(BusinessException.class)
	@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
	String refused(BusinessException e, Model model) {
		return page(model, 422, messages.of(e));
	}

	/** The database is down or restarting (common.db): 503, try again in seconds; never a bare 500. */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
			CannotCreateTransactionException.class })
	@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
	String databaseUnavailable(Model model, HttpServletResponse response) {
		response.setHeader("Retry-After", "5");
		return page(model, 503, messages.get("error.databaseUnavailable"));
	}

	private static String page(Model model, int status, String detail) {
		model.addAttribute("status", status);
		model.addAttribute("detail", detail);
		return "error";
	}
}
