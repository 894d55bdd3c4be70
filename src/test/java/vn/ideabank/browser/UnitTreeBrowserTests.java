package vn.ideabank.browser;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Grant;
import vn.ideabank.common.security.Role;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.ideabank.browser.Texts.vi;

/** The district office browses its tree, searches it and opens a unit. */
class UnitTreeBrowserTests extends BrowserTest {

	static final String DISTRICT = "Huyện đoàn Triệu Sơn";

	static final String THO_DAN = "Đoàn xã Thọ Dân";

	/** Sees everything, to compare pages with the database. */
	static final Caller SYSTEM = new Caller(0, "browser-test", "Browser test", List.of(new Grant(Role.ADMIN, null, null)));

	@Autowired
	UnitService units;

	@Test
	void theOfficeOpensTheTreeFromTheNavigationAndReadsTheNamesWithTheirDiacritics() {
		login("huyendoan.trieuson", DEMO_PASSWORD);

		Locator nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName(vi("layout.nav")));
		nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(vi("nav.units")).setExact(true)).click();

		assertThat(page).hasURL(url("/units"));
		assertThat(page.locator("h1")).hasText(vi("units.title"));
		Locator tree = page.getByRole(AriaRole.TREE, new Page.GetByRoleOptions().setName(vi("units.title")));
		// the office's subtree starts at the district: the province above it is not in the tree
		Locator roots = tree.locator(":scope > li");
		assertThat(roots).hasCount(1);
		assertThat(roots.locator(":scope > a")).hasText(DISTRICT);
		assertThat(tree.getByText("Tỉnh đoàn Thanh Hóa")).hasCount(0);

		Locator thoDan = tree.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(THO_DAN).setExact(true));
		assertThat(thoDan).isVisible();
		assertThat(tree.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Đoàn thị trấn Triệu Sơn").setExact(true)))
			.isVisible();
		assertThat(tree.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Đoàn trường THPT Triệu Sơn 1").setExact(true)))
			.isVisible();
		// exactly the precomposed (NFC) letters, not mojibake and not decomposed
		assertThat(roots.locator(":scope > a").textContent()).isEqualTo(Normalizer.normalize(DISTRICT, Normalizer.Form.NFC));
		assertThat(thoDan.textContent()).isEqualTo(Normalizer.normalize(THO_DAN, Normalizer.Form.NFC));
		// every commune of the district is shown under it
		UnitView ts = units.findByCode("TS").orElseThrow();
		List<UnitView> communes = units.children(SYSTEM, ts.id()).stream().filter(UnitView::active).toList();
		assertThat(communes).hasSizeGreaterThan(30);
		assertThat(roots.locator(":scope > ul > li")).hasCount(communes.size());
	}

	@Test
	void searchingForThoListsTheMatchingUnitsOnly() {
		login("huyendoan.trieuson", DEMO_PASSWORD);
		page.navigate("/units");

		page.getByLabel(vi("units.search")).fill("thọ");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("action.search")).setExact(true)).click();

		assertThat(page).hasURL(Pattern.compile("/units\\?q=th%E1%BB%8D$"));
		assertThat(page.getByLabel(vi("units.search"))).hasValue("thọ");
		Locator results = page.locator("main ul.list > li");
		Locator names = results.locator(":scope > a");
		for (String name : List.of(THO_DAN, "Đoàn xã Thọ Tân", "Đoàn xã Thọ Sơn", "Đoàn xã Thọ Bình",
				"Đoàn xã Xuân Thọ", "Chi đoàn trường THCS Thọ Dân")) {
			assertThat(names.getByText(name, new Locator.GetByTextOptions().setExact(true))).hasCount(1);
		}
		// no unit without “thọ” in its name or code
		for (String name : names.allTextContents()) {
			assertThat(name.toLowerCase(Locale.ROOT)).contains("thọ");
		}
		assertThat(names.getByText("Đoàn xã Dân Lực")).hasCount(0);
		assertThat(page.getByRole(AriaRole.TREE)).hasCount(0);
		assertThat(page.getByText(vi("pager.count", names.count()))).isVisible();

		// back to the tree
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(vi("units.showTree"))).click();
		assertThat(page).hasURL(url("/units"));
		assertThat(page.getByRole(AriaRole.TREE)).isVisible();
	}

	@Test
	void aUnitPageShowsItsBreadcrumbsAndItsChildren() {
		login("huyendoan.trieuson", DEMO_PASSWORD);
		page.navigate("/units");
		page.getByRole(AriaRole.TREE)
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(THO_DAN).setExact(true))
			.click();

		UnitView thoDan = units.findByCode("TS-THODAN").orElseThrow();
		assertThat(page).hasURL(url("/units/" + thoDan.id()));
		assertThat(page.locator("h1")).hasText(THO_DAN);
		assertThat(page).hasTitle(THO_DAN + " · " + vi("app.name"));

		Locator crumbs = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName(vi("units.breadcrumbs")));
		// the province is named but not linked: the district office may not open its page
		assertThat(crumbs.getByRole(AriaRole.LINK)).hasText(new String[] { vi("units.title"), DISTRICT });
		assertThat(crumbs).containsText("Tỉnh đoàn Thanh Hóa");
		assertThat(crumbs).not().containsText(THO_DAN);

		assertThat(page.locator("dl.facts")).containsText("TS-THODAN");
		List<UnitView> children = units.children(SYSTEM, thoDan.id());
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(vi("units.children", children.size()))))
			.isVisible();
		Locator childLinks = page.locator("main section ul.list > li > a");
		assertThat(childLinks).hasText(children.stream().map(UnitView::name).toArray(String[]::new));
		assertThat(childLinks.getByText("Chi đoàn thôn 1", new Locator.GetByTextOptions().setExact(true))).hasCount(1);
		assertThat(childLinks.getByText("Chi đoàn trường THCS Thọ Dân", new Locator.GetByTextOptions().setExact(true))).hasCount(1);

		// the breadcrumb leads up the tree
		crumbs.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(DISTRICT).setExact(true)).click();
		assertThat(page).hasURL(url("/units/" + thoDan.parentId()));
		assertThat(page.locator("h1")).hasText(DISTRICT);
		assertThat(page.locator("main section ul.list > li > a").getByText(THO_DAN, new Locator.GetByTextOptions().setExact(true)))
			.hasCount(1);
	}
}
