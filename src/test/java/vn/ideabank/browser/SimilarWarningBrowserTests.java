package vn.ideabank.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.ideabank.browser.Texts.vi;

import java.time.Year;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStep;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.org.UnitService;
import vn.ideabank.search.SearchTestData;

/** A member typing an idea is warned of a similar idea another commune submitted, without seeing its text. */
class SimilarWarningBrowserTests extends BrowserTest {

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Test
	void aMemberTypingSeesThePrivacySafeWarning() {
		var thoTan = units.findByCode("TS-THOTAN").orElseThrow();
		IdeaView other = ideas.create(caller("doan.thotan"), SearchTestData.idea(thoTan.id(), Year.now().getValue() - 1,
				"Máy bay không người lái phun thuốc bảo vệ thực vật cho vườn cam xbrowserbimat",
				"Hợp tác xã thuê máy bay không người lái phun thuốc trừ sâu cho các hộ trồng cam, giảm công và độc hại."));
		ideas.step(caller("doan.thotan"), other.id(), new TakeStep(IdeaStep.SUBMIT, other.version(), null, null, null, null));

		login("nguyen.van.an", DEMO_PASSWORD);
		page.navigate("/ideas/new");
		page.getByLabel(vi("idea.label.title"), new Page.GetByLabelOptions().setExact(true))
			.pressSequentially("Phun thuoc BVTV cho cay cam bang flycam", new Locator.PressSequentiallyOptions().setDelay(5));
		page.getByLabel(vi("idea.label.summary"), new Page.GetByLabelOptions().setExact(true))
			.fill("HTX dung drone phun cho ba con trong cam, nguoi phun khong phai tiep xuc thuoc sau");
		Locator masked = page.locator("#similar-ideas .similar-list li.masked");
		assertThat(masked.first()).containsText(vi("search.similar.masked", Year.now().getValue() - 1, thoTan.name()),
				new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
		String panel = page.locator("#similar-ideas").innerHTML();
		assertThat(panel).doesNotContain("xbrowserbimat", other.code(), "/ideas/" + other.id());
	}
}
