package vn.ideabank.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static vn.ideabank.browser.Texts.en;
import static vn.ideabank.browser.Texts.vi;

/** Vietnamese by default; English on request, remembered from page to page and across sign-in. */
class LanguageBrowserTests extends BrowserTest {

	@Test
	void choosingEnglishSwitchesTheInterfaceAndTheChoiceIsRemembered() {
		page.navigate("/login");
		assertThat(page.locator("h1")).hasText(vi("login.title"));

		languages().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(vi("lang.en")).setExact(true)).click();

		assertThat(page.locator("html")).hasAttribute("lang", "en");
		assertThat(page.locator("h1")).hasText(en("login.title"));
		assertThat(page.getByLabel(en("login.username"), new Page.GetByLabelOptions().setExact(true))).isVisible();
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(en("login.submit")))).isVisible();
		assertThat(page.getByText(vi("login.lead"))).hasCount(0);
		// the same page without the parameter stays English
		page.navigate("/login");
		assertThat(page.locator("h1")).hasText(en("login.title"));

		// and so do the pages after signing in
		login("huyendoan.trieuson", DEMO_PASSWORD);
		assertThat(page.locator("html")).hasAttribute("lang", "en");
		assertThat(page.locator("h1")).hasText(en("home.greeting", "Văn phòng Huyện đoàn Triệu Sơn"));
		Locator nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName(en("layout.nav")));
		assertThat(nav.getByRole(AriaRole.LINK)).hasText(new String[] { en("nav.home"), en("nav.ideas"), en("target.nav"), en("review.nav"), en("initiative.nav"), en("nav.units"), en("nav.members"), en("nav.reports"), en("nav.programme"), en("contest.nav"), en("contest.judge.nav"), en("nav.profile") });
		nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(en("nav.units")).setExact(true)).click();
		assertThat(page).hasURL(url("/units"));
		assertThat(page.locator("h1")).hasText(en("units.title"));
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(en("action.search")).setExact(true)))
			.isVisible();
		// unit names are data, not interface: they stay Vietnamese
		assertThat(page.getByRole(AriaRole.TREE).getByRole(AriaRole.LINK,
				new Locator.GetByRoleOptions().setName("Đoàn xã Thọ Dân").setExact(true))).isVisible();
		page.navigate("/profile");
		assertThat(page.locator("h1")).hasText(en("profile.title"));
		page.reload();
		assertThat(page.locator("html")).hasAttribute("lang", "en");

		// and back to Vietnamese
		page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName(en("layout.language")))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(vi("lang.vi")).setExact(true))
			.click();
		assertThat(page.locator("html")).hasAttribute("lang", "vi");
		assertThat(page.locator("h1")).hasText(vi("profile.title"));
		page.navigate("/units");
		assertThat(page.locator("h1")).hasText(vi("units.title"));
	}

	private Locator languages() {
		return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName(vi("layout.language")));
	}
}
