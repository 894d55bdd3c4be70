package vn.ideabank.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.ideabank.browser.Texts.vi;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.initiative.InitiativeCommands.Register;
import vn.ideabank.initiative.InitiativeCommands.SendToCouncil;
import vn.ideabank.initiative.InitiativeProcedure;
import vn.ideabank.initiative.InitiativeService;
import vn.ideabank.initiative.InitiativeTestWorld;
import vn.ideabank.initiative.InitiativeViews.ApplicationView;
import vn.ideabank.org.UnitService;
import vn.ideabank.review.ReviewScoring;
import vn.ideabank.review.ReviewService;
import vn.ideabank.review.ReviewTestData;
import vn.ideabank.review.ReviewViews.CouncilView;
import vn.ideabank.review.ReviewViews.Decision;
import vn.ideabank.review.RubricService;

/**
 * The initiative pages on a 360 px phone: the register, the application form with its co-authors, the application
 * page and the office's decision form. Nothing scrolls sideways, every button can be reached, and a form refused for
 * bad input comes back with what was typed.
 */
class InitiativePhoneBrowserTests extends BrowserTest {

	static final int WIDTH = 360;

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	InitiativeService applications;

	@Autowired
	InitiativeProcedure procedure;

	@Autowired
	ReviewService reviews;

	@Autowired
	ReviewScoring scoring;

	@Autowired
	RubricService rubrics;

	@Override
	protected Browser.NewContextOptions contextOptions() {
		return super.contextOptions().setViewportSize(WIDTH, 740).setIsMobile(true).setHasTouch(true)
			.setDeviceScaleFactor(1);
	}

