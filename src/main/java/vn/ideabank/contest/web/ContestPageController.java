package vn.ideabank.contest.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.Confirmation;
import vn.ideabank.common.web.Messages;
import vn.ideabank.common.web.PageForms;
import vn.ideabank.common.web.PageSizes;
import vn.ideabank.common.web.Pager;
import vn.ideabank.contest.AwardTier;
import vn.ideabank.contest.ContestCommands.Award;
import vn.ideabank.contest.ContestKind;
import vn.ideabank.contest.ContestRounds;
import vn.ideabank.contest.ContestRulesDocuments;
import vn.ideabank.contest.ContestService;
import vn.ideabank.contest.NominationService;
import vn.ideabank.contest.ContestView;
import vn.ideabank.idea.IdeaReferences;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;
import vn.ideabank.org.UnitView;

/** Contests: list, create, the contest page (status steps, quotas, nominations, awards). */
@Controller
@RequestMapping("/contests")
class ContestPageController {

	private final ContestService contests;

	private final NominationService nominations;

	private final ContestRounds rounds;

	private final ContestRulesDocuments rules;

	private final CurrentCaller callers;

	private final Messages messages;

	private final IdeaReferences ideaReferences;

	ContestPageController(ContestService contests, NominationService nominations, ContestRounds rounds, ContestRulesDocuments rules,
			CurrentCaller callers, Messages messages, IdeaReferences ideaReferences) {
		this.ideaReferences = ideaReferences;
		this.contests = contests;
		this.nominations = nominations;
		this.rounds = rounds;
		this.rules = rules;
		this.callers = callers;
		this.messages = messages;
	}

	@GetMapping
	String list(@RequestParam(required = false) Integer page, @RequestParam(defaultValue = "false") boolean nominating,
			Model model) {
		Caller caller = callers.get();
		model.addAttribute("nominating", nominating);
		model.addAttribute("contests", Pager.of(contests.list(caller, nominating,
				PageSizes.of(page, null, Sort.by(Sort.Direction.DESC, "year").and(Sort.by(Sort.Direction.DESC, "id"))))));
		model.addAttribute("canCreate", !contests.organisingUnits(caller).isEmpty());
		return "contest/list";
	}

	@GetMapping("/new")
	String newContest(Model model) {
		ContestForm form = new ContestForm();
		form.year = LocalDate.now().getYear();
		model.addAttribute("form", form);
		return form(callers.get(), model);
	}

	@PostMapping
	String create(@Validated @ModelAttribute("form") ContestForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.submit(result, () -> {
			ContestView created = contests.create(caller, form.command());
			redirect.addFlashAttribute("notice", "contest.notice.created");
			return "redirect:/contests/" + created.id();
		}, () -> form(caller, model));
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @RequestParam(required = false) Integer page, Model model) {
		return page(callers.get(), id, page, model);
	}

	/** Each step is forward only (opening, closing nominations, publishing results): asked once first. */
	@PostMapping("/{id}/advance")
	String advance(@PathVariable long id, @RequestParam long version, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		if (!Confirmation.given(request)) {
			ContestView contest = contests.get(callers.get(), id);
			if (contest.manageable() && contest.status().next() != null) {
				return Confirmation.ask(request, model, "/contests/" + id,
						"contest.confirm." + contest.status().next().name(), contest.name());
			}
		}
		contests.advance(callers.get(), id, version);
		redirect.addFlashAttribute("notice", "contest.notice.advanced");
		return "redirect:/contests/" + id;
	}

	@PostMapping("/{id}/quotas")
	String quota(@PathVariable long id, @RequestParam long unitId, @RequestParam(required = false) Integer quota,
			Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.attempt(() -> {
			nominations.setQuota(caller, id, unitId, quota == null ? -1 : quota);
			redirect.addFlashAttribute("notice", "contest.notice.quota");
			return "redirect:/contests/" + id;
		}, e -> refused(caller, id, e, model));
	}

	@PostMapping("/{id}/nominations")
	String nominate(@PathVariable long id, @RequestParam(required = false) String ideaId, Model model,
			RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.attempt(() -> {
			// the code shown on the idea (TS-2026-000001) or, from an old form, its number
			nominations.nominate(caller, id, ideaReferences.resolve(caller, ideaId, "ideaId"));
			redirect.addFlashAttribute("notice", "contest.notice.nominated");
			return "redirect:/contests/" + id;
		}, e -> {
			model.addAttribute("typedIdea", ideaId); // shown again in the field, to correct
			return refused(caller, id, e, model);
		});
	}

	@PostMapping("/{id}/nominations/{nominationId}/award")
	String award(@PathVariable long id, @PathVariable long nominationId, @RequestParam(required = false) AwardTier tier,
			@RequestParam(required = false) String customName, @RequestParam long version, Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.attempt(() -> {
			nominations.award(caller, nominationId, new Award(tier, customName), version);
			redirect.addFlashAttribute("notice", "contest.notice.awarded");
			return "redirect:/contests/" + id;
		}, e -> refused(caller, id, e, model));
	}

	/** Uploads (or replaces) the rules document; a refused file gets the page again with the reason (422). */
	@PostMapping("/{id}/rules")
	String uploadRules(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
			Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.attempt(() -> {
			if (file == null || file.isEmpty()) {
				throw new BusinessException("file", "upload.error.empty");
			}
			rules.upload(caller, id, file.getOriginalFilename(), file.getSize(), file::getInputStream);
			redirect.addFlashAttribute("notice", "contest.rules.notice.uploaded");
			return "redirect:/contests/" + id;
		}, e -> refused(caller, id, e, model));
	}

	/** The contest's page again with the refusal's text (under its field too: the idea picker). */
	private String refused(Caller caller, long id, BusinessException e, Model model) {
		PageForms.showProblem(model, messages, e);
		if (e.field() != null) {
			model.addAttribute("fieldErrors", java.util.Map.of(e.field(), messages.get(e.messageKey(), e.args())));
		}
		return page(caller, id, null, model);
	}

	private String page(Caller caller, long id, Integer page, Model model) {
		ContestView contest = contests.get(caller, id);
		model.addAttribute("contest", contest);
		model.addAttribute("entries", Pager.of(nominations.nominations(caller, id,
				PageSizes.of(page, null, Sort.by("nominatedAt").and(Sort.by("id"))))));
		model.addAttribute("candidates", contest.status() == vn.ideabank.contest.ContestStatus.OPEN
				? nominations.candidates(caller, id) : List.of());
		model.addAttribute("history", contests.history(caller, id));
		model.addAttribute("tiers", AwardTier.values());
		model.addAttribute("rounds", rounds.rounds(caller, id));
		model.addAttribute("rulesDocument", rules.find(caller, id).orElse(null));
		model.addAttribute("rulesMaxMb", rules.maxMegabytes());
		if (contest.manageable()) {
			model.addAttribute("quotaUnits", nominations.quotaUnits(caller, id));
		}
		return "contest/contest";
	}

	private String form(Caller caller, Model model) {
		List<UnitView> organising = contests.organisingUnits(caller);
		if (organising.isEmpty()) {
			throw new ForbiddenException();
		}
		model.addAttribute("units", organising);
		model.addAttribute("kinds", ContestKind.values());
		model.addAttribute("groups", TargetGroup.values());
		model.addAttribute("fields", SectorField.values());
		return "contest/form";
	}
}
