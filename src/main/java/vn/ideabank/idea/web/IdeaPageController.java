package vn.ideabank.idea.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.security.Roles;
import vn.ideabank.common.web.FormErrors;
import vn.ideabank.common.web.Confirmation;
import vn.ideabank.common.web.Messages;
import vn.ideabank.common.web.PageForms;
import vn.ideabank.idea.ApplicationArea;
import vn.ideabank.idea.IdeaCommands.AddComment;
import vn.ideabank.idea.IdeaCommands.MarkPosted;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.idea.IdeaAttachments;
import vn.ideabank.member.MemberService;
import vn.ideabank.idea.IdeaDetails;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaLifecycle;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStep;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * The signed-in idea pages: the idea form (with fast entry for officers typing paper ideas), the idea
 * page with its lifecycle steps, history and conversation. The list is {@link IdeaListPageController}.
 */
@Controller
@RequestMapping("/ideas")
class IdeaPageController {

	private final IdeaService ideas;

	private final UnitService units;

	private final CurrentCaller callers;

	private final Messages messages;

	private final IdeaAttachments attachments;

	private final MemberService members;

	private final vn.ideabank.idea.IdeaIntake intake;

	IdeaPageController(IdeaService ideas, IdeaAttachments attachments, MemberService members, UnitService units,
			CurrentCaller callers, Messages messages, vn.ideabank.idea.IdeaIntake intake) {
		this.intake = intake;
		this.attachments = attachments;
		this.members = members;
		this.ideas = ideas;
		this.units = units;
		this.callers = callers;
		this.messages = messages;
	}

	// --- entering ----------------------------------------------------------------------------

