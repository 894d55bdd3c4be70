package vn.ideabank.todo.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.ideabank.account.AccountService;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;
import vn.ideabank.todo.TodoService;

/** The signed-in start page: what waits for you, role by role, then who you are and the roles you hold. */
@Controller
class HomePageController {

	private final AccountService accounts;

	private final TodoService todos;

	private final CurrentCaller callers;

	HomePageController(AccountService accounts, TodoService todos, CurrentCaller callers) {
		this.accounts = accounts;
		this.todos = todos;
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
		model.addAttribute("todo", todos.of(caller));
		return "todo/home";
	}
}
