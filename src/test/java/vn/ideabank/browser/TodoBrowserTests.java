package vn.ideabank.browser;

import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import vn.ideabank.UnitRecords;
import vn.ideabank.todo.TodoWorld;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** On a 360 px phone, a unit officer's home says what waits and each line opens exactly those items. */
class TodoBrowserTests extends BrowserTest {

	@Autowired
	private ApplicationContext context;

	@Override
	protected Browser.NewContextOptions contextOptions() {
		return new Browser.NewContextOptions().setBaseURL(baseUrl()).setViewportSize(360, 740);
	}

	@Test
	void aUnitOfficerClicksItsIdeasToEndorseAndLandsOnExactlyThoseIdeas() {
		TodoWorld world = TodoWorld.shared(context, this::caller);
		login(world.a.officer(), UnitRecords.PASSWORD);
		page.navigate("/");

		Locator toEndorse = page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions()
			.setName("4 ý tưởng chờ xác nhận").setExact(true));
		assertThat(toEndorse).isVisible();
		assertThat(page.locator("main")).containsText("1 ý tưởng nhập hộ (phiếu giấy) còn là bản nháp, chưa gửi");
		// the home fits the phone's width: nothing scrolls sideways
		assertThat(pageWidth()).isLessThanOrEqualTo(360);

		toEndorse.click();
		assertThat(page).hasURL(Pattern.compile("/ideas\\?status=SUBMITTED&dup=HIDE&unit=" + world.a.commune().id() + "$"));
		Locator rows = page.locator("table.ideas tbody tr");
		assertThat(rows).hasCount(4);
		assertThat(page.locator("table.ideas tbody")).not().containsText("Trùng A");
	}
}
