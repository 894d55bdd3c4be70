package vn.ideabank.member.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
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
import vn.ideabank.common.web.FormErrors;
import vn.ideabank.common.web.PageForms;
import vn.ideabank.common.web.PageSizes;
import vn.ideabank.common.web.Pager;
import vn.ideabank.common.web.StreamedDownload;
import vn.ideabank.common.xlsx.ImportMode;
import vn.ideabank.common.xlsx.RowReport;
import vn.ideabank.common.xlsx.XlsxRejectedException;
import vn.ideabank.member.Gender;
import vn.ideabank.member.MemberFilter;
import vn.ideabank.member.MemberImportService;
import vn.ideabank.member.MemberService;
import vn.ideabank.member.MemberStatus;
import vn.ideabank.member.MemberView;
import vn.ideabank.member.TargetGroup;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/** The roster: list with filters, detail, create, edit, import from and export to .xlsx. */
@Controller
@RequestMapping("/members")
class MemberPageController {

	private final MemberService members;

	private final MemberImportService imports;

	private final UnitService units;

	private final CurrentCaller callers;

	private final vn.ideabank.common.web.Messages messages;

	private final vn.ideabank.org.UnitReferences unitReferences;

	MemberPageController(MemberService members, MemberImportService imports, UnitService units, CurrentCaller callers,
			vn.ideabank.common.web.Messages messages, vn.ideabank.org.UnitReferences unitReferences) {
		this.unitReferences = unitReferences;
		this.messages = messages;
		this.members = members;
		this.imports = imports;
		this.units = units;
		this.callers = callers;
	}

	@ModelAttribute("targetGroups")
	TargetGroup[] targetGroups() {
		return TargetGroup.values();
	}

	@ModelAttribute("statuses")
	MemberStatus[] statuses() {
		return MemberStatus.values();
	}

