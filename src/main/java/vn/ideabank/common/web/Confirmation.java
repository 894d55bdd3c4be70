package vn.ideabank.common.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.ui.Model;

/**
 * Asks once before an action that cannot be undone (publishing results, closing nominations or a round
 * early, recognising, submitting a report), without JavaScript: the first post answers a page that says
 * what will be locked and posts the very same fields again with {@code confirmed=true}. Nothing changes
 * before that second post, and nothing typed is lost, because every field travels along.
 *
 * <pre>
 * if (!Confirmation.given(request)) {
 *     return Confirmation.ask(request, model, "/reports/periodic/" + id, "report.confirm.submit", unitName);
 * }
 * </pre>
 */
public final class Confirmation {

	/** The request parameter that carries the answer. */
	public static final String PARAM = "confirmed";

	private static final String CSRF = "_csrf";

	private Confirmation() {
	}

	/** The page to show and its fields. */
	public record Question(String action, String sentenceKey, Object[] args, String back, String saveInstead, List<Field> fields) {
	}

	/** One field posted again as it was typed. */
	public record Field(String name, String value) {
	}

	public static boolean given(HttpServletRequest request) {
		return "true".equals(request.getParameter(PARAM));
	}

	/**
	 * The confirmation page for this request. {@code sentenceKey} names what will be locked; {@code back}
	 * is the page to return to without acting (a GET link), or null.
	 */
	public static String ask(HttpServletRequest request, Model model, String back, String sentenceKey, Object... args) {
		return question(request, model, sentenceKey, back, null, args);
	}

	/**
	 * As {@link #ask}, for a form of typed text: instead of going back (and losing the text), the person may
	 * post the same fields to {@code saveInstead}, the form's own save action.
	 */
	public static String askOrSave(HttpServletRequest request, Model model, String saveInstead, String sentenceKey,
			Object... args) {
		return question(request, model, sentenceKey, null, saveInstead, args);
	}

	private static String question(HttpServletRequest request, Model model, String sentenceKey, String back,
			String saveInstead, Object... args) {
		List<Field> fields = new ArrayList<>();
		for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
			if (e.getKey().equals(CSRF) || e.getKey().equals(PARAM)) {
				continue;
			}
			for (String value : e.getValue()) {
				fields.add(new Field(e.getKey(), value));
			}
		}
		String action = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
		model.addAttribute("question", new Question(action, sentenceKey, args, back, saveInstead, fields));
		return "common/confirm";
	}
}