	@GetMapping("/new")
	String newIdea(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) IdeaKind kind, @RequestParam(required = false) SectorField sectorField,
			@RequestParam(required = false) ApplicationArea applicationArea,
			@RequestParam(required = false) TargetGroup targetGroup, @RequestParam(required = false) Boolean endorse,
			Model model) {
		Caller caller = callers.get();
		List<UnitView> allowed = IdeaPageSupport.entryUnits(units, caller);
		if (allowed.isEmpty()) {
			throw new ForbiddenException("idea.error.unitOutOfScope");
		}
		IdeaForm form = new IdeaForm();
		// fast entry: the previous idea's unit, year and classification come back in the URL
		if (unitId != null && allowed.stream().anyMatch(u -> u.id() == unitId)) {
			form.unitId = unitId;
		}
		else if (allowed.size() == 1) {
			form.unitId = allowed.get(0).id();
		}
		if (year != null) {
			form.year = year;
		}
		if (kind != null) {
			form.kind = kind;
		}
		form.sectorField = sectorField;
		form.applicationArea = applicationArea;
		form.targetGroup = targetGroup;
		form.authors = caller.displayName();
		form.endorse = endorse == null || endorse; // an officer's paper ideas: endorsed unless unticked
		model.addAttribute("form", form);
		return newView(caller, allowed, model);
	}

	@PostMapping
	String create(@Validated @ModelAttribute("form") IdeaForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Caller caller = callers.get();
		List<UnitView> allowed = IdeaPageSupport.entryUnits(units, caller);
		if (result.hasErrors()) {
			return newView(caller, allowed, model);
		}
		IdeaView created;
		boolean send = form.action == IdeaForm.Action.SUBMIT_NEXT;
		try {
			var command = form.command(form.unitId, rosterMatches(caller, form.unitId, form));
			// "Lưu và gửi, nhập tiếp" is one transaction: refused, nothing is saved and the form keeps its text
			created = send ? intake.enterAndSubmit(caller, command, form.endorse) : ideas.create(caller, command);
		}
		catch (BusinessException e) {
			IdeaPageSupport.reject(result, e);
			return newView(caller, allowed, model);
		}
		switch (form.action == null ? IdeaForm.Action.DRAFT : form.action) {
			case NEXT, SUBMIT_NEXT -> {
				IdeaPageSupport.notice(redirect, send ? "ideas.notice.sent." + created.status() : "ideas.notice.created", created.code());
				return "redirect:" + FastEntry.nextForm(created, send ? form.endorse : null);
			}
			case SUBMIT -> {
				try {
					ideas.step(caller, created.id(), TakeStep.of(IdeaStep.SUBMIT, created.version(), null));
					IdeaPageSupport.notice(redirect, "ideas.notice.createdAndSubmitted", created.code());
					return "redirect:/ideas/" + created.id();
				}
				catch (BusinessException e) {
					// the draft is kept: show it on its edit page with what is missing
					form.version = created.version();
					IdeaPageSupport.reject(result, e);
					model.addAttribute("ideaNoticeKey", "ideas.notice.savedNotSubmitted");
					model.addAttribute("ideaNoticeArg", created.code());
					return editView(caller, ideas.details(caller, created.id()), model);
				}
			}
			default -> {
				IdeaPageSupport.notice(redirect, "ideas.notice.created", created.code());
				return "redirect:/ideas/" + created.id();
			}
		}
	}

	private String newView(Caller caller, List<UnitView> allowed, Model model) {
		model.addAttribute("creating", true);
		// fast entry is for officers typing ideas collected on paper
		model.addAttribute("officer", allowed.stream().anyMatch(u -> caller.can(u.path(), Roles.STAFF)));
		model.addAttribute("entryUnits", allowed);
		IdeaPageSupport.addChoices(model);
		return "idea/form";
	}

	// --- editing -----------------------------------------------------------------------------

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Caller caller = callers.get();
		IdeaDetails details = editable(caller, id);
		model.addAttribute("form", IdeaForm.of(details.idea()));
		return editView(caller, details, model);
	}

	@PostMapping("/{id}/edit")
	String update(@PathVariable long id, @Validated @ModelAttribute("form") IdeaForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		IdeaDetails details = editable(caller, id);
		IdeaView idea = details.idea();
		if (result.hasErrors()) {
			return editView(caller, details, model);
		}
		IdeaView saved;
		try {
			List<IdeaView.Author> known = new java.util.ArrayList<>(idea.authors());
			known.addAll(rosterMatches(caller, idea.unitId(), form));
			saved = ideas.update(caller, id, form.command(idea.unitId(), known), form.version);
		}
		catch (ObjectOptimisticLockingFailureException e) {
			result.reject("error.conflict");
			return editView(caller, details, model);
		}
		catch (BusinessException e) {
			IdeaPageSupport.reject(result, e);
			return editView(caller, details, model);
		}
		if (form.action == IdeaForm.Action.SUBMIT) {
			try {
				ideas.step(caller, id, TakeStep.of(IdeaStep.SUBMIT, saved.version(), null));
				IdeaPageSupport.notice(redirect, "ideas.notice.stepped", messages.get(IdeaStep.SUBMIT.messageKey()));
				return "redirect:/ideas/" + id;
			}
			catch (ObjectOptimisticLockingFailureException e) {
				result.reject("error.conflict");
			}
			catch (BusinessException e) {
				IdeaPageSupport.reject(result, e);
			}
			form.version = saved.version();
			model.addAttribute("ideaNoticeKey", "ideas.notice.savedNotSubmitted");
			model.addAttribute("ideaNoticeArg", saved.code());
			return editView(caller, ideas.details(caller, id), model);
		}
		redirect.addFlashAttribute("notice", "ideas.notice.saved");
		return "redirect:/ideas/" + id;
	}

	private IdeaDetails editable(Caller caller, long id) {
		IdeaDetails details = ideas.details(caller, id);
		if (!details.canEdit()) {
			throw new ForbiddenException("idea.error.notEditable", messages.get(details.idea().status().messageKey()));
		}
		return details;
	}

	private String editView(Caller caller, IdeaDetails details, Model model) {
		model.addAttribute("creating", false);
		model.addAttribute("idea", details.idea());
		model.addAttribute("unit", units.find(details.idea().unitId()).orElse(null));
		model.addAttribute("canSubmit", details.allowedSteps().contains(IdeaStep.SUBMIT));
		IdeaPageSupport.addChoices(model);
		return "idea/form";
	}

	// --- the idea page -----------------------------------------------------------------------

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("stepForm", new StepForm());
		model.addAttribute("commentForm", new CommentForm());
		model.addAttribute("portalForm", new PortalForm());
		return page(callers.get(), id, model);
	}

	@PostMapping("/{id}/steps")
	String step(@PathVariable long id, @Validated @ModelAttribute("stepForm") StepForm form, BindingResult result,
			jakarta.servlet.http.HttpServletRequest request, Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		if (!result.hasErrors() && form.step == IdeaStep.RECOGNISE && !Confirmation.given(request)) {
			return Confirmation.ask(request, model, "/ideas/" + id, "ideas.confirm.recognise", ideas.get(caller, id).code());
		}
		return PageForms.submit(result, () -> {
			ideas.step(caller, id, form.command());
			IdeaPageSupport.notice(redirect, "ideas.notice.stepped", messages.get(form.step.messageKey()));
			return "redirect:/ideas/" + id;
		}, () -> {
			model.addAttribute("commentForm", new CommentForm());
			model.addAttribute("portalForm", new PortalForm());
			return page(caller, id, model);
		});
	}

	@PostMapping("/{id}/comments")
	String comment(@PathVariable long id, @Validated @ModelAttribute("commentForm") CommentForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.submit(result, () -> {
			ideas.comment(caller, id, new AddComment(form.body, form.internal));
			redirect.addFlashAttribute("notice", "ideas.notice.commented");
			return "redirect:/ideas/" + id + "#conversation";
		}, () -> {
			model.addAttribute("stepForm", new StepForm());
			model.addAttribute("portalForm", new PortalForm());
			return page(caller, id, model);
		});
	}

	@PostMapping("/{id}/portal")
	String markPosted(@PathVariable long id, @Validated @ModelAttribute("portalForm") PortalForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.submit(result, () -> {
			ideas.markPosted(caller, id, new MarkPosted(form.portalCode, form.portalUrl), form.version);
			redirect.addFlashAttribute("notice", "ideas.notice.posted");
			return "redirect:/ideas/" + id;
		}, () -> {
			model.addAttribute("stepForm", new StepForm());
			model.addAttribute("commentForm", new CommentForm());
			return page(caller, id, model);
		});
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.actThen(redirect, "/ideas/" + id, "ideas.notice.deleted", () -> {
			ideas.delete(caller, id, version);
			return "/ideas?mine=true";
		});
	}

	private String page(Caller caller, long id, Model model) {
		IdeaDetails details = ideas.details(caller, id);
		IdeaView idea = details.idea();
		UnitView unit = units.find(idea.unitId()).orElseThrow(() -> new NotFoundException("unit.error.notFound"));
		model.addAttribute("details", details);
		model.addAttribute("idea", idea);
		model.addAttribute("unit", unit);
		Set<IdeaStep> reasonRequired = EnumSet.noneOf(IdeaStep.class);
		for (IdeaStep s : details.allowedSteps()) {
			IdeaLifecycle.find(s, idea.status()).filter(IdeaLifecycle.Transition::reasonRequired)
				.ifPresent(t -> reasonRequired.add(s));
		}
		model.addAttribute("reasonRequired", reasonRequired);
		model.addAttribute("canComment", details.isAuthor() || details.canSeeInternal());
		model.addAttribute("canMarkPosted",
				idea.status().isPublic() && caller.can(unit.path(), Roles.STAFF));
		model.addAttribute("attachments", attachments.list(caller, id));
		model.addAttribute("canAttach", attachments.canAttach(caller, id));
		model.addAttribute("attachmentLimits", new long[] { attachments.maxCount(), attachments.maxMegabytes() });
		return "idea/idea";
	}

	// --- helpers -----------------------------------------------------------------------------

	/** Typed author names that name exactly one member of the unit's roster are linked to that member. */
	private List<IdeaView.Author> rosterMatches(Caller caller, Long unitId, IdeaForm form) {
		if (unitId == null) {
			return List.of();
		}
		return form.authorNames().stream()
			.flatMap(name -> members.findInUnit(caller, unitId, name).map(m -> new IdeaView.Author(m.id(), name)).stream())
			.toList();
	}
}
