package vn.ideabank.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.review.RubricCommands.CriterionInput;
import vn.ideabank.review.RubricCommands.SaveRubric;

class RubricServiceTests extends IntegrationTest {

	@Autowired
	RubricService rubrics;

	@Test
	void theDefaultRubricFollowsThePlan() {
		RubricView rubric = rubrics.defaultRubric();
		assertThat(rubric.name()).isEqualTo("Tiêu chí đánh giá ý tưởng sáng tạo");
		assertThat(rubric.criteria()).extracting(RubricView.CriterionView::code)
			.containsExactly("NOVELTY", "BENEFIT", "SCOPE", "FEASIBILITY");
		assertThat(rubric.criteria()).allSatisfy(c -> {
			assertThat(c.min()).isZero();
			assertThat(c.max()).isEqualTo(10);
		});
	}

	@Test
	void savingUnderTheSameNameMakesANewVersionAndKeepsTheOldOne() {
		String name = "Rubric " + UUID.randomUUID();
		var office = caller("huyendoan.trieuson");
		RubricView v1 = rubrics.save(office, new SaveRubric(name,
				List.of(new CriterionInput("A", "Tính mới", null, BigDecimal.ONE, 0, 10))));
		RubricView v2 = rubrics.save(office, new SaveRubric(name, List.of(
				new CriterionInput("A", "Tính mới", null, BigDecimal.valueOf(2), 0, 10),
				new CriterionInput("B", "Tính khả thi", null, BigDecimal.ONE, 1, 5))));
		assertThat(v2.rubricId()).isEqualTo(v1.rubricId());
		assertThat(v2.number()).isEqualTo(2);
		assertThat(rubrics.version(v1.versionId()).criteria()).hasSize(1);
		assertThat(rubrics.version(v1.versionId()).criteria().get(0).weight()).isEqualByComparingTo("1");
		assertThat(rubrics.versions(v1.rubricId())).hasSize(2);
		assertThat(rubrics.latest()).anySatisfy(r -> assertThat(r.versionId()).isEqualTo(v2.versionId()));
	}

	@Test
	void badCriteriaAndOtherRolesAreRefused() {
		var office = caller("huyendoan.trieuson");
		assertThatThrownBy(() -> rubrics.save(office, new SaveRubric("X " + UUID.randomUUID(),
				List.of(new CriterionInput("A", "a", null, BigDecimal.ONE, 5, 5)))))
			.isInstanceOf(BusinessException.class).hasMessage("review.rubric.scale.invalid");
		assertThatThrownBy(() -> rubrics.save(office, new SaveRubric("X " + UUID.randomUUID(),
				List.of(new CriterionInput("A", "a", null, BigDecimal.ONE, 0, 5),
						new CriterionInput("A", "b", null, BigDecimal.ONE, 0, 5)))))
			.isInstanceOf(BusinessException.class).hasMessage("review.rubric.code.invalid");
		assertThatThrownBy(() -> rubrics.save(caller("tran.thi.binh"), new SaveRubric("X " + UUID.randomUUID(),
				List.of(new CriterionInput("A", "a", null, BigDecimal.ONE, 0, 5)))))
			.isInstanceOf(ForbiddenException.class);
	}
}
