package vn.ideabank.programme.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.security.UnitScope;
import vn.ideabank.common.web.FormErrors;
import vn.ideabank.common.web.Messages;
import vn.ideabank.common.web.PageSizes;
import vn.ideabank.common.web.Pager;
import vn.ideabank.common.web.StreamedDownload;
import vn.ideabank.common.xlsx.XlsxWriter;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.programme.ClubKind;
import vn.ideabank.programme.FundKind;
import vn.ideabank.programme.IpStatus;
import vn.ideabank.programme.IpType;
import vn.ideabank.programme.ProgrammeCommands.AddDeadline;
import vn.ideabank.programme.ProgrammeCommands.AddSupport;
import vn.ideabank.programme.ProgrammeCommands.ChangeIpStatus;
import vn.ideabank.programme.ProgrammeCommands.GrantAward;
import vn.ideabank.programme.ProgrammeCommands.LogActivity;
import vn.ideabank.programme.ProgrammeCommands.SaveClub;
import vn.ideabank.programme.ProgrammeCommands.SaveFund;
import vn.ideabank.programme.ProgrammeCommands.SaveIp;
import vn.ideabank.programme.ProgrammeCommands.SaveStartup;
import vn.ideabank.programme.ProgrammeService;
import vn.ideabank.programme.ProgrammeService.Filter;
import vn.ideabank.programme.ProgrammeViews.ClubDetails;
import vn.ideabank.programme.ProgrammeViews.ClubView;
import vn.ideabank.programme.ProgrammeViews.FundDetails;
import vn.ideabank.programme.ProgrammeViews.FundView;
import vn.ideabank.programme.ProgrammeViews.IpDetails;
import vn.ideabank.programme.ProgrammeViews.StartupDetails;
import vn.ideabank.programme.RevenueBand;
import vn.ideabank.programme.StartupStage;
import vn.ideabank.programme.SupportKind;
import vn.ideabank.programme.web.ProgrammeForms.ActivityForm;
import vn.ideabank.programme.web.ProgrammeForms.AwardForm;
import vn.ideabank.programme.web.ProgrammeForms.ClubForm;
import vn.ideabank.programme.web.ProgrammeForms.DeadlineForm;
import vn.ideabank.programme.web.ProgrammeForms.FundForm;
import vn.ideabank.programme.web.ProgrammeForms.IpForm;
import vn.ideabank.programme.web.ProgrammeForms.StartupForm;
import vn.ideabank.programme.web.ProgrammeForms.StatusForm;
import vn.ideabank.programme.web.ProgrammeForms.SupportForm;

/**
 * Pages of the "Chương trình" menu: a hub with the deadlines coming up, and list, detail, create pages
 * and .xlsx exports for startups ({@code /startups}), IP registrations ({@code /ip}), clubs ({@code /clubs}) and
 * funds and scholarships ({@code /funds}); edit forms for startups, clubs and funds (a stale form answers 409).
 */
@Controller
class ProgrammePageController {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final int UPCOMING_DAYS = 30;

	private final ProgrammeService programme;

	private final UnitService units;

	private final CurrentCaller callers;

	private final Messages messages;

	private final IdeaService ideas;

	ProgrammePageController(ProgrammeService programme, UnitService units, CurrentCaller callers, Messages messages,
			IdeaService ideas) {
		this.ideas = ideas;
		this.programme = programme;
		this.units = units;
		this.callers = callers;
		this.messages = messages;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("stages", StartupStage.values());
		model.addAttribute("revenueBands", RevenueBand.values());
		model.addAttribute("supportKinds", SupportKind.values());
		model.addAttribute("clubKinds", ClubKind.values());
		model.addAttribute("ipTypes", IpType.values());
		model.addAttribute("ipStatuses", IpStatus.values());
		model.addAttribute("fundKinds", FundKind.values());
	}

