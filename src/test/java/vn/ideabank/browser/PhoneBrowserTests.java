package vn.ideabank.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import vn.ideabank.org.UnitService;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.ideabank.browser.Texts.vi;

/** A cheap phone, 360 px wide: nothing scrolls sideways and the navigation stays in reach. */
class PhoneBrowserTests extends BrowserTest {

	static final int WIDTH = 360;

	@Autowired
	UnitService units;

	@Override
	protected Browser.NewContextOptions contextOptions() {
		return super.contextOptions().setViewportSize(WIDTH, 740).setIsMobile(true).setHasTouch(true)
			.setDeviceScaleFactor(1);
	}

	@Test
	void theHomePageFitsAPhoneAndItsNavigationIsVisible() {
		login("admin", ADMIN_PASSWORD);
		page.navigate("/");

		assertFitsTheScreen();
		assertHeaderFolded();
		openMenu();
		Locator nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName(vi("layout.nav")));
		assertThat(nav.getByRole(AriaRole.LINK)).hasText(
				new String[] { vi("nav.home"), vi("nav.ideas"), vi("target.nav"), vi("review.nav"), vi("initiative.nav"), vi("nav.units"), vi("nav.members"), vi("nav.reports"), vi("nav.programme"), vi("contest.nav"), vi("contest.judge.nav"), vi("nav.accounts"), vi("nav.profile") });
		for (Locator link : nav.getByRole(AriaRole.LINK).all()) {
			assertOnScreen(link);
		}
		assertOnScreen(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("nav.logout"))));
		screenshotWholePage("home-360.png");
	}

	@Test
	void theUnitTreeFitsAPhone() {
		// the administrator sees the deepest tree: province, district, commune, branch
		login("admin", ADMIN_PASSWORD);
		openMenu();
		Locator nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName(vi("layout.nav")));
		nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(vi("nav.units")).setExact(true)).click();

		assertThat(page.locator("h1")).hasText(vi("units.title"));
		assertThat(page.getByRole(AriaRole.TREE).getByText("Chi đoàn trường THCS Thọ Dân")).isVisible();
		assertFitsTheScreen();
		assertHeaderFolded();
		openMenu();
		for (Locator link : nav.getByRole(AriaRole.LINK).all()) {
			assertOnScreen(link);
		}
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("layout.menu"))).click();
		assertThat(nav).isHidden();
		assertOnScreen(page.getByLabel(vi("units.search"), new Page.GetByLabelOptions().setExact(true)));
		assertOnScreen(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("action.search")).setExact(true)));
		screenshotWholePage("units-tree-360.png");
	}

	@Test
	void theUnitPageAndTheUnitFormFitAPhone() {
		long thoDan = units.findByCode("TS-THODAN").orElseThrow().id();
		login("huyendoan.trieuson", DEMO_PASSWORD);
		page.navigate("/units/" + thoDan);
		assertThat(page.locator("h1")).hasText("Đoàn xã Thọ Dân");
		assertFitsTheScreen();
		screenshotWholePage("unit-360.png");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(vi("units.addChild"))).click();
		assertThat(page.locator("h1")).hasText(vi("units.new"));
		assertFitsTheScreen();
		for (String label : new String[] { "unit.parent", "unit.code", "unit.name", "unit.levelName", "unit.kind", "unit.memberCount" }) {
			assertWithinWidth(page.getByLabel(vi(label), new Page.GetByLabelOptions().setExact(true)));
		}
		assertWithinWidth(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("action.save")).setExact(true)));
		screenshotWholePage("unit-form-360.png");
	}

	/** The menu folds behind one button: the header is one short row and the navigation is hidden until asked for. */
	private void assertHeaderFolded() {
		assertThat(page.locator("header.site-header").boundingBox().height).as("header height").isLessThanOrEqualTo(72);
		assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName(vi("layout.nav")))).isHidden();
	}

	private void openMenu() {
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("layout.menu"))).click();
	}

	private void assertFitsTheScreen() {
		// the page is laid out for the phone (a missing viewport tag would give 980) …
		assertThat(page.evaluate("() => window.innerWidth")).isEqualTo(WIDTH);
		// … and nothing is wider than it
		assertThat(pageWidth())
			.as("horizontal scroll on " + page.url()).isLessThanOrEqualTo(WIDTH);
	}

	/** Visible without scrolling in either direction. */
	private void assertOnScreen(Locator element) {
		assertThat(element).isVisible();
		assertThat(element).isInViewport();
		assertWithinWidth(element);
	}

	private void assertWithinWidth(Locator element) {
		BoundingBox box = element.boundingBox();
		assertThat(box).as(element.toString()).isNotNull();
		assertThat(box.x).as(element + " left edge").isGreaterThanOrEqualTo(0);
		assertThat(box.x + box.width).as(element + " right edge").isLessThanOrEqualTo(WIDTH);
	}
}
