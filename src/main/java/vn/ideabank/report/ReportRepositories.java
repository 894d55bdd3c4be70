package vn.ideabank.report;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PlanRequestRepository extends JpaRepository<PlanRequest, Long>, JpaSpecificationExecutor<PlanRequest> {

	@Query("select r from PlanRequest r where r.deadline between :from and :to")
	List<PlanRequest> findByDeadlineBetween(@Param("from") LocalDate from, @Param("to") LocalDate to);
}

interface PlanRecipientRepository extends JpaRepository<PlanRecipient, Long>, JpaSpecificationExecutor<PlanRecipient> {

	List<PlanRecipient> findByRequestIdOrderByIdAsc(long requestId);

	List<PlanRecipient> findByRequestIdIn(Collection<Long> requestIds);

	Optional<PlanRecipient> findByRequestIdAndUnitId(long requestId, long unitId);
}

interface PlanSubmissionRepository extends JpaRepository<PlanSubmission, Long> {

	List<PlanSubmission> findByTargetIdOrderBySubmittedAtDescIdDesc(long targetId);
}

interface PeriodicReportRepository extends JpaRepository<PeriodicReport, Long>, JpaSpecificationExecutor<PeriodicReport> {

	@Query("select r from PeriodicReport r where r.unitId = :unitId and r.kind = :kind and r.year = :year and r.number = :number")
	Optional<PeriodicReport> findFor(@Param("unitId") long unitId, @Param("kind") PeriodKind kind, @Param("year") int year,
			@Param("number") int number);

	@Query("select r from PeriodicReport r where r.unitId in :unitIds and r.kind = :kind and r.year = :year and r.number = :number")
	List<PeriodicReport> findForUnits(@Param("unitIds") Collection<Long> unitIds, @Param("kind") PeriodKind kind,
			@Param("year") int year, @Param("number") int number);
}

interface ReportHistoryRepository extends JpaRepository<ReportHistoryEntry, Long> {

	List<ReportHistoryEntry> findByReportIdOrderByAtAscIdAsc(long reportId);
}
