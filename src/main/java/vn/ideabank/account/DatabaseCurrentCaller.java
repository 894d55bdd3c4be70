package vn.ideabank.account;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.CurrentCaller;

/**
 * Resolves the caller from the security context and reads their grants from the database once per
 * request, so a revoked role or a disabled account stops working at once.
 */
@Component
class DatabaseCurrentCaller implements CurrentCaller {

	private static final String ATTRIBUTE = DatabaseCurrentCaller.class.getName();

	private final AccountService accounts;

	DatabaseCurrentCaller(AccountService accounts) {
		this.accounts = accounts;
	}

	/** The caller of this request as the sign-in just read it (an API token's), so it is not read twice. */
	static void remember(HttpServletRequest request, Caller caller) {
		request.setAttribute(ATTRIBUTE, caller);
	}

	@Override
	public Optional<Caller> find() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof AccountPrincipal principal)) {
			return Optional.empty();
		}
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Caller cached
				&& cached.accountId() == principal.accountId()) {
			return Optional.of(cached);
		}
		Optional<Caller> caller = accounts.byId(principal.accountId())
			.filter(Account::enabled)
			.map(accounts::callerOf);
		if (request != null && caller.isPresent()) {
			request.setAttribute(ATTRIBUTE, caller.get(), RequestAttributes.SCOPE_REQUEST);
		}
		return caller;
	}
}
