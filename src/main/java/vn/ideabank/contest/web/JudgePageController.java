package vn.ideabank.contest.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.FormErrors;
import vn.ideabank.common.web.Messages;
import vn.ideabank.common.web.PageForms;
import vn.ideabank.contest.ContestJudging;
import vn.ideabank.contest.ContestJudging.ScoreSheet;
import vn.ideabank.contest.RoundCommands.JudgeScore;

/** The judge's pages: the rounds to score, a round's entries, the score form of one entry. */
@Controller
@RequestMapping("/contests")
class JudgePageController {

	private final ContestJudging judging;

	private final CurrentCaller callers;

	private final Messages messages;

	JudgePageController(ContestJudging judging, CurrentCaller callers, Messages messages) {
		this.judging = judging;
		this.callers = callers;
		this.messages = messages;
	}

	@GetMapping("/judging")
	String tasks(Model model) {
		model.addAttribute("tasks", judging.myTasks(callers.get()));
		return "contest/judging";
	}

	@GetMapping("/rounds/{roundId}/judge")
	String entries(@PathVariable long roundId, Model model) {
		Caller caller = callers.get();
		model.addAttribute("round", judging.judgedRound(caller, roundId));
		model.addAttribute("entries", judging.myEntries(caller, roundId));
		return "contest/judge-round";
	}

	@GetMapping("/rounds/{roundId}/entries/{nominationId}")
	String form(@PathVariable long roundId, @PathVariable long nominationId, Model model) {
		ScoreSheet sheet = judging.scoreSheet(callers.get(), roundId, nominationId);
		Map<String, String> typed = new LinkedHashMap<>();
		sheet.score().values().forEach((k, v) -> typed.put(k, String.valueOf(v)));
		return page(sheet, typed, sheet.score().comment(), sheet.score().version(), null, model);
	}

	@PostMapping("/rounds/{roundId}/entries/{nominationId}")
	String score(@PathVariable long roundId, @PathVariable long nominationId, @RequestParam Map<String, String> form,
			@RequestParam(defaultValue = "0") long version, Model model,
			RedirectAttributes redirect) {
		Caller caller = callers.get();
		ScoreSheet sheet = judging.scoreSheet(caller, roundId, nominationId);
		Map<String, String> typed = new LinkedHashMap<>();
		String comment = form.get("comment");
		return PageForms.attempt(() -> {
			Map<String, Integer> values = sheet.rubric().readScores(form, typed, "contest.round.error.outOfScale");
			judging.score(caller, roundId, nominationId, new JudgeScore(values, comment, version));
			redirect.addFlashAttribute("notice", "contest.round.notice.scored");
			return "redirect:/contests/rounds/" + roundId + "/judge";
		}, e -> page(sheet, typed, comment, version, e, model));
	}

	private String page(ScoreSheet sheet, Map<String, String> typed, String comment, long version, BusinessException error,
			Model model) {
		model.addAttribute("sheet", sheet);
		model.addAttribute("typed", typed);
		model.addAttribute("comment", comment);
		model.addAttribute("version", version);
		model.addAttribute("errorField", error == null ? null : error.field());
		model.addAttribute("errorText", error == null ? null : messages.get(FormErrors.noticeOf(error), error.args()));
		return "contest/judge-score";
	}
}
