package vn.ideabank.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.ideabank.browser.Texts.vi;

import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.ideabank.idea.IdeaService;
import vn.ideabank.org.UnitService;
import vn.ideabank.showcase.ShowcaseFixtures;

/** The public home page on a cheap phone, 360 × 740, for a visitor who is not signed in. */
class ShowcaseBrowserTests extends BrowserTest {

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Override
	protected Browser.NewContextOptions contextOptions() {
		return super.contextOptions().setViewportSize(360, 740).setIsMobile(true).setHasTouch(true)
			.setDeviceScaleFactor(1);
	}

	@Test
	void aVisitorSeesTheTotalsAndFeaturedWorkWithoutScrollingSideways() {
		String title = "Vườn rau thông minh của chi đoàn " + UUID.randomUUID().toString().substring(0, 6);
		ShowcaseFixtures.applied(ideas, caller("huyendoan.trieuson"), units.findByCode("TS-THODAN").orElseThrow().id(),
				title, false);

		page.navigate("/");
		assertThat(page).hasURL(url("/public"));
		assertThat(page.locator("h1")).hasText(vi("showcase.home.heading"));
		Locator totals = page.locator(".total");
		assertThat(totals).hasCount(4);
		for (Locator total : totals.all()) {
			assertThat(total).isVisible();
			assertThat(total).isInViewport();
		}
		assertThat(page.getByText(vi("showcase.total.applied"))).isVisible();
		assertThat(page.locator("img.qr")).isVisible();
		assertThat((Integer) page.evaluate("() => window.innerWidth")).isEqualTo(360);
		assertThat(pageWidth())
			.as("horizontal scroll").isLessThanOrEqualTo(360);
		assertThat((Boolean) page.evaluate("() => document.querySelector('img.qr').naturalWidth > 0"))
			.as("the QR code loads").isTrue();
		screenshotWholePage("showcase-360.png");

		// the featured work opens its public page, and the list of models is one tap away
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
		assertThat(page.locator("h1")).hasText(title);
		page.goBack();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(vi("showcase.models.all"))).click();
		assertThat(page.locator("h1")).hasText(vi("showcase.models.title"));
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title))).isVisible();
		assertThat(pageWidth())
			.as("horizontal scroll").isLessThanOrEqualTo(360);

		// the clubs and the contest winners are one tap away from the totals, and fit the phone too
		for (String[] link : new String[][] { { "showcase.total.clubs", "showcase.clubs.title" },
				{ "showcase.total.contests", "showcase.winners.title" } }) {
			page.navigate("/public");
			page.locator(".total").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(vi(link[0]))).click();
			assertThat(page.locator("h1")).hasText(vi(link[1]));
			assertThat(page.locator("img.qr")).isVisible();
			assertThat(pageWidth())
				.as("horizontal scroll").isLessThanOrEqualTo(360);
		}
	}

	@Test
	void aSignedInPersonSeesTheBellAndReachesTheirNotificationsOnAPhone() {
		login("nguyen.van.an", DEMO_PASSWORD);
		Locator bell = page.locator("a.bell");
		assertThat(bell).isVisible();
		bell.click();
		assertThat(page.locator("h1")).hasText(vi("notification.title"));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(vi("notification.preferences.title"))).click();
		assertThat(page.locator("h1")).hasText(vi("notification.preferences.title"));
		assertThat(pageWidth())
			.as("horizontal scroll").isLessThanOrEqualTo(360);
	}
}
