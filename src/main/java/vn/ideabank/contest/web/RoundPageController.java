package vn.ideabank.contest.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.Confirmation;
import vn.ideabank.common.web.Messages;
import vn.ideabank.common.web.PageForms;
import vn.ideabank.contest.ContestRounds;
import vn.ideabank.contest.ContestService;
import vn.ideabank.contest.RoundCommands.AwardCounts;
import vn.ideabank.contest.RoundCommands.CloseRound;
import vn.ideabank.contest.RoundViews.Advancement;
import vn.ideabank.contest.RoundViews.RoundStatus;
import vn.ideabank.contest.RoundViews.RoundView;

/** The organiser's pages of a contest's judging rounds: set-up, judges, opening, closing, results, awards. */
@Controller
@RequestMapping("/contests")
class RoundPageController {

	private final ContestRounds rounds;

	private final ContestService contests;

	private final CurrentCaller callers;

	private final Messages messages;

	RoundPageController(ContestRounds rounds, ContestService contests, CurrentCaller callers, Messages messages) {
		this.rounds = rounds;
		this.contests = contests;
		this.callers = callers;
		this.messages = messages;
	}

	@GetMapping("/{id}/rounds/new")
	String newRound(@PathVariable long id, Model model) {
		RoundForm form = new RoundForm();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		form.opensOn = today;
		form.closesOn = today.plusDays(7);
		var choices = rounds.rubricChoices(callers.get(), id);
		form.rubricVersionId = choices.isEmpty() ? null : choices.get(0).versionId();
		model.addAttribute("form", form);
		return form(callers.get(), id, null, model);
	}

	@PostMapping("/{id}/rounds")
	String create(@PathVariable long id, @ModelAttribute("form") RoundForm form, BindingResult result, Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.submit(result, () -> {
			RoundView created = rounds.create(caller, id, form.command());
			redirect.addFlashAttribute("notice", "contest.round.notice.created");
			return "redirect:/contests/rounds/" + created.id();
		}, () -> form(caller, id, null, model));
	}

	@GetMapping("/rounds/{roundId}/edit")
	String edit(@PathVariable long roundId, Model model) {
		Caller caller = callers.get();
		RoundView round = rounds.round(caller, roundId);
		model.addAttribute("form", RoundForm.of(round));
		return form(caller, round.contestId(), round, model);
	}

	@PostMapping("/rounds/{roundId}/edit")
	String update(@PathVariable long roundId, @ModelAttribute("form") RoundForm form, BindingResult result, Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		RoundView round = rounds.round(caller, roundId);
		return PageForms.submit(result, () -> {
			rounds.update(caller, roundId, form.command(), form.version);
			redirect.addFlashAttribute("notice", "contest.round.notice.saved");
			return "redirect:/contests/rounds/" + roundId;
		}, () -> form(caller, round.contestId(), round, model));
	}

	private String form(Caller caller, long contestId, RoundView round, Model model) {
		model.addAttribute("contest", contests.get(caller, contestId));
		model.addAttribute("round", round);
		model.addAttribute("rubrics", rounds.rubricChoices(caller, contestId));
		return "contest/round-form";
	}

	@GetMapping("/rounds/{roundId}")
	String show(@PathVariable long roundId, @RequestParam(required = false) Integer first,
			@RequestParam(required = false) Integer second, @RequestParam(required = false) Integer third,
			@RequestParam(required = false) Integer consolation, Model model) {
		Caller caller = callers.get();
		AwardCounts counts = first == null ? null : counts(first, second, third, consolation);
		return PageForms.attempt(() -> page(caller, roundId, counts, model), e -> refused(caller, roundId, e, model));
	}

	@PostMapping("/rounds/{roundId}/judges")
	String addJudge(@PathVariable long roundId, @RequestParam(required = false) String username, Model model, RedirectAttributes redirect) {
		return act(roundId, "contest.round.notice.judgeAdded", model, redirect,
				caller -> rounds.addJudge(caller, roundId, username));
	}

