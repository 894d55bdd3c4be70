package vn.ideabank.account.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ideabank.account.AccountCommands.CreateToken;
import vn.ideabank.account.AccountService;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.common.web.PageForms;

/** One's own account: roles, password, language and personal API tokens. */
@Controller
@RequestMapping("/profile")
class ProfileController {

	private final AccountService accounts;

	private final CurrentCaller callers;

	ProfileController(AccountService accounts, CurrentCaller callers) {
		this.accounts = accounts;
		this.callers = callers;
	}

	@GetMapping
	String profile(Model model) {
		Caller caller = callers.get();
		model.addAttribute("me", accounts.me(caller));
		model.addAttribute("roles", accounts.roles(caller, caller.accountId()));
		model.addAttribute("tokens", accounts.tokens(caller));
		if (!model.containsAttribute("password")) {
			model.addAttribute("password", new PasswordForm());
		}
		if (!model.containsAttribute("token")) {
			model.addAttribute("token", new TokenForm());
		}
		return "account/profile";
	}

	@PostMapping("/password")
	String changePassword(@Validated @ModelAttribute("password") PasswordForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		return PageForms.submit(result, () -> {
			accounts.changePassword(callers.get(), form.command());
			redirect.addFlashAttribute("notice", "profile.notice.passwordChanged");
			return "redirect:/profile";
		}, () -> profile(model));
	}

	@PostMapping("/tokens")
	String createToken(@Validated @ModelAttribute("token") TokenForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		return PageForms.submit(result, () -> {
			redirect.addFlashAttribute("newToken", accounts.createToken(callers.get(), new CreateToken(form.getName())));
			redirect.addFlashAttribute("notice", "token.notice.created");
			return "redirect:/profile";
		}, () -> profile(model));
	}

	@PostMapping("/tokens/{id}/revoke")
	String revokeToken(@PathVariable long id, RedirectAttributes redirect) {
		accounts.revokeToken(callers.get(), id);
		redirect.addFlashAttribute("notice", "token.notice.revoked");
		return "redirect:/profile";
	}
}
