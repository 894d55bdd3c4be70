package vn.ideabank.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.ideabank.browser.Texts.vi;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.common.xlsx.XlsxFiles;
import vn.ideabank.idea.IdeaImportTestFiles;
import vn.ideabank.org.UnitService;
import vn.ideabank.report.PeriodKind;
import vn.ideabank.report.ReportingPeriod;
import vn.ideabank.review.ReviewCommands.CreateCouncil;
import vn.ideabank.review.ReviewService;
import vn.ideabank.review.ReviewViews.CouncilView;
import vn.ideabank.review.RubricService;

/**
 * A district's year in one sitting, as its demo people would live it in a browser: the commune's officer imports
 * a sheet of paper ideas and endorses them in one bulk step; a member's own idea is returned with a reason and
 * sent again; the office sends it to a council whose reviewer scores it; the commune types its half-year report
 * and submits it in one click, the office returns it with a comment, it is sent again and consolidated. Every
 * hand-off leaves exactly one unread notice, naming the thing, for exactly the people who act next — and the
 * person opens it from the notices page as they would.
 */
class CompressedYearBrowserTests extends BrowserTest {

	private static final String TAG = "Năm gọn " + UUID.randomUUID().toString().substring(0, 6);

	private static final List<String> PEOPLE = List.of("doan.thodan", "doan.thotan", "huyendoan.trieuson",
			"tran.thi.binh", "nguyen.van.an");

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UnitService units;

	@Autowired
	ReviewService reviews;

	@Autowired
	RubricService rubrics;

