package vn.ideabank.contest.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.Messages;
import vn.ideabank.common.web.PageForms;
import vn.ideabank.contest.ContestService;
import vn.ideabank.contest.ContestVoting;

/** Public voting: the entries with their counted votes, a vote button per entry; the organiser opens and closes it. */
@Controller
@RequestMapping("/contests/{id}")
class VotePageController {

	private final ContestService contests;

	private final ContestVoting voting;

	private final CurrentCaller callers;

	private final Messages messages;

	VotePageController(ContestService contests, ContestVoting voting, CurrentCaller callers, Messages messages) {
		this.contests = contests;
		this.voting = voting;
		this.callers = callers;
		this.messages = messages;
	}

	@GetMapping("/vote")
	String page(@PathVariable long id, Model model) {
		Caller caller = callers.get();
		model.addAttribute("contestId", id);
		model.addAttribute("open", voting.open(id));
		model.addAttribute("tallies", voting.tallies(caller, id));
		return "contest/vote";
	}

	@PostMapping("/vote/{nominationId}")
	String vote(@PathVariable long id, @PathVariable long nominationId, HttpServletRequest request, Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.attempt(() -> {
			boolean counted = voting.vote(caller, nominationId, request.getRemoteAddr());
			redirect.addFlashAttribute("notice", counted ? "contest.notice.voted" : "contest.notice.votedFlagged");
			return "redirect:/contests/" + id + "/vote";
		}, e -> {
			PageForms.showProblem(model, messages, e);
			return page(id, model);
		});
	}

	@PostMapping("/voting")
	String toggle(@PathVariable long id, @RequestParam boolean open, @RequestParam long version, RedirectAttributes redirect) {
		contests.setVoting(callers.get(), id, open, version);
		redirect.addFlashAttribute("notice", open ? "contest.notice.votingOpened" : "contest.notice.votingClosed");
		return "redirect:/contests/" + id;
	}
}
