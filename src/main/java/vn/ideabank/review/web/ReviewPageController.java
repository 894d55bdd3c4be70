package vn.ideabank.review.web;

import java.math.BigDecimal;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.security.Roles;
import vn.ideabank.common.web.Messages;
import vn.ideabank.common.web.PageForms;
import vn.ideabank.org.UnitService;
import vn.ideabank.review.ReviewCommands.CreateCouncil;
import vn.ideabank.review.ReviewCommands.Decide;
import vn.ideabank.review.ReviewCommands.Score;
import vn.ideabank.review.ReviewService;
import vn.ideabank.review.ReviewScoring;
import vn.ideabank.review.ReviewScoring.ScoreSheet;
import vn.ideabank.review.ReviewViews.CouncilView;
import vn.ideabank.review.ReviewViews.Decision;
import vn.ideabank.review.RubricService;
import vn.ideabank.search.SearchService;

/** Evaluation pages: the reviewer's tasks and score form, the office's councils. */
@Controller
@RequestMapping("/reviews")
class ReviewPageController {

	private static final int PAGE_SIZE = 50;

	private final ReviewService reviews;

	private final ReviewScoring scoring;

	private final RubricService rubrics;

	private final UnitService units;

	private final SearchService search;

	private final CurrentCaller callers;

	private final Messages messages;

	ReviewPageController(ReviewService reviews, ReviewScoring scoring, RubricService rubrics, UnitService units,
			SearchService search, CurrentCaller callers, Messages messages) {
		this.reviews = reviews;
		this.scoring = scoring;
		this.rubrics = rubrics;
		this.units = units;
		this.search = search;
		this.callers = callers;
		this.messages = messages;
	}

	// --- reviewer ------------------------------------------------------------------------------

	@GetMapping
	String mine(@RequestParam(defaultValue = "0") int page, Model model) {
		Caller caller = callers.get();
		// a page far past the end must not overflow the offset (page × size) into a negative number
		int p = Math.max(0, Math.min(page, Integer.MAX_VALUE / PAGE_SIZE - 1));
		model.addAttribute("assignments", scoring.myAssignments(caller, p, PAGE_SIZE));
		long total = scoring.countMyAssignments(caller);
		model.addAttribute("page", p);
		model.addAttribute("hasNext", (long) (p + 1) * PAGE_SIZE < total);
		model.addAttribute("canManage", reviews.canManageAny(caller));
		return "review/mine";
	}

	@GetMapping("/assignments/{id}")
	String scoreForm(@PathVariable long id, Model model) {
		Caller caller = callers.get();
		ScoreSheet sheet = scoring.scoreSheet(caller, id);
		Map<String, String> typed = new LinkedHashMap<>();
		sheet.score().values().forEach((k, v) -> typed.put(k, String.valueOf(v)));
		return scorePage(caller, sheet, typed, sheet.score().comment(), sheet.score().version(), model, null);
	}

	@PostMapping("/assignments/{id}")
	String score(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		ScoreSheet sheet = scoring.scoreSheet(caller, id);
		Map<String, String> typed = new LinkedHashMap<>();
		long version = parseLong(form.get("version"));
		String comment = form.get("comment");
		return PageForms.attempt(() -> {
			Map<String, Integer> values = sheet.rubric().readScores(form, typed, "review.score.outOfScale");
			scoring.score(caller, id, new Score(values, comment, version));
			redirect.addFlashAttribute("notice", "review.score.saved");
			return "redirect:/reviews/assignments/" + id;
		}, e -> scorePage(caller, sheet, typed, comment, version, model, e));
	}

	@PostMapping("/assignments/{id}/conflict")
	String conflict(@PathVariable long id, @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.attempt(() -> {
			scoring.declareConflict(caller, id, reason);
			redirect.addFlashAttribute("notice", "review.conflict.saved");
			return "redirect:/reviews";
		}, e -> {
			ScoreSheet sheet = scoring.scoreSheet(caller, id);
			return scorePage(caller, sheet, Map.of(), sheet.score().comment(), sheet.score().version(), model, e);
		});
	}

	private String scorePage(Caller caller, ScoreSheet sheet, Map<String, String> typed, String comment, long version,
			Model model, BusinessException error) {
		model.addAttribute("sheet", sheet);
		model.addAttribute("item", sheet.assignment().item());
		model.addAttribute("typed", typed);
		model.addAttribute("comment", comment);
		model.addAttribute("version", version);
		model.addAttribute("editable", sheet.council().open() && sheet.assignment().conflictReason() == null);
		model.addAttribute("similar", similar(caller, sheet));
		model.addAttribute("errorField", error == null ? null : error.field());
		model.addAttribute("errorText", error == null ? null : messages.of(error));
		return "review/score";
	}

	private List<vn.ideabank.search.SimilarIdea> similar(Caller caller, ScoreSheet sheet) {
		var item = sheet.assignment().item();
		try {
			return search.similar(caller, item.title(), item.summary(), item.ideaId(), 5);
		}
		catch (RuntimeException e) {
			// the search index is an aid here, never a reason the score form fails
			return List.of();
		}
	}

	// --- office --------------------------------------------------------------------------------