	@GetMapping("/programme")
	String home(Model model) {
		Caller caller = callers.get();
		LocalDate today = LocalDate.now();
		model.addAttribute("deadlines", programme.upcomingDeadlines(caller, today.plusDays(UPCOMING_DAYS), 50));
		model.addAttribute("today", today);
		model.addAttribute("days", UPCOMING_DAYS);
		return "programme/home";
	}

	// --- startups ------------------------------------------------------------------------------------

	@GetMapping("/startups")
	String startups(@RequestParam(required = false) String q, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
		return list(new Filter(unit, q), page, size, model, "programme/startups", programme::startups);
	}

	@GetMapping("/startups/export.xlsx")
	void exportStartups(@RequestParam(required = false) String q, @RequestParam(required = false) Long unit,
			HttpServletResponse response) throws IOException {
		export(response, "startups.xlsx", "programme.startups.title", new Filter(unit, q), programme::forEachStartup,
				(s, names) -> new Object[] { s.name(), names.get(s.unitId()), s.field(),
						messages.get(s.agriculture() ? "programme.yes" : "programme.no"), messages.get(s.stage().messageKey()),
						s.supportCount(), s.supportTotal(),
						s.revenueBand() == null ? null : messages.get(s.revenueBand().messageKey()), s.jobsCreated() },
				"programme.name", "programme.unit", "programme.startup.field", "programme.startup.agriculture",
				"programme.startup.stage", "programme.startup.supportCount", "programme.startup.supportTotal",
				"programme.startup.revenueBand", "programme.startup.jobsCreated");
	}

	@GetMapping("/startups/new")
	String newStartup(Model model) {
		Caller caller = callers.get();
		StartupForm form = new StartupForm();
		form.unitId = editable(caller).get(0).id();
		model.addAttribute("form", form);
		return form(caller, model, null, "programme/startup-form");
	}

	@PostMapping("/startups")
	String createStartup(@Validated @ModelAttribute("form") StartupForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Caller caller = callers.get();
		return submit(result, redirect, () -> "/startups/" + programme.createStartup(caller, command(caller, form)).id(),
				() -> form(caller, model, null, "programme/startup-form"));
	}

	private SaveStartup command(Caller caller, StartupForm form) {
		return new SaveStartup(form.unitId, form.name, form.field, form.agriculture, form.stage, form.team, form.contact,
				form.revenueBand, form.jobsCreated, form.amountsPublic, ideaIds(caller, form.ideaIds));
	}

