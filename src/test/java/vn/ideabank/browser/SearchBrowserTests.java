package vn.ideabank.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.ideabank.browser.Texts.vi;

import java.time.Year;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.org.UnitService;
import vn.ideabank.search.SearchService;
import vn.ideabank.search.SearchTestData;

/** Similar ideas appear while an idea is typed; the search box in the header finds ideas; phones fit. */
class SearchBrowserTests extends BrowserTest {

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	SearchService search;

	@Test
	void typingAnIdeaShowsTheEarlierIdeaSubmittedLastYearInOtherWords() {
		long unit = units.findByCode("TS-THODAN").orElseThrow().id();
		IdeaView earlier = ideas.create(caller("doan.thodan"), SearchTestData.idea(unit, Year.now().getValue() - 1,
				"Bẫy đèn năng lượng mặt trời diệt côn trùng hại lúa xbaydenlua",
				"Đèn tự bật lúc chập tối thu hút bướm sâu, giảm phun thuốc trừ sâu trên ruộng lúa."));
		login("doan.thodan", DEMO_PASSWORD);
		page.navigate("/ideas/new");
		assertThat(page.locator("#similar-ideas h2")).hasText(vi("search.similar.title"));
		page.getByLabel(vi("idea.label.title"), new Page.GetByLabelOptions().setExact(true))
			.pressSequentially("Den bay con trung cho ruong lua chay bang pin mat troi xbaydenlua", new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(5));
		page.getByLabel(vi("idea.label.summary"), new Page.GetByLabelOptions().setExact(true))
			.fill("Thu hut buom sau vao ban dem de giam thuoc tru sau");
		// the panel refreshes on its own (debounced htmx) once the outbox has indexed the earlier idea
		assertThat(page.locator("#similar-ideas .similar-list a[href='/ideas/" + earlier.id() + "']")).hasText(earlier.title(),
				new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(15_000));
	}

	@Test
	void theHeaderSearchBoxFindsAnIdeaAndThePageFitsAPhone() {
		long unit = units.findByCode("TS-THODAN").orElseThrow().id();
		IdeaView idea = ideas.create(caller("doan.thodan"),
				SearchTestData.idea(unit, "Nông nghiệp công nghệ cao cho thanh niên xhopdauvao", "Nhà màng trồng dưa lưới."));
		context.close();
		context = browser.newContext(contextOptions().setViewportSize(360, 740).setIsMobile(true).setHasTouch(true));
		page = context.newPage();
		login("doan.thodan", DEMO_PASSWORD);
		page.navigate("/");
		openMenuIfFolded();
		page.locator("#header-search-q").fill("nong nghiep cong nghe cao xhopdauvao");
		page.locator("#header-search-q").press("Enter");
		assertThat(page.locator("h1")).hasText(vi("search.title"));
		String link = "ol.hits li.hit a[href='/ideas/" + idea.id() + "']";
		for (int i = 0; i < 30 && page.locator(link).count() == 0; i++) {
			page.waitForTimeout(500); // the outbox poller indexes it within a second
			page.reload();
		}
		assertThat(page.locator(link)).isVisible();
		assertThat(page.locator(link + " mark").first()).isVisible();
		assertThat(page.locator("ol.hits li.hit:has(a[href='/ideas/" + idea.id() + "']) .meta")).containsText("năm " + idea.year()); // not "2.026"
		// the filter box and its counts arrive after the hits; a year keeps the idea and marks the filter
		page.locator("details.search-facets summary").click();
		page.locator("details.search-facets a[href*='year=" + idea.year() + "']").click();
		assertThat(page.locator("details.search-facets a.current[href*='year=" + idea.year() + "']")).isVisible();
		assertThat(page.locator(link)).isVisible();
		assertThat(pageWidth()).isLessThanOrEqualTo(360);
		screenshotWholePage("search-360.png");
	}
}
