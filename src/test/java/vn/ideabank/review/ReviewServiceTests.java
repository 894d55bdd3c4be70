package vn.ideabank.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.error.BusinessException;
import vn.ideabank.common.error.NotFoundException;
import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.idea.SectorField;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.review.ReviewCommands.CreateCouncil;
import vn.ideabank.review.ReviewCommands.Decide;
import vn.ideabank.review.ReviewCommands.Score;
import vn.ideabank.review.ReviewViews.AssignmentView;
import vn.ideabank.review.ReviewViews.CouncilView;
import vn.ideabank.review.ReviewViews.Decision;
import vn.ideabank.review.ReviewViews.ResultView;

class ReviewServiceTests extends IntegrationTest {

	@Autowired
	ReviewService reviews;

	@Autowired
	ReviewScoring scoring;

	@Autowired
	RubricService rubrics;

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	Caller office;

	Caller binh;

	Caller cuong;

	Caller thodan;

	Caller an;

	UnitView ts;

	@BeforeEach
	void callers() {
		office = caller("huyendoan.trieuson");
		binh = caller("tran.thi.binh");
		cuong = caller("le.van.cuong");
		thodan = caller("doan.thodan");
		an = caller("nguyen.van.an");
		ts = units.findByCode("TS").orElseThrow();
	}

	CouncilView council(long unitId, boolean blind, boolean normalise) {
		return reviews.createCouncil(office, new CreateCouncil(unitId, ReviewTestData.unique("Hội đồng "),
				Year.now().getValue(), rubrics.defaultRubric().versionId(), blind, normalise, BigDecimal.valueOf(20), 2));
	}

	/** An idea entered by the member nguyen.van.an at TS-THODAN-T1, under review. */
	IdeaView ideaOfAn() {
		long t1 = units.findByCode("TS-THODAN-T1").orElseThrow().id();
		IdeaView idea = ReviewTestData.draft(ideas, an, t1, ReviewTestData.unique("Ý tưởng của An "), SectorField.AGRICULTURE);
		return ReviewTestData.underReview(ideas, idea, an, thodan, office);
	}

	/** An idea entered by the office in a unit of its own, under review. */
	IdeaView ideaOfOffice(long unitId) {
		IdeaView idea = ReviewTestData.draft(ideas, office, unitId, ReviewTestData.unique("Ý tưởng "), SectorField.IT);
		return ReviewTestData.underReview(ideas, idea, office, office, office);
	}

	AssignmentView assignmentOf(Caller reviewer, long councilId, long ideaId) {
		return scoring.myAssignments(reviewer, 0, 1000).stream()
			.filter(a -> a.councilId() == councilId && a.item().ideaId() == ideaId).findFirst().orElseThrow();
	}

	static Score score(int novelty, int benefit, int scope, int feasibility, long version) {
		return new Score(Map.of("NOVELTY", novelty, "BENEFIT", benefit, "SCOPE", scope, "FEASIBILITY", feasibility),
				"Nhận xét", version);
	}

	@Test
	void conflictsOfInterestAreRefusedByHandAndAvoidedByAutoAssignment() {
		CouncilView council = council(ts.id(), false, false);
		for (String u : List.of("tran.thi.binh", "le.van.cuong", "doan.thodan", "nguyen.van.an")) {
			reviews.addMember(office, council.id(), u);
		}
		IdeaView ofAn = ideaOfAn();
		reviews.addIdea(office, council.id(), ofAn.id());
		long itemId = reviews.results(office, council.id()).get(0).item().id();

		// own idea; idea of the reviewer's own unit subtree (Thọ Dân ⊃ T1)
		assertThatThrownBy(() -> reviews.assign(office, council.id(), itemId, an.accountId()))
			.isInstanceOf(BusinessException.class).hasMessage("review.assign.conflict");
		assertThatThrownBy(() -> reviews.assign(office, council.id(), itemId, thodan.accountId()))
			.isInstanceOf(BusinessException.class).hasMessage("review.assign.conflict");

		assertThat(reviews.autoAssign(office, council.id())).isEqualTo(2);
		ResultView result = reviews.results(office, council.id()).get(0);
		assertThat(result.assigned()).extracting(ReviewViews.Assigned::reviewerId)
			.containsExactlyInAnyOrder(binh.accountId(), cuong.accountId());
		assertThat(reviews.autoAssign(office, council.id())).isZero();
	}

