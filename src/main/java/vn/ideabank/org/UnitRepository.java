package vn.ideabank.org;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UnitRepository extends JpaRepository<Unit, Long>, JpaSpecificationExecutor<Unit> {

	boolean existsByCodeIgnoreCase(String code);

	Optional<Unit> findByCode(String code);

	boolean existsByParentIdAndActiveTrue(long parentId);

	List<Unit> findByIdIn(Collection<Long> ids);

	/** The subtree matching a LIKE pattern ({@code UnitScope.likePrefix}), in depth-first order (a slash sorts before every digit). */
	@Query("select u from Unit u where u.path like :pattern escape '\\' order by u.path")
	List<Unit> findSubtree(@Param("pattern") String pattern);

	@Query("select u from Unit u order by u.path")
	List<Unit> findAllInTreeOrder();

	List<Unit> findByParentIdOrderByName(long parentId);

	/** Bumps each row's version: an edit that read a descendant before the move must conflict, not write the old path back. */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query(value = """
			update org_unit
			   set path = :newPrefix || substr(path, length(:oldPrefix) + 1),
			       depth = depth + :depthDelta,
			       version = version + 1,
			       updated_at = now()
			 where path like :oldPrefix || '%' and path <> :oldPrefix""", nativeQuery = true)
	int rewriteDescendantPaths(@Param("oldPrefix") String oldPrefix, @Param("newPrefix") String newPrefix,
			@Param("depthDelta") int depthDelta);

	/** Locks the row until commit, so concurrent moves of a unit and of its new parent serialise. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select u from Unit u where u.id = :id")
	Optional<Unit> findForUpdate(@Param("id") long id);

	@Query(value = "select nextval('org_unit_seq')", nativeQuery = true)
	long nextId();
}
