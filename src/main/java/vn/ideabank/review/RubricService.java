package vn.ideabank.review;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Role;
import vn.ideabank.review.RubricCommands.CriterionInput;
import vn.ideabank.review.RubricCommands.SaveRubric;

/**
 * Rubrics (bộ tiêu chí), shared by evaluations and contest rounds. A rubric is a name with
 * versions; saving criteria under an existing name makes its next version, so scores given on an
 * earlier version keep their meaning.
 */
@Service
@Transactional(readOnly = true)
public class RubricService {

	/** The seeded default rubric (plan I.1). */
	public static final String DEFAULT_NAME = "Tiêu chí đánh giá ý tưởng sáng tạo";

	private final RubricStore store;

	RubricService(RubricStore store) {
		this.store = store;
	}

	/** A version by id; rubrics are not unit data, every signed-in caller may read them. */
	public RubricView version(long versionId) {
		return store.version(versionId).orElseThrow(() -> new NotFoundException("review.rubric.notFound"));
	}

	/** The newest version of every rubric. */
	public List<RubricView> latest() {
		return store.latest();
	}

	public List<RubricView> versions(long rubricId) {
		return store.allVersions(rubricId);
	}

	/** The newest version of the seeded default rubric. */
	public RubricView defaultRubric() {
		return latest().stream().filter(r -> r.name().equals(DEFAULT_NAME)).findFirst()
			.orElseGet(() -> latest().get(0));
	}

	/** Saves a rubric: a new one, or the next version of the one with that name. Offices and administrators. */
	@Transactional
	public RubricView save(Caller caller, SaveRubric command) {
		if (!caller.has(Role.OFFICE) && !caller.has(Role.ADMIN)) {
			throw new ForbiddenException();
		}
		validate(command);
		long rubricId = store.rubricIdByName(command.name())
			.orElseGet(() -> store.insertRubric(command.name(), caller.accountId()));
		return version(store.insertVersion(rubricId, command.criteria(), caller.accountId()));
	}

	static void validate(SaveRubric command) {
		if (command.name() == null || command.name().isBlank() || command.name().length() > 200) {
			throw new BusinessException("name", "review.rubric.name.invalid");
		}
		if (command.criteria() == null || command.criteria().isEmpty() || command.criteria().size() > 30) {
			throw new BusinessException("criteria", "review.rubric.criteria.empty");
		}
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < command.criteria().size(); i++) {
			CriterionInput c = command.criteria().get(i);
			String field = "criteria[" + i + "]";
			if (c.code() == null || !c.code().matches("[A-Za-z0-9_]{1,40}") || !codes.add(c.code())) {
				throw new BusinessException(field + ".code", "review.rubric.code.invalid");
			}
			if (c.name() == null || c.name().isBlank() || c.name().length() > 200) {
				throw new BusinessException(field + ".name", "review.rubric.criterionName.invalid");
			}
			if (c.weight() == null || c.weight().signum() <= 0 || c.weight().compareTo(new BigDecimal("10000")) >= 0) {
				throw new BusinessException(field + ".weight", "review.rubric.weight.invalid");
			}
			if (c.max() <= c.min() || c.min() < -1000 || c.max() > 1000) {
				throw new BusinessException(field + ".max", "review.rubric.scale.invalid");
			}
		}
	}
}
