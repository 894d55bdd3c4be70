package vn.ideabank.contest;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ContestRepository extends JpaRepository<Contest, Long>, JpaSpecificationExecutor<Contest> {

	/** The contest locked for the rest of the transaction, so that quota checks of concurrent nominations serialise. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Contest c where c.id = :id")
	Optional<Contest> lockById(@Param("id") long id);
}

interface NominationRepository extends JpaRepository<Nomination, Long>, JpaSpecificationExecutor<Nomination> {

	Page<Nomination> findByContestId(long contestId, Pageable pageable);

	/** Awarded entries in order of precedence of their tier, then nomination time and id. */
	@Query("select n from Nomination n where n.contestId = :contestId and n.awardTier is not null order by n.awardTier, n.nominatedAt, n.id")
	List<Nomination> findAwarded(@Param("contestId") long contestId);

	long countByContestIdAndUnitId(long contestId, long unitId);

	boolean existsByContestIdAndIdeaId(long contestId, long ideaId);

	List<Nomination> findByContestIdOrderByNominatedAtAscIdAsc(long contestId);
}

interface CertificateRepository extends JpaRepository<Certificate, Long> {

	Optional<Certificate> findByCode(String code);

	List<Certificate> findByNominationIdIn(Collection<Long> nominationIds);
}

interface ContestHistoryRepository extends JpaRepository<ContestHistoryEntry, Long> {

	List<ContestHistoryEntry> findByContestIdOrderByAtAscIdAsc(long contestId);
}
