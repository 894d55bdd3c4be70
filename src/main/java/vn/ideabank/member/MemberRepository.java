package vn.ideabank.member;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MemberRepository extends JpaRepository<Member, Long>, JpaSpecificationExecutor<Member> {

	List<Member> findByIdIn(Collection<Long> ids);

	Optional<Member> findByAccountId(long accountId);

	boolean existsByAccountId(long accountId);

	/** Candidates for matching a name in a unit (the caller then compares the exact normalised name). */
	@Query("select m from Member m where m.unitId = :unitId and m.nameKey = :nameKey order by m.id")
	List<Member> findByUnitAndNameKey(@Param("unitId") long unitId, @Param("nameKey") String nameKey);
}
