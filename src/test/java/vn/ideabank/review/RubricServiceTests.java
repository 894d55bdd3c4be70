package vn.ideabank.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.ForbiddenException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Grant;
import vn.ideabank.common.security.Role;
import vn.ideabank.org.UnitCommands.CreateUnit;
import vn.ideabank.org.UnitKind;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.review.RubricCommands.CriterionInput;
import vn.ideabank.review.RubricCommands.SaveRubric;

/** The rubric editor's rules: unit scope, weights summing to 100, scales, versions, used versions never changed. */
class RubricServiceTests extends IntegrationTest {

	@Autowired
	RubricService rubrics;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	UnitView district, communeA, communeB;

	Caller districtOffice, officeA, officeB;

	@BeforeEach
	void tree() {
		String p = "RB" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
		Caller admin = caller("admin");
		district = units.create(admin, new CreateUnit(units.findByCode("TS").orElseThrow().id(), p, "Đoàn khối " + p,
				"Đoàn cơ sở", UnitKind.OTHER, 10));
		communeA = units.create(admin, new CreateUnit(district.id(), p + "A", "Chi đoàn A " + p, "Chi đoàn", UnitKind.OTHER, 5));
		communeB = units.create(admin, new CreateUnit(district.id(), p + "B", "Chi đoàn B " + p, "Chi đoàn", UnitKind.OTHER, 5));
		districtOffice = at("huyendoan.trieuson", Role.OFFICE, district);
		officeA = at("doan.thodan", Role.OFFICE, communeA);
		officeB = at("doan.thotan", Role.OFFICE, communeB);
	}

	private Caller at(String username, Role role, UnitView unit) {
		Caller c = caller(username);
		return new Caller(c.accountId(), c.username(), c.displayName(), List.of(new Grant(role, unit.id(), unit.path())));
	}

	private static CriterionInput c(String name, int weight, int min, int max) {
		return new CriterionInput(null, name, null, BigDecimal.valueOf(weight), min, max);
	}

	@Test
	void theDefaultRubricFollowsThePlan() {
		RubricView rubric = rubrics.defaultRubric();
		assertThat(rubric.name()).isEqualTo("Tiêu chí đánh giá ý tưởng sáng tạo");
		assertThat(rubric.unitId()).isNull();
		assertThat(rubric.criteria()).extracting(RubricView.CriterionView::code)
			.containsExactly("NOVELTY", "BENEFIT", "SCOPE", "FEASIBILITY");
		assertThat(rubric.criteria()).allSatisfy(c -> {
			assertThat(c.min()).isZero();
			assertThat(c.max()).isEqualTo(10);
		});
	}

	@Test
	void anOfficeSeesItsOwnAndItsAncestorsRubricsNotItsSiblings() {
		String name = "Tiêu chí " + UUID.randomUUID();
		RubricView ofDistrict = rubrics.create(districtOffice, district.id(), new SaveRubric(name + " huyện",
				List.of(c("Tính mới", 60, 0, 10), c("Hiệu quả", 40, 0, 10))));
		RubricView ofB = rubrics.create(officeB, communeB.id(), new SaveRubric(name + " B", List.of(c("Tính mới", 100, 1, 5))));
		assertThat(ofB.criteria().get(0).code()).isEqualTo("C1");

		assertThat(rubrics.visible(officeA)).extracting(RubricView::rubricId)
			.contains(ofDistrict.rubricId(), rubrics.defaultRubric().rubricId()).doesNotContain(ofB.rubricId());
		assertThat(rubrics.visible(districtOffice)).extracting(RubricView::rubricId).contains(ofDistrict.rubricId(), ofB.rubricId());
		assertThatThrownBy(() -> rubrics.get(officeA, ofB.rubricId())).isInstanceOf(NotFoundException.class);
		// A reads the district's rubric and may use it, but not change it
		assertThat(rubrics.get(officeA, ofDistrict.rubricId()).editable()).isFalse();
		assertThatThrownBy(() -> rubrics.newVersion(officeA, ofDistrict.rubricId(),
				new SaveRubric(name, List.of(c("X", 100, 0, 10))), 0)).isInstanceOf(ForbiddenException.class);
		assertThat(rubrics.usableAt(ofDistrict.versionId(), communeA.path())).isTrue();
		assertThat(rubrics.usableAt(ofB.versionId(), communeA.path())).isFalse();
		assertThat(rubrics.usableAt(communeA.path())).extracting(RubricView::rubricId).doesNotContain(ofB.rubricId());
		// an office cannot write at a unit outside its subtree
		assertThatThrownBy(() -> rubrics.create(officeA, communeB.id(), new SaveRubric(name, List.of(c("X", 100, 0, 10)))))
			.isInstanceOf(BusinessException.class).hasMessage("review.rubric.unit.invalid");
		assertThatThrownBy(() -> rubrics.create(caller("tran.thi.binh"), communeA.id(),
				new SaveRubric(name, List.of(c("X", 100, 0, 10))))).isInstanceOf(BusinessException.class);
	}