	@ModelAttribute("genders")
	Gender[] genders() {
		return Gender.values();
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) TargetGroup targetGroup,
			@RequestParam(required = false) MemberStatus status, @RequestParam(required = false) String unit,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
		Caller caller = callers.get();
		// the unit picker sends a code (or, from old links, a number)
		MemberFilter filter = new MemberFilter(q, targetGroup, status, unitReferences.filterId(caller, unit, "unit"));
		Page<MemberView> found = members.list(caller, filter, PageSizes.of(page, size, Sort.by("nameKey", "id")));
		model.addAttribute("members", Pager.of(found));
		model.addAttribute("unitNames", unitNames(found.getContent()));
		model.addAttribute("filterUnit", unitReferences.codeOf(caller, filter.unitId()));
		model.addAttribute("filter", filter);
		model.addAttribute("canCreate", !members.manageableUnits(caller).isEmpty());
		return "member/list";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		Caller caller = callers.get();
		MemberView member = members.get(caller, id);
		model.addAttribute("member", member);
		model.addAttribute("unit", units.find(member.unitId()).orElse(null));
		model.addAttribute("canEdit", members.canEdit(caller, id));
		model.addAttribute("canCreateLogin", members.canCreateLogin(caller, id));
		return "member/detail";
	}

	/** Gives the member a personal login; the generated password is shown once on the next page. */
	@PostMapping("/{id}/login")
	String createLogin(@PathVariable long id, @RequestParam(required = false) String username,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("newPassword", members.createLogin(callers.get(), id, username));
			redirect.addFlashAttribute("newUsername", username == null ? null : username.toLowerCase(java.util.Locale.ROOT));
			redirect.addFlashAttribute("notice", "member.login.created");
		}
		catch (vn.ideabank.common.error.BusinessException e) {
			redirect.addFlashAttribute("problemText", messages.get(vn.ideabank.common.web.FormErrors.noticeOf(e), e.args()));
		}
		return "redirect:/members/" + id;
	}

	@GetMapping("/new")
	String newMember(@RequestParam(required = false) Long unit, Model model) {
		Caller caller = callers.get();
		List<UnitView> manageable = requireManageable(caller);
		MemberForm form = new MemberForm();
		form.unitId = unit != null ? unit : manageable.get(0).id();
		model.addAttribute("form", form);
		return form(caller, model, null);
	}

	@PostMapping
	String create(@Validated @ModelAttribute("form") MemberForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.submit(result, () -> {
			MemberView created = members.create(caller, form.command());
			redirect.addFlashAttribute("notice", "member.notice.created");
			return "redirect:/members/" + created.id();
		}, () -> form(caller, model, null));
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Caller caller = callers.get();
		MemberView member = requireEditable(caller, id);
		model.addAttribute("form", MemberForm.of(member));
		return form(caller, model, member);
	}

	@PostMapping("/{id}/edit")
	String update(@PathVariable long id, @Validated @ModelAttribute("form") MemberForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		MemberView member = requireEditable(caller, id);
		return PageForms.submit(result, () -> {
			members.edit(caller, id, form.command());
			redirect.addFlashAttribute("notice", "member.notice.saved");
			return "redirect:/members/" + id;
		}, () -> form(caller, model, member));
	}

	private String form(Caller caller, Model model, MemberView member) {
		model.addAttribute("member", member);
		model.addAttribute("units", members.manageableUnits(caller));
		return "member/form";
	}

	// --- .xlsx ---------------------------------------------------------------------------------------

	@GetMapping("/import")
	String importPage(Model model) {
		requireManageable(callers.get());
		model.addAttribute("modes", ImportMode.values());
		model.addAttribute("maxRows", imports.maxRows());
		model.addAttribute("maxMegabytes", imports.maxMegabytes());
		return "member/import";
	}

	@PostMapping("/import")
	String importFile(@RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode, Model model, HttpServletResponse response)
			throws IOException {
		Caller caller = callers.get();
		requireManageable(caller);
		RowReport report;
		if (file == null || file.isEmpty()) {
			report = new XlsxRejectedException("xlsx.error.empty").report();
		}
		else {
			try (InputStream in = file.getInputStream()) {
				report = imports.importFile(caller, in, mode);
			}
			catch (XlsxRejectedException e) {
				report = e.report();
			}
		}
		if (!report.applied()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		model.addAttribute("report", report);
		model.addAttribute("mode", mode);
		return importPage(model);
	}

	@GetMapping("/import/template.xlsx")
	void template(HttpServletResponse response) throws IOException {
		Caller caller = callers.get();
		requireManageable(caller);
		StreamedDownload.send(response, "mau-nhap-doan-vien.xlsx", StreamedDownload.XLSX,
				out -> imports.writeTemplate(caller, out));
	}

	@GetMapping("/export.xlsx")
	void export(@RequestParam(required = false) String q, @RequestParam(required = false) TargetGroup targetGroup,
			@RequestParam(required = false) MemberStatus status, @RequestParam(required = false) Long unit,
			HttpServletResponse response) throws IOException {
		Caller caller = callers.get();
		MemberFilter filter = new MemberFilter(q, targetGroup, status, unit);
		members.list(caller, filter, PageSizes.of(0, 1, Sort.by("id"))); // refuses an out-of-scope unit before streaming
		StreamedDownload.send(response, "doan-vien.xlsx", StreamedDownload.XLSX, out -> imports.export(caller, filter, out));
	}

	private Map<Long, String> unitNames(List<MemberView> list) {
		Map<Long, UnitView> byId = units.findAll(list.stream().map(MemberView::unitId).distinct().toList());
		return byId.values().stream().collect(java.util.stream.Collectors.toMap(UnitView::id, UnitView::name));
	}

	private List<UnitView> requireManageable(Caller caller) {
		List<UnitView> manageable = members.manageableUnits(caller);
		if (manageable.isEmpty()) {
			throw new ForbiddenException();
		}
		return manageable;
	}

	private MemberView requireEditable(Caller caller, long id) {
		MemberView member = members.get(caller, id);
		if (!members.canEdit(caller, id)) {
			throw new ForbiddenException();
		}
		return member;
	}
}
