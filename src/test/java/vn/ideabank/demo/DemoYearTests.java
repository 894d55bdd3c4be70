package vn.ideabank.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import vn.ideabank.account.AccountService;
import vn.ideabank.common.security.Caller;
import vn.ideabank.contest.ContestRounds;
import vn.ideabank.contest.ContestService;
import vn.ideabank.contest.ContestStatus;
import vn.ideabank.contest.ContestView;
import vn.ideabank.contest.RoundViews;
import vn.ideabank.idea.IdeaFilter;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;
import vn.ideabank.quota.Progress;
import vn.ideabank.quota.ProgressService;
import vn.ideabank.quota.TargetKind;
import vn.ideabank.quota.YearPart;
import vn.ideabank.report.PeriodKind;
import vn.ideabank.report.PlanService;
import vn.ideabank.report.ReportService;
import vn.ideabank.report.ReportStatus;
import vn.ideabank.report.ReportView;
import vn.ideabank.review.ReviewService;
import vn.ideabank.review.ReviewViews;

/**
 * The demo year in a context of its own (the suite's shared one keeps it off, its tests count things), on
 * its own throw-away embedded database even when the suite runs on a server ({@code spring.datasource.url}
 * emptied), closed afterwards.
 */
@SpringBootTest(properties = { "ideabank.seed.demo-year=true", "spring.datasource.url=" })
@ActiveProfiles("test")
@DirtiesContext
class DemoYearTests {

	@Autowired
	DemoYear demoYear;

	@Autowired
	AccountService accounts;

	@Autowired
	UnitService units;

	@Autowired
	IdeaService ideas;

	@Autowired
	ProgressService progress;

	@Autowired
	ReviewService reviews;

	@Autowired
	ContestService contests;

	@Autowired
	ContestRounds rounds;

	@Autowired
	vn.ideabank.contest.ContestJudging judging;

	@Autowired
	ReportService reports;

	@Autowired
	PlanService plans;

	@Test
	void demoModeShowsALivedInYearAndASecondRunAddsNothing() {
		demoYear.generate(); // waits for the run started when the application was ready, if it is still going
		Caller office = accounts.actingAs("huyendoan.trieuson").orElseThrow();
		UnitView district = units.findByCode("TS").orElseThrow();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		int year = today.getYear();

		long total = count(office, district, null);
		assertThat(total).isBetween(250L, 400L);
		// ideas of the last weeks are still early in their life: a year from March on shows every status
		for (IdeaStatus status : today.getMonthValue() >= 3 ? EnumSet.allOf(IdeaStatus.class) : EnumSet.of(IdeaStatus.SUBMITTED)) {
			assertThat(count(office, district, status)).as("ideas %s", status).isPositive();
		}
		assertThat(ideas.list(office, new IdeaFilter(district.id(), year, null, null, null, null, null, false,
				IdeaFilter.Duplicates.ONLY), PageRequest.of(0, 10)).getTotalElements()).as("duplicates").isBetween(1L, 3L);

		Progress.UnitProgress dashboard = progress.dashboard(office, district.id(), year, YearPart.YEAR, null, today);
		Progress.Line ideasLine = dashboard.lines().stream().filter(l -> l.target().kind() == TargetKind.IDEAS_PROPOSED)
			.findFirst().orElseThrow();
		assertThat(ideasLine.share()).isEqualTo(340L);
		assertThat(ideasLine.actual()).isPositive();
		assertThat(dashboard.children().stream().filter(c -> c.line().share() != null && c.line().share() > 0).count())
			.as("communes with an allocation").isGreaterThan(5);
		assertThat(dashboard.proposedByMonth().entrySet().stream().filter(e -> e.getValue() > 0).count())
			.as("months with ideas").isGreaterThanOrEqualTo(Math.max(1, today.getMonthValue() - 1));

		assertThat(plans.list(office, PageRequest.of(0, 10)).getTotalElements()).isEqualTo(1);
		DemoYear.Result again = demoYear.generate();
		assertThat(again.generated()).as("second run").isFalse();
		assertThat(count(office, district, null)).isEqualTo(total);
		assertThat(plans.list(office, PageRequest.of(0, 10)).getTotalElements()).isEqualTo(1);

		if (today.getMonthValue() < 3) {
			return; // in January and February no idea is old enough to be reviewed, judged or reported on
		}
		ReviewViews.CouncilView council = reviews.councils(office, 0, 10).getContent().get(0);
		List<ReviewViews.ProgressView> scoring = reviews.progress(office, council.id());
		assertThat(scoring).singleElement().satisfies(p -> {
			assertThat(p.scored()).as("scored").isPositive();
			assertThat(p.pending()).as("pending").isPositive();
		});

		ContestView contest = contests.list(office, PageRequest.of(0, 10)).getContent().get(0);
		assertThat(contest.status()).isEqualTo(ContestStatus.JUDGING);
		RoundViews.RoundView round = rounds.rounds(office, contest.id()).get(0);
		Caller judge = accounts.actingAs("le.van.cuong").orElseThrow();
		List<RoundViews.JudgeEntry> entries = judging.myEntries(judge, round.id());
		assertThat(entries).hasSizeGreaterThan(3);
		assertThat(entries).anyMatch(e -> e.total() != null).anyMatch(e -> e.total() == null);

		List<ReportView> quarterly = reports.list(office, new ReportService.ReportFilter(PeriodKind.QUY, year, null, null),
				PageRequest.of(0, 50)).getContent();
		Set<Integer> quarters = quarterly.stream().map(r -> r.period().number()).collect(Collectors.toSet());
		assertThat(quarters).isEqualTo(Set.of(1, 2, 3).stream().filter(q -> q * 3 < today.getMonthValue()).collect(Collectors.toSet()));
		assertThat(quarterly.stream().map(ReportView::status)).containsOnly(ReportStatus.SUBMITTED, ReportStatus.RETURNED)
			.containsOnlyOnce(ReportStatus.RETURNED);
	}

	private long count(Caller caller, UnitView district, IdeaStatus status) {
		return ideas.list(caller, new IdeaFilter(district.id(), LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear(), status, null,
				null, null, null, false), PageRequest.of(0, 1)).getTotalElements();
	}
}
