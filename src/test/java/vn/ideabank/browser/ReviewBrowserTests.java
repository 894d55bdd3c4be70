package vn.ideabank.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.ideabank.browser.Texts.vi;

import java.math.BigDecimal;
import java.time.Year;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.idea.SectorField;
import vn.ideabank.org.UnitService;
import vn.ideabank.review.ReviewCommands.CreateCouncil;
import vn.ideabank.review.ReviewService;
import vn.ideabank.review.ReviewTestData;
import vn.ideabank.review.ReviewViews.CouncilView;
import vn.ideabank.review.RubricService;

/** A reviewer finds the assigned idea from the navigation, scores every criterion on a phone and sees the total. */
class ReviewBrowserTests extends BrowserTest {

	@Autowired
	ReviewService reviews;

	@Autowired
	RubricService rubrics;

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Test
	void aReviewerScoresAnAssignedIdeaOnABlindCouncilFromAPhone() {
		Caller office = caller("huyendoan.trieuson");
		Caller an = caller("nguyen.van.an");
		long t1 = units.findByCode("TS-THODAN-T1").orElseThrow().id();
		IdeaView idea = ReviewTestData.draft(ideas, an, t1, ReviewTestData.unique("Máy sấy nông sản "), SectorField.AGRICULTURE);
		idea = ReviewTestData.underReview(ideas, idea, an, caller("doan.thodan"), office);
		long ts = units.findByCode("TS").orElseThrow().id();
		CouncilView council = reviews.createCouncil(office, new CreateCouncil(ts, ReviewTestData.unique("Hội đồng kín "),
				Year.now().getValue(), rubrics.defaultRubric().versionId(), true, false, BigDecimal.valueOf(20), 1));
		reviews.addMember(office, council.id(), "tran.thi.binh");
		reviews.addIdea(office, council.id(), idea.id());
		reviews.autoAssign(office, council.id());

		context.close();
		context = browser.newContext(contextOptions().setViewportSize(360, 740).setIsMobile(true).setHasTouch(true));
		page = context.newPage();
		login("tran.thi.binh", DEMO_PASSWORD);
		page.navigate("/");
		// on a phone the navigation folds behind the menu button
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName(vi("layout.menu"))).click();
		page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
				new Page.GetByRoleOptions().setName(vi("review.nav")).setExact(true)).first().click();
		assertThat(page.locator("h1")).hasText(vi("review.mine.title"));
		page.getByText(idea.title()).click();
		assertThat(page.locator("h1")).hasText(idea.title());
		// blind: neither the author nor the unit is shown
		assertThat(page.locator("main")).not().containsText("Nguyễn Văn Tác Giả");
		assertThat(page.locator("main")).not().containsText(vi("review.item.authors"));

		page.locator("#v_NOVELTY").fill("8");
		page.locator("#v_BENEFIT").fill("6");
		page.locator("#v_SCOPE").fill("5");
		page.locator("#v_FEASIBILITY").fill("10");
		page.locator("#comment").fill("Giải pháp rẻ, dễ nhân rộng");
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName(vi("review.score.save"))).click();
		assertThat(page.locator(".notice.ok")).hasText(vi("review.score.saved"));
		assertThat(page.locator("main")).containsText(vi("review.score.total", "72,00"));
		assertThat(page.locator("#v_NOVELTY")).hasValue("8");
		assertThat(pageWidth()).isLessThanOrEqualTo(360);
	}
}