	@Test
	void anAuthorFilesWithACoAuthorAndTheOfficeRegistersAndDecidesOnAPhone() {
		IdeaView idea = endorsedIdea("Máy sấy cà phê bằng năng lượng mặt trời ");
		login("nguyen.van.an", DEMO_PASSWORD);
		page.navigate("/initiatives");
		assertThat(page.locator("h1")).hasText(vi("initiative.register.title"));
		assertFitsTheScreen();
		assertReachable(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(vi("initiative.new")).setExact(true)));
		assertReachable(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("initiative.filter.apply"))));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(vi("initiative.new")).setExact(true)).click();

		assertThat(page.locator("h1")).hasText(vi("initiative.form.title"));
		assertFitsTheScreen();
		screenshotWholePage("initiative-form-360.png");
		field("ideaId").fill(idea.code());
		field("investor").fill("Hợp tác xã cà phê Thọ Dân");
		field("fieldOfUse").fill("Nông nghiệp, chế biến nông sản");
		field("firstAppliedOn").fill("2026-09-15");
		field("knownSolution").fill("Phơi cà phê trên sân đất, dễ mốc khi trời mưa.");
		field("newContent").fill("Nhà sấy mái tôn trong suốt với quạt hút chạy pin mặt trời.");
		field("applicability").fill("Mọi hộ trồng cà phê có sân rộng 20 m².");
		field("benefits").fill("Rút ngắn thời gian phơi từ 10 xuống 4 ngày.");
		page.locator("input[name='confidential'][value='NEW_CONTENT']").check();
		field("authors[0].fullName").fill("Nguyễn Văn An");
		field("authors[0].contribution").fill("50");
		field("authors[1].fullName").fill("Lê Thị Hường");
		field("authors[1].workplace").fill("Hợp tác xã cà phê Thọ Dân");
		field("authors[1].birthDate").fill("1999-01-02");
		field("authors[1].contribution").fill("40");
		Locator submit = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("initiative.form.submit")).setExact(true));
		assertReachable(submit);
		submit.click();

		// 50 + 40 is not 100: the form comes back with the reason, and everything typed is still there
		assertThat(page.locator("fieldset.has-error p.error")).containsText("hiện là 90%");
		assertFitsTheScreen();
		screenshotWholePage("initiative-form-refused-360.png");
		assertThat(field("ideaId")).hasValue(idea.code());
		assertThat(field("investor")).hasValue("Hợp tác xã cà phê Thọ Dân");
		assertThat(field("fieldOfUse")).hasValue("Nông nghiệp, chế biến nông sản");
		assertThat(field("firstAppliedOn")).hasValue("2026-09-15");
		assertThat(field("knownSolution")).hasValue("Phơi cà phê trên sân đất, dễ mốc khi trời mưa.");
		assertThat(field("newContent")).hasValue("Nhà sấy mái tôn trong suốt với quạt hút chạy pin mặt trời.");
		assertThat(page.locator("input[name='confidential'][value='NEW_CONTENT']")).isChecked();
		assertThat(field("authors[0].fullName")).hasValue("Nguyễn Văn An");
		assertThat(field("authors[0].contribution")).hasValue("50");
		assertThat(field("authors[1].fullName")).hasValue("Lê Thị Hường");
		assertThat(field("authors[1].workplace")).hasValue("Hợp tác xã cà phê Thọ Dân");
		assertThat(field("authors[1].birthDate")).hasValue("1999-01-02");
		assertThat(field("authors[1].contribution")).hasValue("40");

		field("authors[0].contribution").fill("60");
		assertReachable(submit);
		submit.click();
		assertThat(page).hasURL(Pattern.compile("/initiatives/\\d+$"));
		assertThat(page.locator("h1")).hasText(idea.title());
		assertFitsTheScreen();
		long id = Long.parseLong(page.url().replaceAll(".*/initiatives/(\\d+)$", "$1"));
		screenshotWholePage("initiative-360.png");

		// the office takes it into the register from its phone
		context.clearCookies();
		login("huyendoan.trieuson", DEMO_PASSWORD);
		page.navigate("/initiatives/" + id);
		assertFitsTheScreen();
		Locator register = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("initiative.step.register")));
		assertReachable(register);
		register.click();
		assertThat(page.getByText(vi("initiative.notice.registered"))).isVisible();
		assertFitsTheScreen();
		page.navigate("/initiatives");
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(idea.title()))).isVisible();
		assertFitsTheScreen();

		// the council votes (its own pages have their tests); the office decides on the phone
		councilVotes(id, idea);
		page.navigate("/initiatives/" + id);
		assertFitsTheScreen();
		field("decisionNo").fill("21/QĐ-ĐTN");
		field("signerName").fill("Lê Văn Thành");
		Locator decide = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("initiative.step.decide")));
		assertReachable(decide);
		screenshotWholePage("initiative-decision-360.png");
		decide.click();
		assertThat(page.getByText(vi("initiative.notice.decided"))).isVisible();
		assertFitsTheScreen();
		for (Locator link : page.locator("a[href*='kind=CERTIFICATE']").all()) {
			assertReachable(link);
		}
		assertThat(page.locator("a[href*='kind=CERTIFICATE']")).hasCount(4);
		screenshotWholePage("initiative-recognised-360.png");
	}

	/**
	 * The decision form refused (recognition without a decision number) comes back with what the office typed: the
	 * signer and the reach (it redirected and lost them until the controller re-showed the page, as the application
	 * form does).
	 */
	@Test
	void theDecisionFormRefusedKeepsWhatWasTyped() {
		IdeaView idea = endorsedIdea("Máy bóc vỏ lạc ");
		ApplicationView a = applications.file(caller("nguyen.van.an"), InitiativeTestWorld.application(idea.id(), "x",
				new BigDecimal("60"), new BigDecimal("40")));
		procedure.register(caller("huyendoan.trieuson"), a.id(), new Register(null, null, a.version()));
		councilVotes(a.id(), idea);
		login("huyendoan.trieuson", DEMO_PASSWORD);
		page.navigate("/initiatives/" + a.id());
		page.locator("#reach").selectOption("PROVINCE");
		field("signerName").fill("Lê Văn Thành");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("initiative.step.decide"))).click();
		assertThat(page.getByText(vi("initiative.decisionNo.required"))).isVisible();
		assertFitsTheScreen();
		assertThat(page.locator("#reach")).hasValue("PROVINCE");
		assertThat(field("signerName")).hasValue("Lê Văn Thành");
	}

	private IdeaView endorsedIdea(String title) {
		long t1 = units.findByCode("TS-THODAN-T1").orElseThrow().id();
		return InitiativeTestWorld.endorsedIdea(ideas, caller("nguyen.van.an"), caller("doan.thodan"), t1,
				ReviewTestData.unique(title));
	}

	/** A council of the district receives the application and votes to recognise it. */
	private void councilVotes(long applicationId, IdeaView idea) {
		Caller office = caller("huyendoan.trieuson");
		long ts = units.findByCode("TS").orElseThrow().id();
		CouncilView council = InitiativeTestWorld.council(reviews, rubrics, office, ts);
		procedure.sendToCouncil(office, applicationId,
				new SendToCouncil(council.id(), applications.get(office, applicationId).version()));
		InitiativeTestWorld.scoreAndVote(reviews, scoring, office, caller("tran.thi.binh"), council.id(), idea.id(),
				Decision.ACCEPT);
	}

	private Locator field(String name) {
		return page.locator("main [name='" + name + "']");
	}

	private void assertFitsTheScreen() {
		assertThat(page.evaluate("() => window.innerWidth")).isEqualTo(WIDTH);
		assertThat(pageWidth())
			.as("horizontal scroll on " + page.url()).isLessThanOrEqualTo(WIDTH);
	}

	/** Scrolled to, it is visible inside the screen, left and right edges within the width. */
	private void assertReachable(Locator element) {
		element.scrollIntoViewIfNeeded();
		assertThat(element).isVisible();
		assertThat(element).isInViewport();
		BoundingBox box = element.boundingBox();
		assertThat(box).as(element.toString()).isNotNull();
		assertThat(box.x).as(element + " left edge").isGreaterThanOrEqualTo(0);
		assertThat(box.x + box.width).as(element + " right edge").isLessThanOrEqualTo(WIDTH);
	}
}
