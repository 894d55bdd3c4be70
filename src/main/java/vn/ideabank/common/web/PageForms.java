package vn.ideabank.common.web;

import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ideabank.common.error.BusinessException;

/**
 * The one way a page controller runs the command of a posted form. Done: the view it returns (usually a redirect
 * with a notice). Refused by the facade: the form again, with the message on the field it names (422). Stale (someone
 * else saved the record since the form was opened): the form again with "someone else changed this" (409). Either
 * way the typed text stays in the form, because the form object is shown again as posted. Binding errors never reach
 * the command (the form is shown again; {@code WebConfiguration} answers it 422). Access refusals (403, 404) are not
 * form errors: they go on to the error page.
 */
public final class PageForms {

	private PageForms() {
	}

	/** Runs {@code command} unless the form is invalid; returns its view, or {@code formAgain}'s on a refusal. */
	public static String submit(BindingResult result, Supplier<String> command, Supplier<String> formAgain) {
		if (!result.hasErrors()) {
			try {
				return command.get();
			}
			catch (ObjectOptimisticLockingFailureException e) {
				result.reject("error.conflict");
				status(HttpServletResponse.SC_CONFLICT);
			}
			catch (BusinessException e) {
				FormErrors.reject(result, e);
				status(422);
			}
		}
		return formAgain.get();
	}

	/** {@link #submit} for a command that redirects to the path it returns, with the notice {@code noticeKey}. */
	public static String submit(BindingResult result, RedirectAttributes redirect, String noticeKey,
			Supplier<String> pathOfCommand, Supplier<String> formAgain) {
		return submit(result, () -> {
			String path = pathOfCommand.get();
			redirect.addFlashAttribute("notice", noticeKey);
			return "redirect:" + path;
		}, formAgain);
	}

	/**
	 * Runs an action posted by a button, not a form (no field to put a message on), and redirects to {@code path}:
	 * done, with the notice {@code noticeKey}; refused or stale, with the refusal as a problem notice.
	 */
	public static String act(RedirectAttributes redirect, String path, String noticeKey, Runnable action) {
		return actThen(redirect, path, noticeKey, () -> {
			action.run();
			return path;
		});
	}

	/**
	 * {@link #act} for an action whose page depends on what it did (opening a report leads to that report): done, a
	 * redirect to the path it returns, with the notice {@code noticeKey}; refused or stale, to {@code failurePath}
	 * with the refusal (and its arguments) as a problem notice.
	 */
	public static String actThen(RedirectAttributes redirect, String failurePath, String noticeKey,
			Supplier<String> action) {
		try {
			String path = action.get();
			if (noticeKey != null) {
				redirect.addFlashAttribute("notice", noticeKey);
			}
			return "redirect:" + path;
		}
		catch (ObjectOptimisticLockingFailureException e) {
			redirect.addFlashAttribute("problem", "error.conflict");
		}
		catch (BusinessException e) {
			redirect.addFlashAttribute("problem", FormErrors.noticeOf(e));
			if (e.args().length > 0) {
				redirect.addFlashAttribute("problemArgs", e.args());
			}
		}
		return "redirect:" + failurePath;
	}

	/**
	 * Runs an action posted from a page whose refusal is shown on that page, not on a form object (a button, an upload,
	 * a score sheet): done, the view it returns; refused by the facade, {@code pageAgain} with the refusal, answered
	 * 422. Access refusals (403, 404) go on to the error page.
	 */
	public static String attempt(Supplier<String> action, Function<BusinessException, String> pageAgain) {
		try {
			return action.get();
		}
		catch (BusinessException e) {
			FormErrors.noticeOf(e); // rethrows access refusals
			status(422);
			return pageAgain.apply(e);
		}
	}

	/** Puts a refusal's text on a page as {@code problemText} (the page's notice area shows it). */
	public static void showProblem(Model model, Messages messages, BusinessException e) {
		model.addAttribute("problemText", messages.get(FormErrors.noticeOf(e), e.args()));
	}

	private static void status(int status) {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				&& attributes.getResponse() != null) {
			attributes.getResponse().setStatus(status);
		}
	}
}
