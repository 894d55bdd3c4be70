package vn.ideabank.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.ideabank.browser.Texts.vi;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import vn.ideabank.common.security.Caller;
import vn.ideabank.contest.ContestView;
import vn.ideabank.contest.RoundTestData;

/**
 * The office sets up a judging round and adds a judge; the judge finds it from the navigation on a
 * phone and scores the entry; the office closes the round, takes the award proposed from the ranking
 * and publishes the results, which the public page shows.
 */
class RoundBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext application;

	@Test
	void aJudgeScoresTheRoundAndTheOfficeClosesItAndPublishesTheResults() {
		RoundTestData data = new RoundTestData(application, this::caller);
		String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
		String title = "Máy bóc vỏ lạc " + run;
		Caller office = caller("huyendoan.trieuson");
		long ideaId = data.acceptedIdea(data.units.findByCode("TS-THODAN").orElseThrow().id(), title, "Hoàng Thị Mến");
		ContestView contest = data.openContest(office, data.units.findByCode("TS").orElseThrow().id(), "Xét chọn sáng kiến " + run);
		data.nominations.nominate(office, contest.id(), ideaId);
		data.judging(office, contest.id());
		String contestUrl = "/contests/" + contest.id();
		String roundName = "Vòng chung khảo " + run;

		// the office sets the round up
		login("huyendoan.trieuson", DEMO_PASSWORD);
		page.navigate(contestUrl);
		page.locator("#new-round").click();
		page.locator("#name").fill(roundName);
		page.locator("#save-round").click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText(vi("contest.round.notice.created"));
		String roundUrl = page.url();
		page.locator("#username").fill("le.van.cuong");
		page.locator("#add-judge").click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText(vi("contest.round.notice.judgeAdded"));
		page.locator("#open-round").click();
		assertThat(page.locator("#round-status")).hasText(vi("contest.round.status.OPEN"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("nav.logout"))).click();

		// the judge, on a phone, finds the round from the navigation and scores the entry
		context.close();
		context = browser.newContext(contextOptions().setViewportSize(360, 740).setIsMobile(true).setHasTouch(true));
		page = context.newPage();
		login("le.van.cuong", DEMO_PASSWORD);
		page.navigate("/");
		openMenuIfFolded();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(vi("contest.judge.nav")).setExact(true)).first().click();
		assertThat(page.locator("h1")).hasText(vi("contest.judge.title"));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(vi("contest.round.heading", 1, roundName))).click();
		page.getByText(title).click();
		assertThat(page.locator("h1")).hasText(title);
		// the browser itself keeps scores inside the scale (min/max); the server's refusal is tested in RoundPagesTests
		assertThat(page.locator("#v_NOVELTY")).hasAttribute("max", "10");
		page.locator("#v_NOVELTY").fill("8");
		page.locator("#v_BENEFIT").fill("6");
		page.locator("#v_SCOPE").fill("5");
		page.locator("#v_FEASIBILITY").fill("10");
		page.locator("#save-score").click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText(vi("contest.round.notice.scored"));
		assertThat(page.locator("ul.judge-entries")).containsText(vi("contest.judge.scored", "72,00"));
		assertThat(pageWidth()).isLessThanOrEqualTo(360);
		openMenuIfFolded();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("nav.logout"))).click();

		// the office closes the round as the final one, takes the proposed award and publishes
		context.close();
		context = browser.newContext(contextOptions());
		page = context.newPage();
		login("huyendoan.trieuson", DEMO_PASSWORD);
		page.navigate(roundUrl);
		assertThat(page.locator("table.round-results")).containsText("72,00");
		page.locator("#advancement").selectOption("NONE");
		page.locator("#close-round").click();
		assertThat(page.locator(".confirm-sentence")).containsText("không mở lại được");
		page.locator("#confirm-yes").click();
		assertThat(page.locator("#round-status")).hasText(vi("contest.round.status.CLOSED"));
		page.locator("#first").fill("1");
		page.locator("#second").fill("0");
		page.locator("#third").fill("0");
		page.locator("#consolation").fill("0");
		page.locator("#propose-awards").click();
		Locator row = page.locator("table.round-results tr", new Page.LocatorOptions().setHasText(title));
		assertThat(row.locator("td.proposed")).hasText(vi("contest.award.FIRST"));
		page.locator("#confirm-awards").click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText(vi("contest.round.notice.awards"));
		assertThat(page).hasURL(Pattern.compile(contestUrl + "$"));
		page.locator("#advance").click();
		page.locator("#confirm-yes").click();
		assertThat(page.locator("#contest-status")).hasText(vi("contest.status.PUBLISHED"));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(vi("contest.publicLink"))).click();
		assertThat(page.locator("table.contest-results")).containsText(vi("contest.award.FIRST"));
		assertThat(page.locator("table.contest-results")).containsText("Hoàng Thị Mến");
	}
}