	/**
	 * "12, TS-2026-000001" → the ideas' ids: a number is an id, anything else the code shown on the idea; one the
	 * caller cannot read is refused on the field (the service then checks the startup's unit subtree).
	 */
	private List<Long> ideaIds(Caller caller, String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split("[ ,;]+")).filter(s -> !s.isBlank()).distinct()
			.map(ref -> ideas.findReadable(caller, ref).map(IdeaView::id)
				.orElseThrow(() -> new BusinessException("ideaIds", "programme.error.idea-unknown", ref)))
			.distinct().toList();
	}

	@GetMapping("/startups/{id}/edit")
	String editStartup(@PathVariable long id, Model model) {
		Caller caller = callers.get();
		StartupDetails details = programme.startup(caller, id);
		return openEdit(caller, model, id, details.startup().unitPath(), StartupForm.of(details), "programme/startup-form");
	}

	@PostMapping("/startups/{id}/edit")
	String updateStartup(@PathVariable long id, @Validated @ModelAttribute("form") StartupForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return submit(result, redirect, () -> "/startups/" + programme.editStartup(caller, id, command(caller, form), form.version).id(),
				() -> form(caller, model, id, "programme/startup-form"));
	}

	@GetMapping("/startups/{id}")
	String startup(@PathVariable long id, Model model) {
		model.addAttribute("supportForm", new SupportForm());
		return startupPage(id, model);
	}

	@PostMapping("/startups/{id}/supports")
	String addSupport(@PathVariable long id, @Validated @ModelAttribute("supportForm") SupportForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return submit(result, redirect, () -> {
			programme.addSupport(caller, id, new AddSupport(form.kind, form.amount, form.givenOn, form.partner, form.note));
			return "/startups/" + id;
		}, () -> startupPage(id, model));
	}

	private String startupPage(long id, Model model) {
		Caller caller = callers.get();
		StartupDetails details = programme.startup(caller, id);
		model.addAttribute("details", details);
		model.addAttribute("unit", units.find(details.startup().unitId()).orElse(null));
		model.addAttribute("canEdit", programme.canEdit(caller, details.startup().unitPath()));
		return "programme/startup";
	}

	// --- clubs ---------------------------------------------------------------------------------------

	@GetMapping("/clubs")
	String clubs(@RequestParam(required = false) String q, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
		return list(new Filter(unit, q), page, size, model, "programme/clubs", programme::clubs);
	}

	@GetMapping("/clubs/export.xlsx")
	void exportClubs(@RequestParam(required = false) String q, @RequestParam(required = false) Long unit,
			HttpServletResponse response) throws IOException {
		export(response, "clubs.xlsx", "programme.clubs.title", new Filter(unit, q), programme::forEachClub,
				(c, names) -> new Object[] { c.name(), names.get(c.unitId()), messages.get(c.kind().messageKey()), c.school(),
						c.foundedOn(), c.decisionNo(), c.memberCount(), c.activityCount() },
				"programme.name", "programme.club.host", "programme.club.kind", "programme.club.school",
				"programme.club.foundedOn", "programme.club.decisionNo", "programme.club.memberCount",
				"programme.club.activityCount");
	}

	@GetMapping("/clubs/new")
	String newClub(Model model) {
		Caller caller = callers.get();
		ClubForm form = new ClubForm();
		form.unitId = editable(caller).get(0).id();
		model.addAttribute("form", form);
		return form(caller, model, null, "programme/club-form");
	}

	@PostMapping("/clubs")
	String createClub(@Validated @ModelAttribute("form") ClubForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Caller caller = callers.get();
		return submit(result, redirect, () -> "/clubs/" + programme.createClub(caller, command(form)).id(),
				() -> form(caller, model, null, "programme/club-form"));
	}

	private static SaveClub command(ClubForm form) {
		return new SaveClub(form.unitId, form.name, form.kind, form.school, form.foundedOn, form.decisionNo, form.members,
				form.memberCount, form.active);
	}

	@GetMapping("/clubs/{id}/edit")
	String editClub(@PathVariable long id, Model model) {
		Caller caller = callers.get();
		ClubView c = programme.club(caller, id).club();
		return openEdit(caller, model, id, c.unitPath(), ClubForm.of(c), "programme/club-form");
	}

	@PostMapping("/clubs/{id}/edit")
	String updateClub(@PathVariable long id, @Validated @ModelAttribute("form") ClubForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return submit(result, redirect, () -> "/clubs/" + programme.editClub(caller, id, command(form), form.version).id(),
				() -> form(caller, model, id, "programme/club-form"));
	}

	@GetMapping("/clubs/{id}")
	String club(@PathVariable long id, Model model) {
		model.addAttribute("activityForm", new ActivityForm());
		return clubPage(id, model);
	}

	@PostMapping("/clubs/{id}/activities")
	String logActivity(@PathVariable long id, @Validated @ModelAttribute("activityForm") ActivityForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return submit(result, redirect, () -> {
			programme.logActivity(caller, id, new LogActivity(form.heldOn, form.title, form.attendance));
			return "/clubs/" + id;
		}, () -> clubPage(id, model));
	}

	private String clubPage(long id, Model model) {
		Caller caller = callers.get();
		ClubDetails details = programme.club(caller, id);
		model.addAttribute("details", details);
		model.addAttribute("unit", units.find(details.club().unitId()).orElse(null));
		model.addAttribute("canEdit", programme.canEdit(caller, details.club().unitPath()));
		return "programme/club";
	}

	// --- funds and scholarships ----------------------------------------------------------------------

	@GetMapping("/funds")
	String funds(@RequestParam(required = false) String q, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
		return list(new Filter(unit, q), page, size, model, "programme/funds", programme::funds);
	}

	@GetMapping("/funds/export.xlsx")
	void exportFunds(@RequestParam(required = false) String q, @RequestParam(required = false) Long unit,
			HttpServletResponse response) throws IOException {
		export(response, "funds.xlsx", "programme.funds.title", new Filter(unit, q), programme::forEachFund,
				(f, names) -> new Object[] { f.name(), names.get(f.unitId()), messages.get(f.kind().messageKey()), f.year(),
						f.awardCount(), f.awardTotal() },
				"programme.name", "programme.unit", "programme.fund.kind", "programme.fund.year", "programme.fund.awardCount",
				"programme.fund.awardTotal");
	}

	@GetMapping("/funds/new")
	String newFund(Model model) {
		Caller caller = callers.get();
		FundForm form = new FundForm();
		form.unitId = editable(caller).get(0).id();
		form.year = LocalDate.now().getYear();
		model.addAttribute("form", form);
		return form(caller, model, null, "programme/fund-form");
	}

	@PostMapping("/funds")
	String createFund(@Validated @ModelAttribute("form") FundForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Caller caller = callers.get();
		return submit(result, redirect, () -> "/funds/" + programme.createFund(caller, command(form)).id(),
				() -> form(caller, model, null, "programme/fund-form"));
	}

	private static SaveFund command(FundForm form) {
		return new SaveFund(form.unitId, form.name, form.kind, form.year, form.description);
	}

	@GetMapping("/funds/{id}/edit")
	String editFund(@PathVariable long id, Model model) {
		Caller caller = callers.get();
		FundView f = programme.fund(caller, id).fund();
		return openEdit(caller, model, id, f.unitPath(), FundForm.of(f), "programme/fund-form");
	}

	@PostMapping("/funds/{id}/edit")
	String updateFund(@PathVariable long id, @Validated @ModelAttribute("form") FundForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return submit(result, redirect, () -> "/funds/" + programme.editFund(caller, id, command(form), form.version).id(),
				() -> form(caller, model, id, "programme/fund-form"));
	}

	@GetMapping("/funds/{id}")
	String fund(@PathVariable long id, Model model) {
		model.addAttribute("awardForm", new AwardForm());
		return fundPage(id, model);
	}

	@PostMapping("/funds/{id}/awards")
	String grantAward(@PathVariable long id, @Validated @ModelAttribute("awardForm") AwardForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return submit(result, redirect, () -> {
			programme.grantAward(caller, id, new GrantAward(form.memberId, form.recipientName, form.recipientUnitId,
					form.amount, form.awardedOn, form.decisionNo, form.ideaId, form.startupId, form.note));
			return "/funds/" + id;
		}, () -> fundPage(id, model));
	}

	private String fundPage(long id, Model model) {
		Caller caller = callers.get();
		FundDetails details = programme.fund(caller, id);
		model.addAttribute("details", details);
		model.addAttribute("unit", units.find(details.fund().unitId()).orElse(null));
		model.addAttribute("canEdit", programme.canEdit(caller, details.fund().unitPath()));
		// units that may receive an award: the programme's subtree, as far as the caller sees it
		model.addAttribute("recipientUnits", units.visible(caller).stream()
			.filter(u -> UnitScope.subtree(details.fund().unitPath()).covers(u.path())).toList());
		model.addAttribute("unitNames", unitNames(caller));
		return "programme/fund";
	}

	// --- IP registrations ----------------------------------------------------------------------------

	@GetMapping("/ip")
	String registrations(@RequestParam(required = false) String q, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
		return list(new Filter(unit, q), page, size, model, "programme/ips", programme::registrations);
	}

	@GetMapping("/ip/export.xlsx")
	void exportRegistrations(@RequestParam(required = false) String q, @RequestParam(required = false) Long unit,
			HttpServletResponse response) throws IOException {
		export(response, "ip.xlsx", "programme.ip.title", new Filter(unit, q), programme::forEachRegistration,
				(i, names) -> new Object[] { i.title(), names.get(i.unitId()), messages.get(i.type().messageKey()),
						i.applicant(), i.applicationNo(), i.filedOn(), messages.get(i.status().messageKey()), i.unionSupport(),
						i.supportedOn(), i.nextDeadline() },
				"programme.ip.titleField", "programme.unit", "programme.ip.type", "programme.ip.applicant",
				"programme.ip.applicationNo", "programme.ip.filedOn", "programme.ip.status", "programme.ip.unionSupport",
				"programme.ip.supportedOn", "programme.ip.nextDeadline");
	}

	@GetMapping("/ip/new")
	String newRegistration(@RequestParam(required = false) Long startup, Model model) {
		Caller caller = callers.get();
		IpForm form = new IpForm();
		form.unitId = editable(caller).get(0).id();
		if (startup != null) {
			StartupDetails s = programme.startup(caller, startup);
			form.startupId = startup;
			form.unitId = s.startup().unitId();
			form.title = s.startup().name();
		}
		model.addAttribute("form", form);
		return form(caller, model, null, "programme/ip-form");
	}

	@PostMapping("/ip")
	String createRegistration(@Validated @ModelAttribute("form") IpForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Caller caller = callers.get();
		return submit(result, redirect, () -> "/ip/" + programme.createRegistration(caller, new SaveIp(form.unitId, form.ideaId,
				form.startupId, form.type, form.title, form.applicant, form.applicationNo, form.filedOn, form.status,
				form.unionSupport, form.supportedOn)).id(), () -> form(caller, model, null, "programme/ip-form"));
	}

	@GetMapping("/ip/{id}")
	String registration(@PathVariable long id, Model model) {
		model.addAttribute("deadlineForm", new DeadlineForm());
		return ipPage(id, model, null);
	}

	@PostMapping("/ip/{id}/status")
	String changeStatus(@PathVariable long id, @Validated @ModelAttribute("statusForm") StatusForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return submit(result, redirect, () -> {
			programme.changeStatus(caller, id, new ChangeIpStatus(form.to, form.applicationNo, form.filedOn, form.note),
					form.version);
			return "/ip/" + id;
		}, () -> {
			model.addAttribute("deadlineForm", new DeadlineForm());
			return ipPage(id, model, form);
		});
	}

	@PostMapping("/ip/{id}/deadlines")
	String addDeadline(@PathVariable long id, @Validated @ModelAttribute("deadlineForm") DeadlineForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return submit(result, redirect, () -> {
			programme.addDeadline(caller, id, new AddDeadline(form.label, form.dueOn));
			return "/ip/" + id;
		}, () -> ipPage(id, model, null));
	}

	@PostMapping("/ip/{id}/deadlines/{deadlineId}/done")
	String completeDeadline(@PathVariable long id, @PathVariable long deadlineId, RedirectAttributes redirect) {
		programme.completeDeadline(callers.get(), id, deadlineId);
		redirect.addFlashAttribute("notice", "programme.notice.saved");
		return "redirect:/ip/" + id;
	}

	private String ipPage(long id, Model model, StatusForm statusForm) {
		Caller caller = callers.get();
		IpDetails details = programme.registration(caller, id);
		if (statusForm == null) {
			statusForm = new StatusForm();
			statusForm.applicationNo = details.ip().applicationNo();
			statusForm.filedOn = details.ip().filedOn();
			statusForm.to = details.ip().status().next().stream().findFirst().orElse(null);
			model.addAttribute("statusForm", statusForm);
		}
		statusForm.version = details.ip().version();
		model.addAttribute("details", details);
		model.addAttribute("nextStatuses", details.ip().status().next());
		model.addAttribute("unit", units.find(details.ip().unitId()).orElse(null));
		model.addAttribute("canEdit", programme.canEdit(caller, details.ip().unitPath()));
		return "programme/ip";
	}

	// --- helpers -------------------------------------------------------------------------------------

	/** Shows the edit form of a record in a unit the caller edits (403 otherwise). */
	private String openEdit(Caller caller, Model model, long id, String unitPath, Object form, String view) {
		if (!programme.canEdit(caller, unitPath)) {
			throw new ForbiddenException();
		}
		model.addAttribute("form", form);
		return form(caller, model, id, view);
	}

	/** A create form, or with {@code editId} the same template as an edit form posting to {@code …/{id}/edit}. */
	private String form(Caller caller, Model model, Long editId, String view) {
		model.addAttribute("editId", editId);
		model.addAttribute("units", editable(caller));
		return view;
	}

	/**
	 * Runs the command of a posted form: done, a notice and a redirect to the path it returns; refused, the form again
	 * with the field's message (422), or, when someone else saved the record since the form was opened, with
	 * "someone else changed this" (409).
	 */
	private static String submit(BindingResult result, RedirectAttributes redirect, Supplier<String> command,
			Supplier<String> formAgain) {
		if (!result.hasErrors()) {
			try {
				String path = command.get();
				redirect.addFlashAttribute("notice", "programme.notice.saved");
				return "redirect:" + path;
			}
			catch (ObjectOptimisticLockingFailureException e) {
				result.reject("error.conflict");
				((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getResponse()
					.setStatus(HttpServletResponse.SC_CONFLICT);
			}
			catch (BusinessException e) {
				FormErrors.reject(result, e);
			}
		}
		return formAgain.get();
	}

	/** A page of one of the programme lists, filtered in SQL by the caller's scope, with the list's top fragment. */
	private <T> String list(Filter filter, Integer page, Integer size, Model model, String view, Lister<T> lister) {
		Caller caller = callers.get();
		model.addAttribute("items", Pager.of(lister.page(caller, filter, pageable(page, size))));
		model.addAttribute("filter", filter);
		model.addAttribute("units", units.visible(caller));
		model.addAttribute("canCreate", !programme.editableUnits(caller).isEmpty());
		model.addAttribute("unitNames", unitNames(caller));
		return view;
	}

	private static Pageable pageable(Integer page, Integer size) {
		return PageSizes.of(page, size, Sort.unsorted());
	}

	private List<UnitView> editable(Caller caller) {
		List<UnitView> editable = programme.editableUnits(caller);
		if (editable.isEmpty()) {
			throw new ForbiddenException();
		}
		return editable;
	}

	private Map<Long, String> unitNames(Caller caller) {
		return units.visible(caller).stream().collect(Collectors.toMap(UnitView::id, UnitView::name, (a, b) -> a));
	}

	interface Lister<T> {

		Page<T> page(Caller caller, Filter filter, Pageable pageable);
	}

	interface Chunks<T> {

		void forEach(Caller caller, Filter filter, Consumer<List<T>> chunk);
	}

	/** Streams one of the lists as .xlsx: a header row from the message keys, then a row per record. */
	private <T> void export(HttpServletResponse response, String file, String titleKey, Filter filter, Chunks<T> source,
			BiFunction<T, Map<Long, String>, Object[]> row, String... headerKeys) throws IOException {
		Caller caller = callers.get();
		Map<Long, String> names = unitNames(caller);
		if (filter.unitId() != null) {
			units.get(caller, filter.unitId()); // refuses another unit's list before the file starts
		}
		StreamedDownload.send(response, file, StreamedDownload.XLSX, out -> XlsxWriter.export(out, messages.get(titleKey),
				Arrays.stream(headerKeys).map(messages::get).toList(),
				sink -> source.forEach(caller, filter, chunk -> chunk.forEach(r -> sink.row(row.apply(r, names))))));
	}
}