	@Test
	void reviewersScoreOnlyTheirAssignmentsInsideTheScaleWithHistory() {
		CouncilView council = council(ts.id(), false, false);
		reviews.addMember(office, council.id(), "tran.thi.binh");
		reviews.addMember(office, council.id(), "le.van.cuong");
		IdeaView idea = ideaOfAn();
		reviews.addIdea(office, council.id(), idea.id());
		reviews.autoAssign(office, council.id());
		AssignmentView mine = assignmentOf(binh, council.id(), idea.id());

		assertThatThrownBy(() -> scoring.score(binh, mine.id(), score(11, 5, 5, 5, 0)))
			.isInstanceOf(BusinessException.class).hasMessage("review.score.outOfScale");
		assertThatThrownBy(() -> scoring.score(binh, mine.id(), new Score(Map.of("NOVELTY", 5), null, 0)))
			.isInstanceOf(BusinessException.class).hasMessage("review.score.missing");
		// someone else's assignment reads as absent
		assertThatThrownBy(() -> scoring.score(cuong, mine.id(), score(5, 5, 5, 5, 0)))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> scoring.scoreSheet(thodan, mine.id())).isInstanceOf(NotFoundException.class);

		var first = scoring.score(binh, mine.id(), score(8, 6, 5, 10, 0));
		// 100 · (30·0.8 + 30·0.6 + 20·0.5 + 20·1.0) / 100 = 72
		assertThat(first.total()).isCloseTo(72, within(1e-9));
		var second = scoring.score(binh, mine.id(), score(9, 6, 5, 10, first.version()));
		assertThat(second.total()).isCloseTo(75, within(1e-9));
		// a stale form never overwrites
		assertThatThrownBy(() -> scoring.score(binh, mine.id(), score(1, 1, 1, 1, first.version())))
			.isInstanceOf(OptimisticLockingFailureException.class);
		var sheet = scoring.scoreSheet(binh, mine.id());
		assertThat(sheet.score().values()).containsEntry("NOVELTY", 9);
		assertThat(sheet.history()).extracting(ReviewViews.HistoryView::total).containsExactly(72.0, 75.0);
		assertThat(sheet.history().get(0).values()).contains("Tính mới: 8");
	}

	@Test
	void twoReviewersScoringAtOnceNeverLoseAScore() throws Exception {
		CouncilView council = council(ts.id(), false, false);
		reviews.addMember(office, council.id(), "tran.thi.binh");
		reviews.addMember(office, council.id(), "le.van.cuong");
		IdeaView idea = ideaOfAn();
		reviews.addIdea(office, council.id(), idea.id());
		reviews.autoAssign(office, council.id());
		long a1 = assignmentOf(binh, council.id(), idea.id()).id();
		long a2 = assignmentOf(cuong, council.id(), idea.id()).id();

		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> done = new ArrayList<>();
			done.add(pool.submit(() -> { start.await(); return scoring.score(binh, a1, score(10, 10, 10, 10, 0)); }));
			done.add(pool.submit(() -> { start.await(); return scoring.score(cuong, a2, score(0, 0, 0, 0, 0)); }));
			// the same reviewer twice at once on one row: exactly one wins, the other is told
			done.add(pool.submit(() -> { start.await(); return scoring.score(binh, a1, score(5, 5, 5, 5, 0)); }));
			start.countDown();
			int conflicts = 0;
			for (Future<?> f : done) {
				try {
					f.get();
				}
				catch (java.util.concurrent.ExecutionException e) {
					assertThat(e.getCause()).isInstanceOf(OptimisticLockingFailureException.class);
					conflicts++;
				}
			}
			assertThat(conflicts).isEqualTo(1);
		}
		finally {
			pool.shutdown();
		}
		ResultView result = reviews.results(office, council.id()).get(0);
		assertThat(result.scored()).isEqualTo(2);
		assertThat(scoring.scoreSheet(binh, a1).history()).hasSize(1);
		assertThat(scoring.scoreSheet(cuong, a2).score().total()).isZero();
	}

	@Test
	void resultsAggregateDecisionsMoveTheIdeaAndAClosedCouncilIsReadOnly() {
		CouncilView council = council(ts.id(), false, false);
		reviews.addMember(office, council.id(), "tran.thi.binh");
		reviews.addMember(office, council.id(), "le.van.cuong");
		IdeaView idea = ideaOfAn();
		reviews.addIdea(office, council.id(), idea.id());
		reviews.autoAssign(office, council.id());
		AssignmentView b = assignmentOf(binh, council.id(), idea.id());
		AssignmentView c = assignmentOf(cuong, council.id(), idea.id());
		scoring.score(binh, b.id(), score(10, 10, 10, 10, 0)); // 100
		scoring.score(cuong, c.id(), score(5, 5, 5, 5, 0)); // 50
		ResultView result = reviews.results(office, council.id()).get(0);
		assertThat(result.aggregate()).isCloseTo(75, within(1e-9));
		assertThat(result.spread()).isCloseTo(50, within(1e-9));
		assertThat(result.flagged()).isTrue();

		assertThatThrownBy(() -> reviews.decide(office, council.id(), result.item().id(), new Decide(Decision.ACCEPT, " ", 0)))
			.isInstanceOf(BusinessException.class).hasMessage("review.decision.reason.required");
		assertThatThrownBy(() -> reviews.decide(binh, council.id(), result.item().id(), new Decide(Decision.ACCEPT, "Tốt", 0)))
			.isInstanceOf(BusinessException.class);
		reviews.decide(office, council.id(), result.item().id(), new Decide(Decision.ACCEPT, "Có tính mới, khả thi", 0));
		assertThat(ideas.get(office, idea.id()).status()).isEqualTo(IdeaStatus.ACCEPTED);
		assertThat(reviews.results(office, council.id()).get(0).item().decision()).isEqualTo("ACCEPT");

		reviews.remind(office, council.id(), cuong.accountId());
		assertThat(reviews.progress(office, council.id())).filteredOn(p -> p.reviewerId() == cuong.accountId())
			.singleElement().satisfies(p -> {
				assertThat(p.scored()).isEqualTo(1);
				assertThat(p.lastReminder()).isNotNull();
			});

		reviews.close(office, council.id(), council.version());
		assertThatThrownBy(() -> scoring.score(binh, b.id(), score(1, 1, 1, 1, 1)))
			.isInstanceOf(BusinessException.class).hasMessage("review.council.closed");
	}

	@Test
	void blindCouncilsHideAuthorsAndUnitsFromReviewersAndOnlyTheCouncilsUnitIdeasJoin() {
		UnitView own = ReviewTestData.unit(units, caller("admin"), ts.id());
		CouncilView council = council(own.id(), true, false);
		reviews.addMember(office, council.id(), "tran.thi.binh");
		IdeaView inside = ideaOfOffice(own.id());
		ideaOfAn(); // under review, but outside the council's unit
		assertThat(reviews.addIdeasUnderReview(office, council.id())).isEqualTo(1);
		assertThatThrownBy(() -> reviews.addIdea(office, council.id(), ideaOfAn().id()))
			.isInstanceOf(BusinessException.class).hasMessage("review.item.notUnderReview");
		reviews.autoAssign(office, council.id());
		AssignmentView seen = assignmentOf(binh, council.id(), inside.id());
		assertThat(seen.item().title()).isEqualTo(inside.title());
		assertThat(seen.item().authors()).isNull();
		assertThat(seen.item().unitName()).isNull();
		assertThat(reviews.results(office, council.id()).get(0).item().unitName()).isEqualTo(own.name());
		// other offices' councils are not visible
		assertThatThrownBy(() -> reviews.council(thodan, council.id())).isInstanceOf(BusinessException.class);
	}
}
