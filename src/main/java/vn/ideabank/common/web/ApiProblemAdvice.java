package vn.ideabank.common.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;

/** API errors as RFC 9457 problem details, with the message in the caller's language. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemAdvice {

	private final Messages messages;

	ApiProblemAdvice(Messages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException e) {
		return problem(HttpStatus.NOT_FOUND, "not-found", messages.of(e));
	}

	@ExceptionHandler(ForbiddenException.class)
	ProblemDetail forbidden(ForbiddenException e) {
		return problem(HttpStatus.FORBIDDEN, "forbidden", messages.of(e));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail accessDenied() {
		return problem(HttpStatus.FORBIDDEN, "forbidden", messages.get("error.forbidden"));
	}

	@ExceptionHandler(ObjectOptimisticLockingFailureException.class)
	ProblemDetail conflict() {
		return problem(HttpStatus.CONFLICT, "conflict", messages.get("error.conflict"));
	}

	@ExceptionHandler(BusinessException.class)
	ProblemDetail refused(BusinessException e) {
		ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_CONTENT, "rule", messages.of(e));
		if (e.field() != null) {
			p.setProperty("errors", Map.of(e.field(), messages.of(e)));
		}
		return p;
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException e) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldError fe : e.getBindingResult().getFieldErrors()) {
			errors.putIfAbsent(fe.getField(), messages.get(fe));
		}
		ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid", messages.get("error.invalid"));
		p.setProperty("errors", errors);
		return p;
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class })
	ProblemDetail unreadable() {
		return problem(HttpStatus.BAD_REQUEST, "unreadable", messages.get("error.unreadable"));
	}

	/** The database is down or restarting (common.db): 503, try again in seconds. */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
			CannotCreateTransactionException.class })
	ProblemDetail databaseUnavailable(HttpServletResponse response) {
		response.setHeader("Retry-After", "5");
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", messages.get("error.databaseUnavailable"));
	}

	static ProblemDetail problem(HttpStatus status, String type, String detail) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
		p.setType(URI.create("urn:ideabank:problem:" + type));
		return p;
	}
}
