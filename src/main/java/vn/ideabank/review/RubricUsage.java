package vn.ideabank.review;

import java.util.Collection;
import java.util.Set;

/**
 * Which rubric versions have been used by a score: such a version is never changed, only superseded. Councils
 * answer for review scores; the contest module answers for its rounds' scores (it uses rubrics, review cannot
 * read its tables).
 */
public interface RubricUsage {

	/** The versions among {@code versionIds} that at least one score was given with. */
	Set<Long> scoredVersions(Collection<Long> versionIds);
}
