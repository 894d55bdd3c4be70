package vn.ideabank.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import vn.ideabank.common.security.Role;
import org.springframework.data.repository.query.Param;

interface AccountRepository extends JpaRepository<Account, Long>, JpaSpecificationExecutor<Account> {

	@Query("select a from Account a where lower(a.username) = lower(:username)")
	Optional<Account> findByUsername(@Param("username") String username);

	@Query("select count(a) > 0 from Account a where lower(a.username) = lower(:username)")
	boolean existsByUsername(@Param("username") String username);

	/** One column only, so a sign-in never collides with an administrator's edit of the account. */
	@Modifying
	@Query(value = "update account set last_login_at = now() where id = :id", nativeQuery = true)
	void recordSignIn(@Param("id") long id);
}

interface RoleBindingRepository extends JpaRepository<RoleBinding, Long> {

	List<RoleBinding> findByAccountIdOrderById(long accountId);

	@Query("select distinct b.accountId from RoleBinding b, Account a where a.id = b.accountId and a.enabled = true"
			+ " and b.unitId = :unitId and b.role in :roles")
	List<Long> findHolders(long unitId, java.util.Collection<Role> roles);

	boolean existsByRole(vn.ideabank.common.security.Role role);
}

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

	Optional<ApiToken> findByTokenHash(String tokenHash);

	List<ApiToken> findByAccountIdOrderByCreatedAtDesc(long accountId);

	Page<ApiToken> findByAccountId(long accountId, Pageable pageable);
}
