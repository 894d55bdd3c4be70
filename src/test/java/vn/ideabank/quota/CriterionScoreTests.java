package vn.ideabank.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.ideabank.org.UnitKind;
import vn.ideabank.org.UnitView;
import vn.ideabank.quota.Progress.CriterionPart;
import vn.ideabank.quota.Progress.CriterionScore;
import vn.ideabank.quota.Progress.Line;
import vn.ideabank.quota.TargetViews.Weights;

/** The creativity criterion's arithmetic and "expected by today", without a database. */
class CriterionScoreTests {

	private final ProgressService progress = new ProgressService(null, null, null, List.of(), List.of());

	private final UnitView commune = new UnitView(7, "TS-THODAN", "Đoàn xã Thọ Dân", "Cơ sở", UnitKind.COMMUNE, 1L,
			"/1/7/", 2, 50, true, 0);

	private final Weights weights = new Weights(40, 30, 15, 15, new BigDecimal("0.1"));

	@Test
	void aModelsQuotaOfZeroIsLeftOutOfTheScoreAndItsMaximumAndSaysWhy() {
		CriterionScore score = progress.score(commune, weights, 5, 0, 0L, 2026);
		CriterionPart models = score.parts().stream().filter(p -> p.key().equals("MODELS")).findFirst().orElseThrow();
		assertThat(models.tracked()).isFalse();
		assertThat(models.leftOutBecause()).isEqualTo("target.criterion.noQuota");
		// ideas 5/50 = 0.1 of 0.1 → 40 of 40; nothing else tracked: 40 of 40, not 40 of 70
		assertThat(score.maxPoints()).isEqualTo(40);
		assertThat(score.score100()).isEqualTo(100.0);
	}

	@Test
	void aModelsQuotaGivenIsScoredAgainstItAndNoQuotaAtAllMeansOneModelIsFull() {
		assertThat(progress.score(commune, weights, 5, 1, 2L, 2026).maxPoints()).isEqualTo(70);
		assertThat(progress.score(commune, weights, 5, 1, 2L, 2026).points()).isEqualTo(55.0);
		assertThat(progress.score(commune, weights, 5, 1, null, 2026).points()).isEqualTo(70.0);
	}

	@Test
	void anIdeasPerMemberQuotaOfZeroIsLeftOut() {
		CriterionScore score = progress.score(commune, new Weights(40, 30, 15, 15, BigDecimal.ZERO), 0, 1, null, 2026);
		assertThat(score.parts().get(0).leftOutBecause()).isEqualTo("target.criterion.noQuota");
		assertThat(score.maxPoints()).isEqualTo(30);
	}

	@Test
	void aDistrictWithNoneOfOneContestIsBehindInDecemberAndEvenInJanuary() {
		Line december = ProgressService.line(null, 1L, 0L, 2026, YearPart.YEAR, LocalDate.of(2026, 12, 5));
		assertThat(december.expected()).isEqualTo(1);
		assertThat(december.behind()).isTrue();
		Line done = ProgressService.line(null, 1L, 1L, 2026, YearPart.YEAR, LocalDate.of(2026, 12, 5));
		assertThat(done.behind()).isFalse();
		// 4 × 182/365 = 1.99: one idea is behind, two are not
		assertThat(ProgressService.line(null, 4L, 1L, 2026, YearPart.YEAR, LocalDate.of(2026, 7, 1)).behind()).isTrue();
		assertThat(ProgressService.line(null, 4L, 2L, 2026, YearPart.YEAR, LocalDate.of(2026, 7, 1)).behind()).isFalse();
	}
}
