package vn.ideabank.account.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.ideabank.account.AccountService;
import vn.ideabank.account.AccountView;
import vn.ideabank.account.RoleBindingView;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;

@RestController
@Tag(name = "Me", description = "The account behind the session or the API token")
class MeApiController {

	record Me(AccountView account, List<RoleBindingView> roles) {
	}

	private final AccountService accounts;

	private final CurrentCaller callers;

	MeApiController(AccountService accounts, CurrentCaller callers) {
		this.accounts = accounts;
		this.callers = callers;
	}

	@GetMapping("/api/v1/me")
	@Operation(summary = "Who am I, and which roles do I hold at which units")
	Me me() {
		Caller caller = callers.get();
		return new Me(accounts.me(caller), accounts.roles(caller, caller.accountId()));
	}
}
