package vn.ideabank.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import vn.ideabank.common.text.TextNormalizer;

@Component
class AccountUserDetailsService implements UserDetailsService {

	private final AccountService accounts;

	AccountUserDetailsService(AccountService accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return accounts.byUsername(TextNormalizer.normalize(username))
			.map(a -> AccountPrincipal.of(a, accounts.grantsOf(a.id())))
			.orElseThrow(() -> new UsernameNotFoundException("unknown"));
	}
}
