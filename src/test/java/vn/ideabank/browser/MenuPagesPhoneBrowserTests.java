package vn.ideabank.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.Test;

import static vn.ideabank.browser.Texts.vi;

/**
 * Every page the menu offers, for every demo role, on a 360 px phone: the header stays one short row (the menu
 * folded behind its button), the page opens without an error and nothing is wider than the screen. The pages
 * come from the menu itself, so a page added to it is checked the day it is added.
 */
class MenuPagesPhoneBrowserTests extends BrowserTest {

	private static final int WIDTH = 360;

	private static final int MAX_HEADER = 72;

	@Override
	protected Browser.NewContextOptions contextOptions() {
		return super.contextOptions().setViewportSize(WIDTH, 740).setIsMobile(true).setHasTouch(true)
			.setDeviceScaleFactor(1);
	}

	@Test
	void everyMenuPageOfEveryDemoRoleFitsAPhone() {
		List<String> problems = new ArrayList<>();
		String[][] accounts = { { "admin", ADMIN_PASSWORD }, { "huyendoan.trieuson", DEMO_PASSWORD },
				{ "doan.thodan", DEMO_PASSWORD }, { "tran.thi.binh", DEMO_PASSWORD }, { "le.van.cuong", DEMO_PASSWORD },
				{ "nguyen.van.an", DEMO_PASSWORD } };
		int pages = 0;
		for (String[] account : accounts) {
			context.clearCookies();
			login(account[0], account[1]);
			for (String href : menuLinks()) {
				Response response = page.navigate(href);
				pages++;
				String where = account[0] + " " + href;
				if (response == null || response.status() >= 400) {
					problems.add(where + ": HTTP " + (response == null ? "none" : response.status()));
					continue;
				}
				int scrollWidth = pageWidth();
				if (scrollWidth > WIDTH) {
					problems.add(where + ": " + scrollWidth + " px wide (" + widest() + ")");
				}
				double header = page.locator("header.site-header").boundingBox().height;
				if (header > MAX_HEADER) {
					problems.add(where + ": header " + header + " px high");
				}
			}
		}
		assertThat(pages).as("pages visited").isGreaterThan(40);
		assertThat(problems).isEmpty();
	}

	/** The links of the folded menu, read after opening it as a person would. */
	private Set<String> menuLinks() {
		page.navigate("/");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("layout.menu"))).click();
		var nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName(vi("layout.nav")));
		Set<String> hrefs = new LinkedHashSet<>();
		for (var link : nav.getByRole(AriaRole.LINK).all()) {
			com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(link).isInViewport();
			hrefs.add(link.getAttribute("href"));
		}
		// the pages one step below the menu's hubs that a person opens next (lists of the programme, the reports' lists)
		for (String hub : List.of("/programme", "/reports")) {
			if (hrefs.contains(hub)) {
				page.navigate(hub);
				for (var link : page.locator("main a[href^='" + hub + "/']").all()) {
					String href = link.getAttribute("href");
					if (!href.contains(".xlsx") && !href.contains(".docx") && !href.contains(".pdf")) {
						hrefs.add(href);
					}
				}
			}
		}
		return hrefs;
	}

	/** The element that sticks out furthest to the right, to say what overflows. */
	private String widest() {
		return (String) page.evaluate("""
				() => { let worst = null, right = 0;
				  for (const e of document.querySelectorAll('body *')) {
				    const r = e.getBoundingClientRect().right;
				    if (r > right) { right = r; worst = e; }
				  }
				  return worst ? worst.tagName.toLowerCase() + '.' + worst.className + ' ' + Math.round(right) + ' px' : ''; }""");
	}
}
