package vn.ideabank.browser;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static vn.ideabank.browser.Texts.vi;

class SignInBrowserTests extends BrowserTest {

	@Test
	void theLoginPageIsInVietnamese() {
		page.navigate("/login");

		assertThat(page.locator("html")).hasAttribute("lang", "vi");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText(vi("login.title"));
		assertThat(page).hasTitle(vi("login.title") + " · " + vi("app.name"));
		assertThat(page.getByText(vi("login.lead"))).isVisible();
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("login.submit"))))
			.isVisible();
	}

	@Test
	void aWrongPasswordIsRefusedAndLeavesThePersonSignedOut() {
		page.navigate("/login");
		page.locator("#username").fill("nguyen.van.an");
		page.locator("#password").fill("not-the-" + DEMO_PASSWORD);
		page.locator("main form button[type=submit]").click();

		assertThat(page).hasURL(Pattern.compile("/login\\?error"));
		assertThat(page.getByRole(AriaRole.ALERT)).hasText(vi("login.error.bad"));
		// the form is offered again, and no protected page opens
		assertThat(page.locator("#password")).isEmpty();
		page.navigate("/units");
		assertThat(page).hasURL(url("/login"));
		assertThat(page.locator("h1")).hasText(vi("login.title"));

		// the right password still works afterwards (clearing the failure count for other tests) and
		// leads to the page that was asked for
		login("nguyen.van.an", DEMO_PASSWORD);
		assertThat(page).hasURL(Pattern.compile(":" + port + "/units(\\?continue)?$"));
		assertThat(page.locator("h1")).hasText(vi("units.title"));
	}

	@Test
	void theRightPasswordOpensTheHomePageAndSigningOutEndsTheSession() {
		login("nguyen.van.an", DEMO_PASSWORD);

		assertThat(page).hasURL(url("/"));
		assertThat(page.locator("h1")).hasText(vi("home.greeting", "Nguyễn Văn An"));
		assertThat(page.locator(".who")).hasText("nguyen.van.an");
		assertThat(page.getByText(vi("role.MEMBER"), new Page.GetByTextOptions().setExact(true))).isVisible();

		// signing out is a POST carrying the CSRF token
		Locator logout = page.locator("form[action$='/logout']");
		assertThat(logout).hasAttribute("method", "post");
		assertThat(logout.locator("input[type=hidden][name=_csrf]")).hasCount(1);
		logout.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(vi("nav.logout"))).click();

		assertThat(page).hasURL(url("/login?logout"));
		assertThat(page.getByRole(AriaRole.STATUS)).hasText(vi("login.loggedOut"));
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("nav.logout"))))
			.hasCount(0);

		// the old session is gone: every protected page sends the person back to the login page
		for (String path : new String[] { "/units", "/profile" }) {
			page.navigate(path);
			assertThat(page).hasURL(url("/login"));
			assertThat(page.locator("h1")).hasText(vi("login.title"));
		}
		// the start page of a visitor is the public showcase
		page.navigate("/");
		assertThat(page).hasURL(url("/public"));
	}
}
