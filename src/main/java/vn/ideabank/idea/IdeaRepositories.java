package vn.ideabank.idea;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface IdeaRepository extends JpaRepository<Idea, Long>, JpaSpecificationExecutor<Idea> {

	java.util.Optional<Idea> findByCode(String code);

	/** Whether some idea is marked as repeating this one. */
	boolean existsByDuplicateOfId(Long id);

	/** The next number for a code prefix and year; atomic across transactions and app nodes. */
	@Query(value = """
			insert into idea_code_counter (prefix, year, last) values (:prefix, :year, 1)
			on conflict (prefix, year) do update set last = idea_code_counter.last + 1
			returning last""", nativeQuery = true)
	long nextNumber(@Param("prefix") String prefix, @Param("year") int year);
}

interface IdeaAuthorRepository extends JpaRepository<IdeaAuthor, Long> {

	/** Authors' names of many ideas at once (idea id, name), in author order. */
	@Query("select a.idea.id, a.fullName from IdeaAuthor a where a.idea.id in :ideaIds order by a.idea.id, a.position")
	List<Object[]> namesOf(@Param("ideaIds") java.util.Collection<Long> ideaIds);

	@Modifying
	@Query(value = "update idea_author set account_id = :accountId where member_id = :memberId", nativeQuery = true)
	int linkAccount(@Param("memberId") long memberId, @Param("accountId") long accountId);
}

interface IdeaHistoryRepository extends JpaRepository<IdeaHistoryEntry, Long> {

	List<IdeaHistoryEntry> findByIdeaIdOrderByAtAscIdAsc(long ideaId);
}

interface IdeaCommentRepository extends JpaRepository<IdeaComment, Long> {

	List<IdeaComment> findByIdeaIdOrderByAtAscIdAsc(long ideaId);

	List<IdeaComment> findByIdeaIdAndInternalFalseOrderByAtAscIdAsc(long ideaId);

	@org.springframework.data.jpa.repository.Query("select distinct c.authorId from IdeaComment c where c.ideaId = :ideaId")
	List<Long> findCommenterIds(long ideaId);
}
