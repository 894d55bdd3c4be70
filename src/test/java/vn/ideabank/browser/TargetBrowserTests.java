package vn.ideabank.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.ideabank.browser.Texts.vi;

import java.time.Year;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import vn.ideabank.org.UnitCommands.CreateUnit;
import vn.ideabank.org.UnitKind;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

/**
 * The district office sets a target, allocates it by member counts and sees the dashboard drawn
 * with Chart.js from its tables, then drills down; the dashboard fits a 360 px phone.
 */
class TargetBrowserTests extends BrowserTest {

	@Autowired
	UnitService units;

	@Test
	void theOfficeSetsATargetAllocatesByMembersAndSeesTheDashboard() {
		String run = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
		UnitView root = units.create(caller("admin"), new CreateUnit(units.findByCode("TS").orElseThrow().id(), "TBR" + run,
				"Đoàn khối trường học " + run, "Đoàn cơ sở", UnitKind.OTHER, 30));
		UnitView big = units.create(caller("admin"), new CreateUnit(root.id(), "TBR" + run + "-1", "Chi đoàn giáo viên " + run,
				"Chi đoàn", UnitKind.OTHER, 20));
		units.create(caller("admin"), new CreateUnit(root.id(), "TBR" + run + "-2", "Chi đoàn học sinh " + run, "Chi đoàn",
				UnitKind.OTHER, 10));
		int year = Year.now().getValue();

		login("huyendoan.trieuson", DEMO_PASSWORD);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(vi("target.nav")).setExact(true)).click();
		assertThat(page).hasURL(Pattern.compile("/dashboard"));
		page.locator("#unitId").selectOption(String.valueOf(root.id()));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("target.dashboard.show"))).click();
		assertThat(page.locator("h1")).containsText(root.name());
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(vi("target.plan.open"))).click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("target.plan.create"))).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText(vi("target.plan.created"));

		// the first target is the ideas proposed: set it to 100 with a reason
		page.locator("input[name=amount]").first().fill("100");
		page.locator("input[name=reason]").first().fill("Theo nghị quyết Đại hội");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("target.save"))).first().click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText(vi("target.plan.saved"));
		assertThat(page.locator("input[name=amount]").first()).hasValue("100");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(vi("target.split.open"))).first().click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("target.split.byMembers"))).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText(vi("target.split.saved"));
		assertThat(page.locator("#amount-" + big.id())).hasValue("67");
		assertThat(page.locator("main")).containsText(vi("target.split.exact"));
		assertThat(page.locator("main")).containsText("Theo nghị quyết Đại hội");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(vi("target.dashboard.open"))).click();
		assertThat(page.locator("#table-targets")).containsText(vi("target.kind.IDEAS_PROPOSED"));
		// every kind of target is counted from records now (ideas, programmes, contests)
		assertThat(page.locator("#table-targets")).containsText(vi("target.kind.CONTESTS_HELD"));
		assertThat(page.locator("#table-targets")).not().containsText(vi("target.progress.notTracked"));
		assertThat(page.locator("#table-children")).containsText(big.name());
		// Chart.js drew each chart from the table under it
		page.waitForFunction("() => typeof Chart !== 'undefined' && Chart.getChart(document.querySelector('canvas[data-table=table-children]'))");
		Object bars = page.evaluate("() => Chart.getChart(document.querySelector('canvas[data-table=table-children]')).data.datasets[0].data.length");
		assertThat(((Number) bars).intValue()).isEqualTo(2);

		// drill down to a branch
		page.locator("#table-children").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
			.setName(big.name())).click();
		assertThat(page.locator("h1")).containsText(big.name());
		assertThat(page.locator("#table-targets")).containsText("67");

		// a phone: nothing wider than the screen
		page.setViewportSize(360, 740);
		page.reload();
		Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
		assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
		assertThat(page.getByText(vi("target.export")).first()).isVisible();
		assertThat(page).hasURL(Pattern.compile("unitId=" + big.id()));
		assertThat(page.locator("#year")).hasValue(String.valueOf(year));
	}
}
