package vn.ideabank.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.ideabank.browser.Texts.vi;

import java.time.LocalDate;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import vn.ideabank.initiative.InitiativeCommands.SetRemuneration;
import vn.ideabank.initiative.InitiativeSettings;
import vn.ideabank.initiative.InitiativeTestWorld;
import vn.ideabank.org.UnitService;
import vn.ideabank.review.ReviewTestData;
import vn.ideabank.review.ReviewViews.Decision;

/**
 * On a 360 px phone the district office records who attended the council's meeting, decides with today's date
 * offered, and records the first year's remuneration: nothing scrolls sideways.
 */
class InitiativeOfficeBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext spring;

	@Autowired
	InitiativeSettings settings;

	@Autowired
	UnitService units;

	@Override
	protected Browser.NewContextOptions contextOptions() {
		return new Browser.NewContextOptions().setBaseURL(baseUrl()).setViewportSize(360, 740).setIsMobile(true).setHasTouch(true);
	}

	@Test
	void theOfficeRecordsTheMeetingTheDecisionAndTheFirstYearsRemunerationOnAPhone() {
		long ts = units.findByCode("TS").orElseThrow().id();
		var office = caller("huyendoan.trieuson");
		var setting = settings.of(office, ts);
		if (!setting.remuneration()) {
			settings.setRemuneration(office, new SetRemuneration(ts, true, setting.version()));
		}
		var v = InitiativeTestWorld.voted(spring, this::caller, ReviewTestData.unique("Máy cắt cỏ bờ ruộng "), LocalDate.now(),
				Decision.ACCEPT);
		login("huyendoan.trieuson", DEMO_PASSWORD);
		page.navigate("/initiatives/" + v.application().id());

		// the meeting: both members present, the judge chairs, the reviewer takes the minutes
		page.getByLabel("Lê Văn Cường", new Page.GetByLabelOptions().setExact(true)).check();
		page.locator("#chairId").selectOption(String.valueOf(caller("le.van.cuong").accountId()));
		page.locator("#secretaryId").selectOption(String.valueOf(caller("tran.thi.binh").accountId()));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("initiative.step.meeting"))).click();
		assertThat(page.locator(".notice.ok")).hasText(vi("initiative.notice.meeting"));
		assertThat(page.locator("main")).containsText(vi("initiative.meeting.recorded"));
		assertPhoneWidth();

		// the decision: today's date is offered
		assertThat(page.locator("#decidedOn")).hasValue(LocalDate.now().toString());
		page.locator("#reach").selectOption("DISTRICT");
		page.locator("#decisionNo").fill("12/QĐ-ĐTN");
		page.locator("#signerName").fill("Lê Văn Ký");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("initiative.step.decide"))).click();
		assertThat(page.locator(".notice.ok")).hasText(vi("initiative.notice.decided"));
		assertThat(page.locator("main")).containsText(vi("initiative.status.RECOGNISED"));

		// the remuneration of the first year
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(vi("initiative.benefit.title"))).click();
		assertThat(page.locator("h1")).hasText(vi("initiative.benefit.title"));
		page.locator("#gain").fill("50000000");
		page.locator("#paid").fill("1000000");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("initiative.benefit.save"))).click();
		assertThat(page.locator(".notice.ok")).hasText(vi("initiative.notice.benefit"));
		assertThat(page.locator("table.benefits tbody tr")).hasCount(1);
		assertThat(page.locator("table.benefits tbody")).containsText("3.500.000");
		assertThat(page.locator("table.benefits tbody")).containsText("2.500.000");
		assertPhoneWidth();
	}

	private void assertPhoneWidth() {
		assertThat(pageWidth()).isLessThanOrEqualTo(360);
	}
}
