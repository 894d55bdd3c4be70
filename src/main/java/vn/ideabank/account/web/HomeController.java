package vn.ideabank.account.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.ideabank.account.AccountService;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;

/** The signed-in start page: who you are, the roles you hold and where each one leads. */
@Controller
class HomeController {

	private final AccountService accounts;

	private final CurrentCaller callers;

	HomeController(AccountService accounts, CurrentCaller callers) {
		this.accounts = accounts;
		this.callers = callers;
	}

	/** Visitors who are not signed in get the public showcase; everyone else their start page. */
	@GetMapping("/")
	String home(Model model) {
		if (callers.find().isEmpty()) {
			return "redirect:/public";
		}
		Caller caller = callers.get();
		model.addAttribute("me", accounts.me(caller));
		model.addAttribute("roles", accounts.roles(caller, caller.accountId()));
		return "home";
	}
}
