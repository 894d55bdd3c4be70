package vn.ideabank.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.ideabank.browser.Texts.vi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStep;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.org.UnitService;

/**
 * A unit officer's paper ideas in bulk, in a real browser: one typed in with "Lưu và gửi, nhập tiếp",
 * others already sent, all of them selected with "all N matching" and endorsed in one step, the result
 * naming the idea that was refused and why; and an idea marked from its page as repeating another,
 * which then leaves the list (duplicates hidden) and the dashboard's count.
 */
class BulkStepBrowserTests extends BrowserTest {

	private static final String TAG = "Hàng loạt " + UUID.randomUUID().toString().substring(0, 6);

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	/** An idea of Chi đoàn Thôn 1 (Thọ Dân), entered and sent by the unit's officer. */
	private IdeaView sent(String title) {
		Caller officer = caller("doan.thodan");
		long unit = units.findByCode("TS-THODAN-T1").orElseThrow().id();
		IdeaView idea = ideas.create(officer, vn.ideabank.idea.IdeaTestDataAccess.save(unit, title));
		return ideas.step(officer, idea.id(), TakeStep.of(IdeaStep.SUBMIT, idea.version(), null));
	}

	private String status(String title) {
		return jdbc.sql("select status from idea where title = :t").param("t", title).query(String.class).single();
	}

	private void typeInPaperIdea(String title) {
		page.navigate("/ideas/new");
		page.locator("#unitId").selectOption(String.valueOf(units.findByCode("TS-THODAN-T1").orElseThrow().id()));
		page.locator("#kind").selectOption("INITIATIVE");
		page.locator("#title").fill(title);
		page.locator("#summary").fill("Dụng cụ gieo sạ theo hàng làm từ ống nhựa và bánh xe cũ.");
		page.locator("#problem").fill("Gieo sạ bằng tay tốn công, lúa mọc không đều.");
		page.locator("#solution").fill("Trống chứa hạt bằng ống nhựa khoan lỗ, kéo tay theo hàng.");
		page.locator("#novelty").fill("Chi phí dưới 300.000 đồng.");
		page.getByLabel(vi("idea.benefit.PRODUCTIVITY")).check();
		page.locator("#scopeWhere").fill("Các xã trồng lúa");
		page.locator("#authors").fill("Lê Thị Giấy");
		page.locator("input[name=endorse][type=checkbox]").uncheck(); // sent only: the bulk step endorses it
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("ideas.saveSubmitAndNext")).setExact(true))
			.click();
		assertThat(page).hasURL(Pattern.compile("/ideas/new\\?"));
	}

	@Test
	void anOfficerEndorsesAllMatchingIdeasInOneStepAndSeesTheRefusedOneWithItsReason() {
		login("doan.thodan", DEMO_PASSWORD);
		typeInPaperIdea(TAG + " giấy");
		assertThat(status(TAG + " giấy")).isEqualTo("SUBMITTED");
		sent(TAG + " hai");
		sent(TAG + " ba");
		IdeaView endorsed = sent(TAG + " đã xác nhận");
		ideas.step(caller("doan.thodan"), endorsed.id(), TakeStep.of(IdeaStep.ENDORSE, endorsed.version(), null));

		// two a page, so that "all 4 matching" goes beyond the page
		page.navigate("/ideas?size=2&q=" + URLEncoder.encode(TAG, StandardCharsets.UTF_8));
		page.locator("#bulk-all-matching").check();
		page.locator("#bulk-choice").selectOption("ENDORSE");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("idea.bulk.continue"))).click();
		assertThat(page.locator(".confirm-sentence")).containsText(vi("idea.bulk.confirmStep", 3,
				vi("idea.status.ENDORSED")));
		page.locator("#bulk-apply").click();

		assertThat(page.locator("#bulk-done")).containsText("3");
		assertThat(page.locator("#bulk-refused-title")).hasText(vi("idea.bulk.refusedTitle", 1));
		var refusedRow = page.locator("tr").filter(new com.microsoft.playwright.Locator.FilterOptions()
			.setHasText(endorsed.code()));
		assertThat(refusedRow).containsText(TAG + " đã xác nhận");
		assertThat(refusedRow).containsText("(illegal-step)");
		assertThat(refusedRow).containsText(vi("idea.status.ENDORSED"));
		for (String title : new String[] { " giấy", " hai", " ba", " đã xác nhận" }) {
			assertThat(status(TAG + title)).as(title).isEqualTo("ENDORSED");
		}
		assertThat(jdbc.sql("select count(*) from idea_history h join idea i on i.id = h.idea_id"
				+ " where i.title like :t and h.step = 'ENDORSE'").param("t", TAG + "%").query(Long.class).single())
			.as("one history row per endorsed idea, none for the refused one again").isEqualTo(4);
	}

	@Test
	void aDuplicateMarkedFromTheIdeaPageLeavesTheListAndTheDashboard() {
		String tag = TAG + " trùng";
		IdeaView original = sent(tag + " gốc");
		IdeaView copy = sent(tag + " bản sao");
		login("doan.thodan", DEMO_PASSWORD);
		String list = "/ideas?dup=HIDE&q=" + URLEncoder.encode(tag, StandardCharsets.UTF_8);
		page.navigate(list);
		assertThat(page.locator("tbody tr")).hasCount(2);
		long proposedBefore = proposedOnTheDashboard();

		page.navigate("/ideas/" + copy.id());
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(vi("idea.duplicate.markLink"))).click();
		page.locator("#original").fill(original.code());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("idea.duplicate.mark"))).click();
		assertThat(page.locator("#duplicate-mark")).containsText(original.code());

		page.navigate(list);
		assertThat(page.locator("tbody tr")).hasCount(1);
		assertThat(page.locator("tbody")).containsText(original.code());
		assertThat(proposedOnTheDashboard()).as("ideas proposed this year on the officer's dashboard")
			.isEqualTo(proposedBefore - 1);
	}

	/** The officer's dashboard (their unit, this year) as the page loads it: the ideas proposed, month by month, added up. */
	private long proposedOnTheDashboard() {
		String json = page.request().get(url("/api/v1/dashboard")).text();
		Matcher months = Pattern.compile("\"proposedByMonth\"\\s*:\\s*\\{([^}]*)}").matcher(json);
		assertThat(months.find()).as(json).isTrue();
		long sum = 0;
		Matcher n = Pattern.compile(":\\s*(\\d+)").matcher(months.group(1));
		while (n.find()) {
			sum += Long.parseLong(n.group(1));
		}
		return sum;
	}
}