	@Test
	void badRubricsAreRefusedWithTheirFieldAndNothingIsSaved() {
		long before = jdbc.sql("select count(*) from review_rubric").query(Long.class).single();
		String name = "Sai " + UUID.randomUUID();
		assertRefused(new SaveRubric(name, List.of(c("Tính mới", 60, 0, 10), c("Hiệu quả", 30, 0, 10))), "criteria",
				"review.rubric.weights.sum");
		assertRefused(new SaveRubric(name, List.of()), "criteria", "review.rubric.criteria.empty");
		assertRefused(new SaveRubric(name, List.of(new CriterionInput(null, " ", null, null, 0, 0))), "criteria",
				"review.rubric.criteria.empty");
		assertRefused(new SaveRubric(name, List.of(c("Tính mới", 100, 10, 5))), "criteria[0].max", "review.rubric.scale.invalid");
		assertRefused(new SaveRubric(name, List.of(c("Tính mới", 50, 0, 10), c("tính mới", 50, 0, 10))), "criteria[1].name",
				"review.rubric.criterionName.duplicate");
		assertRefused(new SaveRubric(name, List.of(c("Tính mới", 0, 0, 10), c("Hiệu quả", 100, 0, 10))), "criteria[0].weight",
				"review.rubric.weight.invalid");
		assertRefused(new SaveRubric(" ", List.of(c("Tính mới", 100, 0, 10))), "name", "review.rubric.name.invalid");
		assertThat(jdbc.sql("select count(*) from review_rubric").query(Long.class).single()).isEqualTo(before);
	}

	private void assertRefused(SaveRubric command, String field, String key) {
		assertThatThrownBy(() -> rubrics.create(officeA, communeA.id(), command)).isInstanceOfSatisfying(BusinessException.class,
				e -> {
					assertThat(e.getMessage()).isEqualTo(key);
					assertThat(e.field()).isEqualTo(field);
				});
	}

	@Test
	void aNewVersionKeepsTheOldOneAndKeepsCodesByName() {
		String name = "Rubric " + UUID.randomUUID();
		RubricView v1 = rubrics.create(officeA, communeA.id(), new SaveRubric(name,
				List.of(c("Tính mới", 50, 0, 10), c("Tính khả thi", 50, 0, 10))));
		RubricView v2 = rubrics.newVersion(officeA, v1.rubricId(), new SaveRubric(name, List.of(
				c("Tính khả thi", 40, 0, 10), c("Tính mới", 40, 0, 10), c("Lan tỏa", 20, 1, 5))), 0);
		assertThat(v2.rubricId()).isEqualTo(v1.rubricId());
		assertThat(v2.number()).isEqualTo(2);
		// the same criterion keeps its code, so scores read across versions mean the same thing
		assertThat(v2.criteria()).extracting(RubricView.CriterionView::code).containsExactly("C2", "C1", "C3");
		assertThat(rubrics.version(v1.versionId()).criteria()).extracting(RubricView.CriterionView::weight)
			.allSatisfy(w -> assertThat(w).isEqualByComparingTo("50"));
		assertThat(rubrics.get(officeA, v1.rubricId()).versions()).hasSize(2);
		// the form read at version 0 is stale now
		assertThatThrownBy(() -> rubrics.newVersion(officeA, v1.rubricId(), new SaveRubric(name, List.of(c("X", 100, 0, 10))), 0))
			.isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
	}

	@Test
	void anUnusedVersionIsCorrectedInPlace() {
		String name = "Hội đồng " + UUID.randomUUID();
		RubricView v1 = rubrics.create(officeA, communeA.id(), new SaveRubric(name, List.of(c("Tính mới", 100, 0, 10))));
		RubricView fixed = rubrics.correct(officeA, v1.versionId(), new SaveRubric(name,
				List.of(c("Tính mới", 70, 0, 10), c("Hiệu quả", 30, 0, 10))), 0);
		assertThat(fixed.versionId()).isEqualTo(v1.versionId());
		assertThat(fixed.criteria()).hasSize(2);

		assertThat(rubrics.get(officeA, v1.rubricId()).versions().get(0).used()).isFalse();
		// a used version is refused: see ContestRubricTests, where a judge scores with it
	}

	@Test
	void historyLinesReadWithCriterionNames() {
		RubricView rubric = rubrics.defaultRubric();
		assertThat(rubric.named("NOVELTY=9; BENEFIT=8")).isEqualTo("Tính mới: 9; Tính lợi ích, hiệu quả: 8");
		assertThat(rubric.named("OTHER=3")).isEqualTo("OTHER: 3");
		assertThat(rubric.describe(Map.of("BENEFIT", 8, "NOVELTY", 9))).isEqualTo("Tính mới: 9; Tính lợi ích, hiệu quả: 8");
	}
}
