package vn.ideabank.common.security;

import java.util.Optional;

/**
 * The caller of the current request. Implemented by the account module, which reads the grants
 * from the database on each request so that a revoked role stops working at once.
 */
public interface CurrentCaller {

	Optional<Caller> find();

	default Caller get() {
		return find().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("not signed in"));
	}
}
