package vn.ideabank.account.web;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ideabank.account.AccountCommands.GrantRole;
import vn.ideabank.account.AccountKind;
import vn.ideabank.account.AccountService;
import vn.ideabank.account.AccountView;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.security.Role;
import vn.ideabank.common.web.PageForms;
import vn.ideabank.common.web.PageSizes;
import vn.ideabank.common.web.Pager;
import vn.ideabank.org.UnitService;

/** Account administration, for administrators within their subtree. */
@Controller
@RequestMapping("/admin/accounts")
class AccountAdminController {

	private final AccountService accounts;

	private final UnitService units;

	private final CurrentCaller callers;

	AccountAdminController(AccountService accounts, UnitService units, CurrentCaller callers) {
		this.accounts = accounts;
		this.units = units;
		this.callers = callers;
	}

	@ModelAttribute("allRoles")
	Role[] roles() {
		return Role.values();
	}

	@ModelAttribute("kinds")
	AccountKind[] kinds() {
		return AccountKind.values();
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
		Caller caller = callers.get();
		model.addAttribute("q", q);
		model.addAttribute("accounts", Pager.of(accounts.list(caller, q, PageSizes.of(page, null, Sort.by("username")))));
		return "account/list";
	}

	@GetMapping("/new")
	String newAccount(Model model) {
		model.addAttribute("form", new AccountForm());
		return form(callers.get(), model);
	}

	@PostMapping
	String create(@Validated @ModelAttribute("form") AccountForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.submit(result, () -> {
			AccountService.Created created = accounts.create(caller, form.command());
			redirect.addFlashAttribute("newPassword", created.generatedPassword());
			redirect.addFlashAttribute("notice", "account.notice.created");
			return "redirect:/admin/accounts/" + created.account().id();
		}, () -> form(caller, model));
	}

	private String form(Caller caller, Model model) {
		model.addAttribute("units", units.visible(caller).stream().filter(u -> caller.can(u.path(), Role.ADMIN)).toList());
		return "account/form";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		Caller caller = callers.get();
		AccountView account = accounts.get(caller, id);
		model.addAttribute("account", account);
		model.addAttribute("unit", account.unitId() == null ? null : units.find(account.unitId()).orElse(null));
		model.addAttribute("bindings", accounts.roles(caller, id));
		if (!model.containsAttribute("grant")) {
			model.addAttribute("grant", new GrantForm());
		}
		model.addAttribute("units", units.visible(caller).stream().filter(u -> caller.can(u.path(), Role.ADMIN)).toList());
		return "account/detail";
	}

	@PostMapping("/{id}/roles")
	String grant(@PathVariable long id, @Validated @ModelAttribute("grant") GrantForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Caller caller = callers.get();
		return PageForms.submit(result, redirect, "account.notice.roleGranted", () -> {
			accounts.grant(caller, id, new GrantRole(form.getRole(), form.getUnitId()));
			return "/admin/accounts/" + id;
		}, () -> show(id, model));
	}

	@PostMapping("/{id}/roles/{bindingId}/revoke")
	String revoke(@PathVariable long id, @PathVariable long bindingId, RedirectAttributes redirect) {
		return PageForms.act(redirect, "/admin/accounts/" + id, "account.notice.roleRevoked",
				() -> accounts.revoke(callers.get(), id, bindingId));
	}

	@PostMapping("/{id}/reset-password")
	String resetPassword(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
		return PageForms.act(redirect, "/admin/accounts/" + id, "account.notice.passwordReset",
				() -> redirect.addFlashAttribute("newPassword", accounts.resetPassword(callers.get(), id, version)));
	}

	@PostMapping("/{id}/enabled")
	String setEnabled(@PathVariable long id, @RequestParam boolean enabled, @RequestParam long version,
			RedirectAttributes redirect) {
		return PageForms.act(redirect, "/admin/accounts/" + id,
				enabled ? "account.notice.enabled" : "account.notice.disabled",
				() -> accounts.setEnabled(callers.get(), id, enabled, version));
	}
}
