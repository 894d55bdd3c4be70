package vn.ideabank.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import vn.ideabank.org.UnitService;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.ideabank.browser.Texts.vi;

/** Keyboard and screen-reader basics: the skip link comes first, every field has its label. */
class KeyboardBrowserTests extends BrowserTest {

	@Autowired
	UnitService units;

	@Test
	void onTheLoginPageTabReachesTheSkipLinkFirstThenTheFields() {
		page.navigate("/login");

		page.keyboard().press("Tab");
		Locator skip = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(vi("layout.skip")));
		assertThat(focused()).as("focus after the first Tab").isEqualTo("a:" + vi("layout.skip"));
		assertThat(skip).isFocused();
		// hidden until focused, then on screen
		assertThat(skip).isInViewport();

		List<String> order = new ArrayList<>();
		for (int i = 0; i < 6 && !order.contains("#password"); i++) {
			page.keyboard().press("Tab");
			order.add(focused());
		}
		assertThat(order).containsSubsequence("#username", "#password");
		assertThat(order.indexOf("#username")).as("tab order " + order).isEqualTo(order.indexOf("#password") - 1);
		page.keyboard().press("Tab");
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("login.submit")))).isFocused();

		// the skip link leads straight to the form
		page.navigate("/login");
		page.keyboard().press("Tab");
		assertThat(skip).isFocused();
		page.keyboard().press("Enter");
		page.keyboard().press("Tab");
		assertThat(page.locator("#username")).isFocused();
	}

	@Test
	void everyFieldOfTheLoginPageHasItsLabel() {
		page.navigate("/login");

		assertLabelled(Map.of(vi("login.username"), "username", vi("login.password"), "password"));
		assertThat(page.getByRole(AriaRole.MAIN)).hasCount(1);
	}

	@Test
	void everyFieldOfTheUnitFormsHasItsLabel() {
		long thoDan = units.findByCode("TS-THODAN").orElseThrow().id();
		login("huyendoan.trieuson", DEMO_PASSWORD);

		page.navigate("/units/new?parent=" + thoDan);
		assertThat(page.locator("h1")).hasText(vi("units.new"));
		assertLabelled(Map.of(vi("unit.parent"), "parentId", vi("unit.code"), "code", vi("unit.name"), "name",
				vi("unit.levelName"), "levelName", vi("unit.kind"), "kind", vi("unit.memberCount"), "memberCount"));

		// labels stay attached when the form comes back with errors
		page.getByLabel(vi("unit.name"), new Page.GetByLabelOptions().setExact(true)).fill("");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("action.save")).setExact(true)).click();
		assertThat(page.locator("#code-error")).hasText(vi("NotBlank"));
		assertLabelled(Map.of(vi("unit.parent"), "parentId", vi("unit.code"), "code", vi("unit.name"), "name",
				vi("unit.levelName"), "levelName", vi("unit.kind"), "kind", vi("unit.memberCount"), "memberCount"));

		page.navigate("/units/" + thoDan + "/edit");
		assertThat(page.locator("h1")).hasText(vi("units.edit"));
		assertLabelled(Map.of(vi("unit.name"), "name", vi("unit.levelName"), "levelName", vi("unit.kind"), "kind",
				vi("unit.memberCount"), "memberCount"));

		page.navigate("/units/" + thoDan + "/move");
		assertLabelled(Map.of(vi("units.newParent"), "parentId"));
	}

	/**
	 * The page's visible form controls (the header's search box aside) are exactly the expected ones, each found through its label
	 * text by {@code getByLabel}, as a screen reader announces it.
	 */
	private void assertLabelled(Map<String, String> idByLabel) {
		page.waitForLoadState(); // a form sent back with errors may still be arriving when its first error shows
		Locator controls = page.locator("input:not([type=hidden]):not(#header-search-q), select, textarea");
		List<String> ids = controls.all().stream().map(c -> c.getAttribute("id")).toList();
		assertThat(ids).as("form controls on " + page.url()).containsExactlyInAnyOrderElementsOf(idByLabel.values());
		idByLabel.forEach((label, id) -> {
			Locator byLabel = page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
			assertThat(byLabel).hasCount(1);
			assertThat(byLabel).hasId(id);
			assertThat(page.locator("label[for='" + id + "']")).hasText(label);
		});
	}

	/** A short description of the element that has the keyboard focus. */
	private String focused() {
		return (String) page.evaluate("() => { const e = document.activeElement;"
				+ " return e.id ? '#' + e.id : e.tagName.toLowerCase() + ':' + (e.textContent || '').trim(); }");
	}
}
