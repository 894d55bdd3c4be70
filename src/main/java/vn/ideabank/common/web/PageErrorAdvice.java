package vn.ideabank.common.web;

import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
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
		model.addAttribute("status", 404);
		model.addAttribute("detail", messages.get("error.notFound"));
		return "error";
	}

	@ExceptionHandler(ForbiddenException.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String forbidden(Model model) {
		model.addAttribute("status", 403);
		model.addAttribute("detail", messages.get("error.forbidden"));
		return "error";
	}

	@ExceptionHandler(ObjectOptimisticLockingFailureException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String conflict(Model model) {
		model.addAttribute("status", 409);
		model.addAttribute("detail", messages.get("error.conflict"));
		return "error";
	}

	@ExceptionHandler(BusinessException.class)
	@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
	String refused(BusinessException e, Model model) {
		model.addAttribute("status", 422);
		model.addAttribute("detail", messages.of(e));
		return "error";
	}
}