	@PostMapping("/rounds/{roundId}/judges/{accountId}/remove")
	String removeJudge(@PathVariable long roundId, @PathVariable long accountId, Model model, RedirectAttributes redirect) {
		return act(roundId, "contest.round.notice.judgeRemoved", model, redirect,
				caller -> rounds.removeJudge(caller, roundId, accountId));
	}

	@PostMapping("/rounds/{roundId}/open")
	String open(@PathVariable long roundId, @RequestParam long version, Model model,
			RedirectAttributes redirect) {
		return act(roundId, "contest.round.notice.opened", model, redirect,
				caller -> rounds.open(caller, roundId, version));
	}

	@PostMapping("/rounds/{roundId}/close")
	String close(@PathVariable long roundId, @RequestParam(required = false) Advancement advancement,
			@RequestParam(required = false) BigDecimal value, @RequestParam long version, HttpServletRequest request,
			Model model, RedirectAttributes redirect) {
		if (!Confirmation.given(request)) {
			var round = rounds.round(callers.get(), roundId);
			return Confirmation.ask(request, model, "/contests/rounds/" + roundId, "contest.confirm.closeRound",
					round.name());
		}
		return act(roundId, "contest.round.notice.closed", model, redirect,
				caller -> rounds.close(caller, roundId, new CloseRound(advancement, value, version)));
	}

	@PostMapping("/rounds/{roundId}/awards")
	String awards(@PathVariable long roundId, @RequestParam(required = false) Integer first,
			@RequestParam(required = false) Integer second, @RequestParam(required = false) Integer third,
			@RequestParam(required = false) Integer consolation, Model model,
			RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.attempt(() -> {
			rounds.confirmAwards(caller, roundId, counts(first, second, third, consolation));
			redirect.addFlashAttribute("notice", "contest.round.notice.awards");
			return "redirect:/contests/" + rounds.round(caller, roundId).contestId();
		}, e -> refused(caller, roundId, e, model));
	}

	private static AwardCounts counts(Integer first, Integer second, Integer third, Integer consolation) {
		return new AwardCounts(orZero(first), orZero(second), orZero(third), orZero(consolation));
	}

	private static int orZero(Integer v) {
		return v == null ? 0 : v;
	}

	private String act(long roundId, String notice, Model model,
			RedirectAttributes redirect, java.util.function.Consumer<Caller> action) {
		Caller caller = callers.get();
		return PageForms.attempt(() -> {
			action.accept(caller);
			redirect.addFlashAttribute("notice", notice);
			return "redirect:/contests/rounds/" + roundId;
		}, e -> refused(caller, roundId, e, model));
	}

	/** The round's page again with the refusal's text. */
	private String refused(Caller caller, long roundId, BusinessException e, Model model) {
		PageForms.showProblem(model, messages, e);
		return page(caller, roundId, null, model);
	}

	private String page(Caller caller, long roundId, AwardCounts counts, Model model) {
		RoundView round = rounds.round(caller, roundId);
		var all = rounds.rounds(caller, round.contestId());
		boolean last = all.get(all.size() - 1).id() == round.id();
		boolean finalRound = last && round.status() == RoundStatus.CLOSED;
		model.addAttribute("contest", contests.get(caller, round.contestId()));
		model.addAttribute("round", round);
		model.addAttribute("rubric", rounds.rubricOf(round));
		model.addAttribute("judges", rounds.judges(caller, roundId));
		model.addAttribute("results", rounds.results(caller, roundId, finalRound ? counts : null));
		model.addAttribute("finalRound", finalRound);
		model.addAttribute("counts", counts == null ? AwardCounts.usual() : counts);
		model.addAttribute("proposing", finalRound && counts != null);
		model.addAttribute("advancements", Advancement.values());
		return "contest/round";
	}
}
