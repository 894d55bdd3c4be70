package vn.ideabank.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.ideabank.browser.Texts.vi;

import java.io.InputStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import vn.ideabank.report.ReportingPeriod;
import vn.ideabank.report.PeriodKind;

/**
 * A commune's unit officer writes and submits the quarterly report; the district office sees it among
 * the submitted ones, consolidates its subtree in one click and downloads the .docx.
 */
class ReportBrowserTests extends BrowserTest {

	private void choosePeriod(String form, ReportingPeriod period) {
		page.locator("#kind-" + form).selectOption(period.kind().name());
		page.locator("#number-" + form).fill(String.valueOf(period.number()));
		page.locator("#year-" + form).fill(String.valueOf(period.year()));
		page.locator("#choice-" + form + " button[type=submit]").click();
	}

	@Test
	void anOfficerSubmitsTheQuarterlyReportAndTheOfficeConsolidatesAndDownloadsIt() throws Exception {
		ReportingPeriod quarter = ReportingPeriod.containing(PeriodKind.QUY, LocalDate.now());
		String results = "Ra mắt mô hình “Thắp sáng đường quê” bằng đèn năng lượng mặt trời " + System.nanoTime() % 10000;

		login("doan.thodan", DEMO_PASSWORD);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(vi("nav.reports"))).click();
		assertThat(page.locator("h2#todo-title")).hasText(vi("report.todo.title"));
		choosePeriod("open", quarter);
		assertThat(page).hasURL(Pattern.compile("/reports/periodic/\\d+$"));
		assertThat(page.locator("main")).containsText(vi("report.status.DRAFT"));
		page.locator("#results").fill(results);
		page.locator("#goodModels").fill("Tổ “Thanh niên tình nguyện” tự lắp đèn cho 3 thôn.");
		page.locator("#signerName").fill("Nguyễn Thị Thu Hà");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("report.save"))).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText(vi("report.notice.saved"));
		String proposals = "Đề nghị huyện đoàn hỗ trợ 5 bộ đèn, gõ rồi nộp ngay";
		page.locator("#proposals").fill(proposals);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("report.submit"))).click();
		assertThat(page.locator(".confirm-sentence")).containsText("bị khoá");
		page.locator("#confirm-yes").click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText(vi("report.notice.submitted"));
		assertThat(page.locator("main")).containsText(proposals);
		assertThat(page.locator(".badge.status")).hasText(vi("report.status.SUBMITTED"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("nav.logout"))).click();

		login("huyendoan.trieuson", DEMO_PASSWORD);
		page.navigate("/reports");
		choosePeriod("children", quarter);
		Locator thoDan = page.locator("table.children tr", new Page.LocatorOptions().setHasText("Đoàn xã Thọ Dân"));
		assertThat(thoDan).containsText(vi("report.status.SUBMITTED"));
		assertThat(page.locator("table.children")).containsText(vi("report.status.NONE"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("report.consolidate"))).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText(vi("report.notice.consolidated"));
		assertThat(page.locator("main")).containsText(vi("report.consolidated"));
		assertThat(page.locator("main details summary", new Page.LocatorOptions().setHasText("Đoàn xã Thọ Dân"))).hasCount(1);

		Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions().setName(vi("report.download.docx"))).click());
		assertThat(download.suggestedFilename()).endsWith(".docx");
		try (InputStream in = Files.newInputStream(download.path()); XWPFDocument doc = new XWPFDocument(in);
				XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			assertThat(text.getText()).contains("BCH ĐOÀN HUYỆN TRIỆU SƠN", "Tổng hợp kết quả thực hiện", "Đoàn xã Thọ Dân",
					results, proposals, "Nơi nhận:");
		}
	}

	@Test
	void theReportsPageFitsAPhone() {
		context.close();
		context = browser.newContext(contextOptions().setViewportSize(360, 740).setIsMobile(true));
		page = context.newPage();
		login("doan.thodan", DEMO_PASSWORD);
		page.navigate("/reports");
		assertThat(page.locator("h1")).hasText(vi("report.home.title"));
		assertThat(pageWidth()).isLessThanOrEqualTo(360);
		// a report's page: its progress table becomes cards whose figures carry their column's name
		choosePeriod("open", ReportingPeriod.containing(PeriodKind.QUY, LocalDate.now()));
		assertThat(page.locator("#progress table.progress")).isVisible();
		assertThat(page.locator("#progress td.actual").first()).hasAttribute("data-label", vi("report.doc.col.actual"));
		assertThat(page.locator("#progress td.actual").first()).hasCSS("display", "block");
		assertThat(pageWidth()).isLessThanOrEqualTo(360);
	}
}