	@GetMapping("/councils")
	String councils(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "false") boolean open,
			Model model) {
		return councilsPage(callers.get(), Math.max(0, page), open, model, null);
	}

	@PostMapping("/councils")
	String createCouncil(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String name,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) Long rubricVersionId,
			@RequestParam(defaultValue = "false") boolean blind, @RequestParam(defaultValue = "false") boolean normalise,
			@RequestParam(required = false) BigDecimal threshold, @RequestParam(required = false) Integer perIdea,
			Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.attempt(() -> {
			CouncilView council = reviews.createCouncil(caller, new CreateCouncil(unitId == null ? 0 : unitId, name,
					year == null ? 0 : year, rubricVersionId == null ? 0 : rubricVersionId, blind, normalise, threshold,
					perIdea == null ? 0 : perIdea));
			redirect.addFlashAttribute("notice", "review.council.created");
			return "redirect:/reviews/councils/" + council.id();
		}, e -> councilsPage(caller, 0, false, model, e));
	}

	private String councilsPage(Caller caller, int page, boolean open, Model model, BusinessException error) {
		if (!reviews.canManageAny(caller)) {
			throw new ForbiddenException();
		}
		var councils = reviews.councils(caller, open, page, PAGE_SIZE);
		model.addAttribute("openOnly", open);
		model.addAttribute("councils", councils.getContent());
		model.addAttribute("hasNext", councils.hasNext());
		model.addAttribute("page", page);
		var grants = caller.grantsFor(Roles.OFFICE);
		model.addAttribute("units", grants.stream().anyMatch(g -> g.systemWide()) ? units.manageable(caller)
				: units.findAll(grants.stream().map(g -> g.unitId()).distinct().toList()).values().stream()
					.sorted(java.util.Comparator.comparing(u -> u.path())).toList());
		model.addAttribute("rubrics", rubrics.visible(caller));
		model.addAttribute("defaultRubric", rubrics.defaultRubric().versionId());
		model.addAttribute("year", Year.now().getValue());
		model.addAttribute("errorField", error == null ? null : error.field());
		model.addAttribute("errorText", error == null ? null : messages.of(error));
		return "review/councils";
	}

	@GetMapping("/councils/{id}")
	String council(@PathVariable long id, Model model) {
		return councilPage(callers.get(), id, model, null, null);
	}

	@PostMapping("/councils/{id}/members")
	String addMember(@PathVariable long id, @RequestParam(required = false) String username, Model model, RedirectAttributes redirect) {
		return act(id, "members", model, redirect, "review.member.added",
				caller -> reviews.addMember(caller, id, username));
	}

	@PostMapping("/councils/{id}/ideas")
	String addIdeas(@PathVariable long id, Model model, RedirectAttributes redirect) {
		return act(id, "ideas", model, redirect, "review.item.added",
				caller -> reviews.addIdeasUnderReview(caller, id));
	}

	@PostMapping("/councils/{id}/auto-assign")
	String autoAssign(@PathVariable long id, Model model, RedirectAttributes redirect) {
		return act(id, "assign", model, redirect, "review.assign.done",
				caller -> reviews.autoAssign(caller, id));
	}

	@PostMapping("/councils/{id}/assign")
	String assign(@PathVariable long id, @RequestParam long itemId, @RequestParam long reviewerId, Model model, RedirectAttributes redirect) {
		return act(id, "assign", model, redirect, "review.assign.done",
				caller -> reviews.assign(caller, id, itemId, reviewerId));
	}

	@PostMapping("/councils/{id}/remind")
	String remind(@PathVariable long id, @RequestParam long reviewerId, Model model,
			RedirectAttributes redirect) {
		return act(id, "progress", model, redirect, "review.remind.sent",
				caller -> reviews.remind(caller, id, reviewerId));
	}

	@PostMapping("/councils/{id}/decide")
	String decide(@PathVariable long id, @RequestParam long itemId, @RequestParam(required = false) Decision decision,
			@RequestParam(required = false) String reason, @RequestParam long version, Model model, RedirectAttributes redirect) {
		return act(id, "decide-" + itemId, model, redirect, "review.decision.saved",
				caller -> reviews.decide(caller, id, itemId, new Decide(decision, reason, version)));
	}

	@PostMapping("/councils/{id}/close")
	String close(@PathVariable long id, @RequestParam long version, Model model,
			RedirectAttributes redirect) {
		return act(id, "close", model, redirect, "review.council.closedNotice",
				caller -> reviews.close(caller, id, version));
	}

	private String act(long id, String form, Model model, RedirectAttributes redirect,
			String notice, java.util.function.Consumer<Caller> action) {
		Caller caller = callers.get();
		return PageForms.attempt(() -> {
			action.accept(caller);
			redirect.addFlashAttribute("notice", notice);
			return "redirect:/reviews/councils/" + id;
		}, e -> councilPage(caller, id, model, form, e));
	}

	private String councilPage(Caller caller, long id, Model model, String errorForm, BusinessException error) {
		CouncilView council = reviews.council(caller, id);
		model.addAttribute("council", council);
		model.addAttribute("unit", units.find(council.unitId()).orElseThrow());
		model.addAttribute("rubric", rubrics.version(council.rubricVersionId()));
		model.addAttribute("members", reviews.members(caller, id));
		model.addAttribute("progress", reviews.progress(caller, id));
		model.addAttribute("results", reviews.results(caller, id));
		model.addAttribute("decisions", Decision.values());
		model.addAttribute("errorForm", errorForm);
		model.addAttribute("errorField", error == null ? null : error.field());
		model.addAttribute("errorText", error == null ? null : messages.of(error));
		return "review/council";
	}

	private static long parseLong(String s) {
		try {
			return s == null ? 0 : Long.parseLong(s.strip());
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

}
