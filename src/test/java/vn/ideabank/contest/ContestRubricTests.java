package vn.ideabank.contest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Grant;
import vn.ideabank.common.security.Role;
import vn.ideabank.contest.RoundCommands.JudgeScore;
import vn.ideabank.contest.RoundCommands.SaveRound;
import vn.ideabank.contest.RoundViews.RoundView;
import vn.ideabank.org.UnitView;
import vn.ideabank.review.RubricCommands.CriterionInput;
import vn.ideabank.review.RubricCommands.SaveRubric;
import vn.ideabank.review.RubricView;

/**
 * The rubric editor feeds a contest round: the organiser's office writes a rubric, picks it for a round, a judge
 * scores with its criteria, the score history reads the criteria's names, and the used version is never changed.
 */
class ContestRubricTests extends IntegrationTest {

	@Autowired
	ApplicationContext context;

	@Test
	void anOfficesOwnRubricIsPickedForARoundAndAJudgeScoresWithIt() {
		RoundTestData data = new RoundTestData(context, this::caller);
		String p = "RR" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
		UnitView organiser = data.unit(data.units.findByCode("TS").orElseThrow().id(), p, "Ban tổ chức " + p, "Đoàn cơ sở");
		UnitView unitA = data.unit(organiser.id(), p + "A", "Chi đoàn A " + p, "Chi đoàn");
		UnitView sibling = data.unit(data.units.findByCode("TS").orElseThrow().id(), p + "S", "Đoàn khác " + p, "Đoàn cơ sở");
		Caller office = at("huyendoan.trieuson", Role.OFFICE, organiser);
		Caller officerA = at("doan.thodan", Role.UNIT_OFFICER, unitA);
		Caller otherOffice = at("doan.thotan", Role.OFFICE, sibling);
		Caller judge = data.person(p.toLowerCase() + "-gk", "Giám khảo Lê Thị Hoa", organiser);

		RubricView rubric = data.rubrics.create(office, organiser.id(), new SaveRubric("Tiêu chí hội thi " + p, List.of(
				new CriterionInput(null, "Tính sáng tạo", "Mới so với cái đã có", BigDecimal.valueOf(60), 0, 10),
				new CriterionInput(null, "Khả năng ứng dụng", null, BigDecimal.valueOf(40), 1, 5))));
		RubricView elsewhere = data.rubrics.create(otherOffice, sibling.id(), new SaveRubric("Tiêu chí khác " + p,
				List.of(new CriterionInput(null, "Khác", null, BigDecimal.valueOf(100), 0, 10))));

		ContestView contest = data.openContest(office, organiser.id(), "Hội thi " + p);
		NominationView entry = data.nominations.nominate(officerA, contest.id(),
				data.acceptedIdea(unitA.id(), "Máy sấy nông sản " + p, "Nguyễn Văn An"));
		data.judging(office, contest.id());

		// the organiser's choices hold its own rubric, not a sibling's; a sibling's is refused on the field
		assertThat(data.rounds.rubricChoices(office, contest.id())).extracting(RubricView::versionId)
			.contains(rubric.versionId(), data.rubrics.defaultRubric().versionId()).doesNotContain(elsewhere.versionId());
		SaveRound wrong = new SaveRound("Vòng 1", elsewhere.versionId(), RoundTestData.TODAY, RoundTestData.TODAY.plusDays(5),
				false, BigDecimal.valueOf(20));
		assertThatThrownBy(() -> data.rounds.create(office, contest.id(), wrong)).isInstanceOfSatisfying(BusinessException.class,
				e -> assertThat(e.field()).isEqualTo("rubricVersionId"));

		RoundView round = data.rounds.create(office, contest.id(), new SaveRound("Vòng 1", rubric.versionId(),
				RoundTestData.TODAY, RoundTestData.TODAY.plusDays(5), false, BigDecimal.valueOf(20)));
		data.rounds.addJudge(office, round.id(), judge.username());
		data.open(office, round);

		var sheet = data.judging.scoreSheet(judge, round.id(), entry.id());
		assertThat(sheet.rubric().criteria()).extracting(RubricView.CriterionView::name)
			.containsExactly("Tính sáng tạo", "Khả năng ứng dụng");
		Map<String, Integer> values = new LinkedHashMap<>();
		values.put("C1", 9);
		values.put("C2", 4);
		// 60·0.9 + 40·0.75 = 84
		assertThat(data.judging.score(judge, round.id(), entry.id(), new JudgeScore(values, null, 0)).total())
			.isEqualByComparingTo("84");
		Map<String, Integer> outOfScale = new LinkedHashMap<>(values);
		outOfScale.put("C2", 6);
		assertThatThrownBy(() -> data.judging.score(judge, round.id(), entry.id(), new JudgeScore(outOfScale, null, 1)))
			.hasMessage("contest.round.error.outOfScale");

		// the history reads names, not codes
		var history = data.judging.scoreSheet(judge, round.id(), entry.id()).history();
		assertThat(history).hasSize(1);
		assertThat(history.get(0).newValues()).isEqualTo("Tính sáng tạo: 9; Khả năng ứng dụng: 4");

		// the version a judge scored with is never changed, only superseded
		assertThat(data.rubrics.get(office, rubric.rubricId()).versions().get(0).used()).isTrue();
		assertThatThrownBy(() -> data.rubrics.correct(office, rubric.versionId(), new SaveRubric(rubric.name(),
				List.of(new CriterionInput(null, "Tính sáng tạo", null, BigDecimal.valueOf(100), 0, 10))), 0))
			.isInstanceOf(BusinessException.class).hasMessage("review.rubric.used");
		assertThat(data.rubrics.version(rubric.versionId()).criteria()).hasSize(2);
		RubricView v2 = data.rubrics.newVersion(office, rubric.rubricId(), new SaveRubric(rubric.name(),
				List.of(new CriterionInput(null, "Tính sáng tạo", null, BigDecimal.valueOf(100), 0, 10))), 0);
		assertThat(v2.number()).isEqualTo(2);
		assertThat(data.rounds.rubricOf(data.rounds.round(office, round.id())).versionId()).isEqualTo(rubric.versionId());
	}

	private Caller at(String username, Role role, UnitView unit) {
		Caller c = caller(username);
		return new Caller(c.accountId(), c.username(), c.displayName(), List.of(new Grant(role, unit.id(), unit.path())));
	}
}
