package vn.ideabank.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.ideabank.browser.Texts.vi;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.Test;

/** The idea pages on a 360 px phone: the list table scrolls inside its box, the page never sideways. */
class IdeaPhoneBrowserTests extends BrowserTest {

	static final int WIDTH = 360;

	@Override
	protected Browser.NewContextOptions contextOptions() {
		return super.contextOptions().setViewportSize(WIDTH, 740).setIsMobile(true).setHasTouch(true)
			.setDeviceScaleFactor(1);
	}

	@Test
	void anOfficerEntersAnIdeaAndFindsItInTheListOnAPhone() {
		login("doan.thodan", DEMO_PASSWORD);
		page.navigate("/ideas/new");
		assertThat(page.locator("h1")).hasText(vi("ideas.new"));
		assertFitsTheScreen();
		screenshotWholePage("idea-form-360.png");

		page.getByLabel(vi("idea.label.title"), new Page.GetByLabelOptions().setExact(true)).fill("Bẫy côn trùng bằng đèn năng lượng mặt trời cho ruộng lúa");
		page.getByLabel(vi("idea.label.summary"), new Page.GetByLabelOptions().setExact(true)).fill("Đèn bẫy tự bật lúc chập tối, không dùng thuốc trừ sâu.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("ideas.saveDraft")).setExact(true)).click();
		assertThat(page.locator("h1")).hasText("Bẫy côn trùng bằng đèn năng lượng mặt trời cho ruộng lúa");
		assertFitsTheScreen();
		screenshotWholePage("idea-360.png");

		page.navigate("/ideas");
		assertThat(page.locator("table.ideas")).isVisible();
		assertFitsTheScreen();
		// each idea is a card: nothing scrolls sideways, not even inside the table's box
		assertThat((Boolean) page.evaluate("() => { const w = document.querySelector('.table-wrap'); return w.scrollWidth > w.clientWidth; }"))
			.isFalse();
		assertThat(page.locator("table.ideas tbody tr").first()).hasCSS("display", "block");
		screenshotWholePage("ideas-360.png");
	}

	private void assertFitsTheScreen() {
		assertThat(page.evaluate("() => window.innerWidth")).isEqualTo(WIDTH);
		assertThat(pageWidth())
			.as("horizontal scroll on " + page.url()).isLessThanOrEqualTo(WIDTH);
	}
}
