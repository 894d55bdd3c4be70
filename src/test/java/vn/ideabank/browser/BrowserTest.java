package vn.ideabank.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import vn.ideabank.IntegrationTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Base of the browser tests: Debian's Chromium driven by Playwright against the test server. One
 * browser per test class, a fresh context (cookies, storage) and page per test. Nothing is
 * downloaded: the browser must be installed ({@code apt-get install -y chromium}); without it the
 * tests are skipped, or fail when {@code IDEABANK_REQUIRE_BROWSER=true} (as on CI).
 */
public abstract class BrowserTest extends IntegrationTest {

	static final String DEFAULT_CHROMIUM = "/usr/bin/chromium";

	private static Playwright playwright;

	protected static Browser browser;

	protected BrowserContext context;

	protected Page page;

	/** Why the tests of this class cannot run, or {@code null}. */
	private static String missingBrowser;

	@BeforeAll
	static void launchBrowser() {
		Path chromium = Paths.get(envOr("IDEABANK_CHROMIUM", DEFAULT_CHROMIUM));
		missingBrowser = null;
		if (!Files.isExecutable(chromium)) {
			missingBrowser = "Chromium not found at " + chromium + "; install it with apt-get install -y chromium"
					+ " (or point IDEABANK_CHROMIUM at a Chromium executable)";
			if (Boolean.parseBoolean(System.getenv("IDEABANK_REQUIRE_BROWSER"))) {
				throw new IllegalStateException(missingBrowser);
			}
			// skipped test by test (in openPage): surefire shows skipped tests, but says nothing of a skipped class
			System.err.println("WARNING: browser tests skipped: " + missingBrowser);
			return;
		}
		// never download browsers, even when run outside Maven (surefire sets this variable too)
		playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
			.setExecutablePath(chromium)
			.setHeadless(true)
			.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
		// a 2-core machine running the server and the browser together is slow at times
		PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
		if (playwright != null) {
			playwright.close();
			playwright = null;
		}
	}

	@BeforeEach
	void openPage() {
		Assumptions.assumeTrue(missingBrowser == null, missingBrowser);
		context = browser.newContext(contextOptions());
		context.setDefaultTimeout(15_000);
		page = context.newPage();
	}

	@AfterEach
	void closePage() {
		if (context != null) {
			context.close();
		}
	}

	/** A desktop-sized context; override for phones. */
	protected Browser.NewContextOptions contextOptions() {
		return new Browser.NewContextOptions().setBaseURL(baseUrl()).setViewportSize(1280, 800);
	}

	protected String baseUrl() {
		return "http://localhost:" + port;
	}

	/** The absolute address of a path on the test server, for URL assertions. */
	protected String url(String path) {
		return baseUrl() + path;
	}

	/** On a phone the navigation, search and sign-out fold behind the "Menu" button: opens it when it is folded. */
	protected void openMenuIfFolded() {
		var button = page.locator("button.menu-button");
		if (button.isVisible()) {
			button.click();
		}
	}

	/**
	 * How wide the page is (its scroll width), once it has loaded: read right after a click that navigates, it could
	 * measure the new page before its stylesheet applied (CI once read a table's cell as a table cell, not a card).
	 */
	protected int pageWidth() {
		page.waitForLoadState();
		return (Integer) page.evaluate("() => document.documentElement.scrollWidth");
	}

	/** Signs in through the login form and waits until the browser has left the login page. */
	protected void login(String username, String password) {
		page.navigate("/login");
		page.locator("#username").fill(username);
		page.locator("#password").fill(password);
		page.locator("main form button[type=submit]").click();
		assertThat(page).not().hasURL(Pattern.compile("/login"));
	}

	/**
	 * Keeps the whole page as target/screenshots/{name}, once it has loaded: a full-page shot of a page still
	 * arriving (a loaded machine) caught half the form, and on an emulated phone the clicks after it missed
	 * their button.
	 */
	protected void screenshotWholePage(String name) {
		page.waitForLoadState();
		page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", name)).setFullPage(true));
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}
}
