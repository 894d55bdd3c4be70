package vn.ideabank.common.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over the multipart limit fails before any controller is chosen, so no controller-scoped
 * advice sees it: this one answers it, as a problem for the API and as a page otherwise; the same for
 * a JSON body over its limit.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

	private final Messages messages;

	UploadLimitAdvice(Messages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(HttpServletRequest request, Model model) {
		return tooLarge(request, messages.get("upload.error.requestTooLarge"));
	}

	/** A JSON body over its limit ({@link RequestBodyLimitFilter}). */
	@ExceptionHandler(RequestBodyLimitFilter.BodyTooLargeException.class)
	Object bodyTooLarge(RequestBodyLimitFilter.BodyTooLargeException e, HttpServletRequest request) {
		return tooLarge(request, messages.get("error.bodyTooLarge", e.maxBytes / 1024));
	}

	private static Object tooLarge(HttpServletRequest request, String detail) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.body(ApiProblemAdvice.problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", detail));
		}
		ModelAndView page = new ModelAndView("error", HttpStatus.CONTENT_TOO_LARGE);
		page.addObject("status", 413);
		page.addObject("detail", detail);
		return page;
	}
}
