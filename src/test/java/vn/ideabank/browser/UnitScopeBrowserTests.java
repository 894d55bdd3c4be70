package vn.ideabank.browser;

import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.ideabank.browser.Texts.vi;

/** An officer of one commune sees that commune and nothing of its neighbours. */
class UnitScopeBrowserTests extends BrowserTest {

	@Autowired
	UnitService units;

	@Test
	void theOfficerOfThoDanSeesOnlyTheThoDanSubtree() {
		login("doan.thodan", DEMO_PASSWORD);
		page.navigate("/units");

		Locator tree = page.getByRole(AriaRole.TREE);
		Locator roots = tree.locator(":scope > li");
		assertThat(roots).hasCount(1);
		assertThat(roots.locator(":scope > a")).hasText("Đoàn xã Thọ Dân");
		assertThat(tree.getByText("Chi đoàn thôn 1", new Locator.GetByTextOptions().setExact(true))).hasCount(1);
		assertThat(tree.getByText("Chi đoàn trường THCS Thọ Dân")).hasCount(1);
		// every link in the tree is a unit of the Thọ Dân subtree
		String thoDanPath = units.findByCode("TS-THODAN").orElseThrow().path();
		List<String> hrefs = tree.getByRole(AriaRole.LINK).all().stream().map(a -> a.getAttribute("href")).toList();
		assertThat(hrefs).isNotEmpty().allSatisfy(href -> {
			long id = Long.parseLong(href.substring(href.lastIndexOf('/') + 1));
			assertThat(units.find(id).orElseThrow().path()).startsWith(thoDanPath);
		});
		assertThat(page.getByRole(AriaRole.MAIN)).not().containsText("Thọ Tân");
		assertThat(page.getByRole(AriaRole.MAIN)).not().containsText("Huyện đoàn Triệu Sơn");

		// the search is limited to the same subtree
		page.navigate("/units?q=th%E1%BB%8D");
		Locator names = page.locator("main ul.list > li > a");
		assertThat(names).hasText(new String[] { "Chi đoàn trường THCS Thọ Dân", "Đoàn xã Thọ Dân" });
		assertThat(page.getByRole(AriaRole.MAIN)).not().containsText("Thọ Tân");
	}

	@Test
	void theOfficerOfThoDanIsRefusedTheThoTanPages() {
		UnitView thoTan = units.findByCode("TS-THOTAN").orElseThrow();
		UnitView thoTanBranch = units.findByCode("TS-THOTAN-T1").orElseThrow();
		login("doan.thodan", DEMO_PASSWORD);

		for (String path : List.of("/units/" + thoTan.id(), "/units/" + thoTanBranch.id(),
				"/units/new?parent=" + thoTan.id())) {
			Response response = page.navigate(path);

			assertThat(response.status()).as(path).isEqualTo(403);
			assertThat(page.locator("html")).hasAttribute("lang", "vi");
			assertThat(page.locator("h1")).hasText(vi("error.title"));
			// the page explains with error.forbidden (the handler's detail), not the generic 403 text
			assertThat(page.getByRole(AriaRole.MAIN)).containsText(vi("error.forbidden"));
			assertThat(page.getByRole(AriaRole.MAIN)).not().containsText(vi("error.status.403"));
			assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(vi("error.backHome")))).isVisible();
			// nothing of Thọ Tân on it
			String html = page.content();
			assertThat(html).doesNotContain("Thọ Tân").doesNotContain("TS-THOTAN").doesNotContain(thoTan.name())
				.doesNotContain(thoTanBranch.code());
		}
	}
}