	@Test
	void aDistrictsYearWhereEveryHandOffTellsExactlyTheRightPeopleOnce() {
		// everyone starts the day with their notices read (other tests share these accounts, and an unread notice
		// would take the next one of its group into it)
		PEOPLE.forEach(this::readAll);
		// 1. paper ideas from a sheet, sent at once, then endorsed in one bulk step: no notice (the officer acted,
		//    and the paper authors have no account)
		login("doan.thodan", DEMO_PASSWORD);
		page.navigate("/ideas/import");
		byte[] sheet = XlsxFiles.xlsx(List.of(IdeaImportTestFiles.header(),
				IdeaImportTestFiles.row(TAG + " máy sấy", "Gửi luôn", "Có", "Tác giả", "Lê Văn Giấy"),
				IdeaImportTestFiles.row(TAG + " bẫy đèn", "Gửi luôn", "Có", "Tác giả", "Lê Văn Giấy"),
				IdeaImportTestFiles.row(TAG + " tưới nhỏ giọt", "Gửi luôn", "Có", "Tác giả", "Lê Văn Giấy")));
		page.locator("#file").setInputFiles(new FilePayload("y-tuong-giay.xlsx", XLSX, sheet));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("idea.import.submit"))).click();
		assertThat(page.locator(".import-report tbody tr")).hasCount(3);
		page.navigate("/ideas?q=" + URLEncoder.encode(TAG, StandardCharsets.UTF_8));
		page.locator("#bulk-all-on-page").check();
		page.locator("#bulk-choice").selectOption("ENDORSE");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("idea.bulk.continue"))).click();
		page.locator("#bulk-apply").click();
		assertThat(page.locator("#bulk-done")).containsText("3");
		assertThat(count("select count(*) from idea where title like :t and status = 'ENDORSED'", TAG + "%")).isEqualTo(3);
		assertNoticesOf(TAG, Map.of());
		signOut();

		// 2. a member's own idea: sent → the commune's officer; returned with a reason → the member; sent again
		String mine = TAG + " của đoàn viên";
		login("nguyen.van.an", DEMO_PASSWORD);
		page.navigate("/ideas/new");
		fillIdea(mine);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("ideas.saveAndSubmit")).setExact(true)).click();
		assertThat(page).hasURL(Pattern.compile("/ideas/\\d+$"));
		String ideaPath = path();
		String code = jdbc.sql("select code from idea where title = :t").param("t", mine).query(String.class).single();
		signOut();

		assertNoticesOf(code, Map.of("doan.thodan", 1));
		login("doan.thodan", DEMO_PASSWORD);
		openNotice(code, ideaPath);
		page.locator("#reason-REQUEST_REVISION").fill("Thiếu chi phí lắp đặt cho một hộ");
		takeStep("REQUEST_REVISION");
		signOut();

		assertNoticesOf(code, Map.of("nguyen.van.an", 1));
		login("nguyen.van.an", DEMO_PASSWORD);
		openNotice("Thiếu chi phí lắp đặt cho một hộ", ideaPath);
		takeStep("SUBMIT");
		signOut();

		// 3. the officer endorses it (→ the member); the office sends it to a council (→ its reviewer), who scores it
		assertNoticesOf(code, Map.of("doan.thodan", 1));
		login("doan.thodan", DEMO_PASSWORD);
		openNotice(code, ideaPath);
		takeStep("ENDORSE");
		signOut();
		assertNoticesOf(code, Map.of("nguyen.van.an", 1));
		readAll("nguyen.van.an");

		login("huyendoan.trieuson", DEMO_PASSWORD);
		page.navigate(ideaPath);
		takeStep("START_REVIEW");
		var office = caller("huyendoan.trieuson");
		long district = units.findByCode("TS").orElseThrow().id();
		CouncilView council = reviews.createCouncil(office, new CreateCouncil(district, "Hội đồng " + TAG,
				Year.now().getValue(), rubrics.defaultRubric().versionId(), false, false, BigDecimal.valueOf(20), 1));
		reviews.addMember(office, council.id(), "tran.thi.binh");
		reviews.addIdea(office, council.id(), ideaId(code));
		reviews.autoAssign(office, council.id());
		signOut();
		assertNoticesOf(code, Map.of("nguyen.van.an", 1, "tran.thi.binh", 1));
		readAll("nguyen.van.an");

		login("tran.thi.binh", DEMO_PASSWORD);
		page.navigate("/notifications");
		page.locator("button.notification-text").filter(new Locator.FilterOptions().setHasText(code)).first().click();
		page.getByText(mine).first().click();
		page.locator("#v_NOVELTY").fill("8");
		page.locator("#v_BENEFIT").fill("7");
		page.locator("#v_SCOPE").fill("6");
		page.locator("#v_FEASIBILITY").fill("9");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("review.score.save"))).click();
		assertThat(page.locator(".notice.ok")).hasText(vi("review.score.saved"));
		signOut();

		// 4. the half-year report typed and submitted in one click; returned with a comment (→ the commune), sent
		//    again and consolidated by the office
		ReportingPeriod half = ReportingPeriod.containing(PeriodKind.SAU_THANG, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
		String results = TAG + ": ba sáng kiến trên giấy đã được xác nhận";
		login("doan.thodan", DEMO_PASSWORD);
		page.navigate("/reports");
		choosePeriod("open", half);
		page.locator("#results").fill(results);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("report.submit"))).click();
		page.locator("#confirm-yes").click();
		assertThat(page.locator(".badge.status")).hasText(vi("report.status.SUBMITTED"));
		String reportPath = path();
		signOut();

		login("huyendoan.trieuson", DEMO_PASSWORD);
		page.navigate(reportPath);
		page.locator("#comment").fill("Bổ sung số đoàn viên tham gia " + TAG);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("report.return.button"))).click();
		signOut();
		assertNoticesOf("Bổ sung số đoàn viên tham gia " + TAG, Map.of("doan.thodan", 1));

		login("doan.thodan", DEMO_PASSWORD);
		openNotice("Bổ sung số đoàn viên tham gia " + TAG, reportPath);
		page.locator("#proposals").fill("32 đoàn viên tham gia");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("report.submit"))).click();
		page.locator("#confirm-yes").click();
		assertThat(page.locator(".badge.status")).hasText(vi("report.status.SUBMITTED"));
		signOut();

		login("huyendoan.trieuson", DEMO_PASSWORD);
		page.navigate("/reports");
		choosePeriod("children", half);
		assertThat(page.locator("table.children tr", new Page.LocatorOptions().setHasText("Đoàn xã Thọ Dân")))
			.containsText(vi("report.status.SUBMITTED"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("report.consolidate"))).click();
		assertThat(page.locator("main details summary", new Page.LocatorOptions().setHasText("Đoàn xã Thọ Dân"))).hasCount(1);
		assertThat(page.locator("main")).containsText("32 đoàn viên tham gia");
	}

	private void fillIdea(String title) {
		page.locator("#title").fill(title);
		page.locator("#summary").fill("Máy sấy nông sản dùng năng lượng mặt trời cho hộ trồng ngô.");
		page.locator("#problem").fill("Ngô thu hoạch mùa mưa bị mốc vì không phơi được.");
		page.locator("#solution").fill("Buồng sấy khung tre, mái tôn, quạt chạy pin mặt trời.");
		page.locator("#novelty").fill("Chi phí dưới 2 triệu đồng, tự dựng trong một ngày.");
		page.getByLabel(vi("idea.benefit.PRODUCTIVITY")).check();
		page.locator("#scopeWhere").fill("Các xã trồng ngô của huyện Triệu Sơn");
		if (page.locator("#authors").count() > 0 && page.locator("#authors").inputValue().isBlank()) {
			page.locator("#authors").fill("Nguyễn Văn An");
		}
	}

	/** Exactly these people (and no other demo person) have unread notices mentioning {@code text}, this many each. */
	private void assertNoticesOf(String text, Map<String, Integer> expected) {
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			for (String person : PEOPLE) {
				assertThat(unread(person, text)).as("unread notices of " + person + " about " + text)
					.isEqualTo(expected.getOrDefault(person, 0));
			}
		});
	}

	private int unread(String username, String text) {
		return jdbc.sql("""
				select count(*) from notification n join account a on a.id = n.account_id
				 where a.username = :u and n.read_at is null and (n.args like :t or coalesce(n.group_args, '') like :t)""")
			.param("u", username).param("t", "%" + text + "%").query(Integer.class).single();
	}

	/** Opens the notice as a person does: from the notices page, by its text; it leads to the thing it names. */
	private void openNotice(String text, String expectedPath) {
		page.navigate("/notifications");
		page.locator("button.notification-text").filter(new Locator.FilterOptions().setHasText(text)).first().click(); // newest first
		assertThat(page).hasURL(Pattern.compile(expectedPath.replaceAll("[^A-Za-z0-9/]", "\\\\$0") + "([?#].*)?$")); // a JavaScript regex: no Pattern.quote
	}

	private void readAll(String username) {
		jdbc.sql("update notification set read_at = now() where read_at is null and account_id = "
				+ "(select id from account where username = :u)").param("u", username).update();
	}

	private void takeStep(String step) {
		page.locator("#step-" + step + " button[type=submit]").click();
		assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions()
			.setHasText(vi("ideas.notice.stepped", vi("idea.step." + step))))).hasCount(1);
	}

	private void choosePeriod(String form, ReportingPeriod period) {
		page.locator("#kind-" + form).selectOption(period.kind().name());
		page.locator("#number-" + form).fill(String.valueOf(period.number()));
		page.locator("#year-" + form).fill(String.valueOf(period.year()));
		page.locator("#choice-" + form + " button[type=submit]").click();
	}

	private void signOut() {
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("nav.logout"))).click();
		assertThat(page).hasURL(Pattern.compile("/login"));
	}

	private String path() {
		return page.url().replaceFirst("^https?://[^/]+", "").replaceFirst("[?#].*$", "");
	}

	private long ideaId(String code) {
		return jdbc.sql("select id from idea where code = :c").param("c", code).query(Long.class).single();
	}

	private long count(String sql, String param) {
		return jdbc.sql(sql).param("t", param).query(Long.class).single();
	}
}
