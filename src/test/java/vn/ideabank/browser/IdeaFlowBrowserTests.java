package vn.ideabank.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.ideabank.browser.Texts.vi;

import java.time.LocalDate;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.org.UnitService;

/**
 * The year's main path in a real browser: a unit officer types in a member's idea from the paper
 * idea box and submits it, endorses it for the unit; the district office evaluates and accepts it,
 * records it as applied; and anyone, signed in or not, then finds it on the public pages.
 */
class IdeaFlowBrowserTests extends BrowserTest {

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	private void takeStep(String step) {
		page.locator("#step-" + step + " button[type=submit]").click();
		assertThat(page.getByRole(AriaRole.STATUS).filter(new com.microsoft.playwright.Locator.FilterOptions()
			.setHasText(vi("ideas.notice.stepped", vi("idea.step." + step))))).hasCount(1);
	}

	private void signOut() {
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("nav.logout"))).click();
		assertThat(page).hasURL(Pattern.compile("/login"));
	}

	@Test
	void anOfficerEntersAnIdeaTheOfficeAcceptsItAndItBecomesPublic() {
		String title = "Máy gieo hạt lúa cải tiến từ ống nhựa " + System.nanoTime() % 100000;
		long branch = units.findByCode("TS-THODAN-T1").orElseThrow().id();

		login("doan.thodan", DEMO_PASSWORD);
		page.navigate("/ideas/new");
		page.locator("#unitId").selectOption(String.valueOf(branch));
		page.locator("#kind").selectOption("INITIATIVE");
		page.locator("#title").fill(title);
		page.locator("#summary").fill("Dụng cụ gieo sạ theo hàng làm từ ống nhựa và bánh xe cũ.");
		page.locator("#problem").fill("Gieo sạ bằng tay tốn công, lúa mọc không đều, khó chăm sóc.");
		page.locator("#solution").fill("Trống chứa hạt bằng ống nhựa khoan lỗ, kéo tay theo hàng.");
		page.locator("#novelty").fill("Chi phí dưới 300.000 đồng, tự làm được tại nhà.");
		page.getByLabel(vi("idea.benefit.PRODUCTIVITY")).check();
		page.locator("#scopeWhere").fill("Các xã trồng lúa của huyện Triệu Sơn");
		page.locator("#authors").fill("Nguyễn Văn An");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("ideas.saveAndSubmit")).setExact(true)).click();

		assertThat(page).hasURL(Pattern.compile("/ideas/\\d+$"));
		String ideaPath = page.url().replaceFirst("^https?://[^/]+", "");
		assertThat(page.locator("h1")).hasText(title);
		assertThat(page.locator("main")).containsText(vi("idea.status.SUBMITTED"));
		takeStep("ENDORSE");
		signOut();

		login("huyendoan.trieuson", DEMO_PASSWORD);
		page.navigate(ideaPath);
		takeStep("START_REVIEW");
		takeStep("ACCEPT");
		page.locator("#appliedWhere").fill("Thôn 1, xã Thọ Dân");
		page.locator("#appliedSince").fill(LocalDate.now().minusMonths(1).toString());
		page.locator("#appliedEffect").fill("Giảm 50% công gieo, lúa mọc đều hơn");
		takeStep("MARK_APPLIED");
		assertThat(page.locator("main")).containsText(vi("idea.status.APPLIED"));
		assertThat(page.locator("main")).containsText(vi("idea.step.ACCEPT"));
		signOut();

		String code = jdbc.sql("select code from idea where title = :t").param("t", title).query(String.class).single();
		try (BrowserContext anonymous = browser.newContext(contextOptions())) {
			Page visitor = anonymous.newPage();
			visitor.navigate("/public/ideas?q=" + code);
			visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
			assertThat(visitor).hasURL(Pattern.compile("/public/ideas/" + code + "$"));
			assertThat(visitor.locator("h1")).hasText(title);
			assertThat(visitor.locator("main")).containsText(vi("idea.status.APPLIED"));
			assertThat(visitor.locator("main")).containsText("Nguyễn Văn An");
			assertThat(visitor.locator("main")).containsText("Giảm 50% công gieo");
			assertThat(visitor.locator("main")).not().containsText(vi("ideas.internalNotes"));
		}
	}

	@Test
	void aSubmittedIdeaIsNotPublicYet() {
		String title = "Chưa công khai " + System.nanoTime() % 100000;
		login("doan.thodan", DEMO_PASSWORD);
		page.navigate("/ideas/new");
		page.locator("#title").fill(title);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("ideas.saveDraft"))).click();
		assertThat(page).hasURL(Pattern.compile("/ideas/\\d+$"));
		String code = jdbc.sql("select code from idea where title = :t").param("t", title).query(String.class).single();
		try (BrowserContext anonymous = browser.newContext(contextOptions())) {
			Page visitor = anonymous.newPage();
			var response = visitor.navigate("/public/ideas/" + code);
			assertThat(response.status()).isEqualTo(404);
			assertThat(visitor.locator("main")).not().containsText(title);
		}
	}
}
