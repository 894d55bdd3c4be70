package vn.ideabank.account;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import vn.ideabank.common.security.Grant;

/**
 * The signed-in account as kept in the (database-backed) session. Authorities only steer what the
 * navigation shows; every permission check reads the grants afresh through CurrentCaller.
 */
record AccountPrincipal(long accountId, String username, String displayName, String passwordHash, boolean enabled,
		List<String> roles) implements UserDetails, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	static AccountPrincipal of(Account account, List<Grant> grants) {
		return new AccountPrincipal(account.id(), account.username(), account.displayName(), account.passwordHash(),
				account.enabled(), grants.stream().map(g -> g.role().name()).distinct().toList());
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	/** The session copy never needs the hash once signed in. */
	AccountPrincipal withoutPassword() {
		return new AccountPrincipal(accountId, username, displayName, "", enabled, roles);
	}
}
