package vn.ideabank.browser;

import java.text.Normalizer;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Grant;
import vn.ideabank.common.security.Role;
import vn.ideabank.org.UnitCommands.CreateUnit;
import vn.ideabank.org.UnitKind;
import vn.ideabank.org.UnitService;
import vn.ideabank.org.UnitView;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.ideabank.browser.Texts.vi;

/**
 * The district office adds and moves units through the forms. Every test works under Đoàn xã Hợp
 * Lý with units of its own (unique codes), so that the seeded units other tests read stay as they are.
 */
class UnitManagementBrowserTests extends BrowserTest {

	static final String COMMUNE = "TS-HOPLY";

	static final Caller SYSTEM = new Caller(0, "browser-test", "Browser test", List.of(new Grant(Role.ADMIN, null, null)));

	@Autowired
	UnitService units;

	@Test
	void aUnitTypedInDecomposedVietnameseIsSavedAndShownInNfc() {
		UnitView commune = units.findByCode(COMMUNE).orElseThrow();
		String code = "BT-" + System.nanoTime();
		String nfc = Normalizer.normalize("Chi đoàn thôn Đồng Lạc", Normalizer.Form.NFC);
		String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
		assertThat(nfd).isNotEqualTo(nfc);
		login("huyendoan.trieuson", DEMO_PASSWORD);
		page.navigate("/units/" + commune.id());

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(vi("units.addChild"))).click();
		assertThat(page).hasURL(url("/units/new?parent=" + commune.id()));
		assertThat(page.locator("h1")).hasText(vi("units.new"));
		assertThat(label(vi("unit.parent"))).hasValue(String.valueOf(commune.id()));
		label(vi("unit.code")).fill(code);
		Locator name = label(vi("unit.name"));
		name.pressSequentially(nfd);
		assertThat(name.inputValue()).as("the browser sends what was typed, decomposed").isEqualTo(nfd);
		label(vi("unit.levelName")).fill("Chi đoàn");
		label(vi("unit.memberCount")).fill("25");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("action.save")).setExact(true)).click();

		assertThat(page).hasURL(java.util.regex.Pattern.compile("/units/\\d+$"));
		UnitView created = units.findByCode(code).orElseThrow();
		assertThat(page).hasURL(url("/units/" + created.id()));
		assertThat(page.getByRole(AriaRole.STATUS)).hasText(vi("unit.notice.created"));
		assertThat(page.locator("h1").textContent()).isEqualTo(nfc);
		assertThat(page.locator("h1").textContent()).isNotEqualTo(nfd);
		assertThat(page.title()).isEqualTo(nfc + " · " + vi("app.name"));
		assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName(vi("units.breadcrumbs"))))
			.containsText(commune.name());
		assertThat(created.name()).isEqualTo(nfc);
		assertThat(created.parentId()).isEqualTo(commune.id());
		assertThat(created.memberCount()).isEqualTo(25);

		// and the commune lists it under its children
		page.navigate("/units/" + commune.id());
		assertThat(page.locator("main section ul.list > li > a").getByText(nfc, new Locator.GetByTextOptions().setExact(true)))
			.hasCount(1);
	}

	@Test
	void aCodeAlreadyInUseIsRefusedOnItsFieldAndNothingIsCreated() {
		UnitView commune = units.findByCode(COMMUNE).orElseThrow();
		String name = "Chi đoàn trùng mã " + System.nanoTime();
		login("huyendoan.trieuson", DEMO_PASSWORD);
		page.navigate("/units/new?parent=" + commune.id());

		label(vi("unit.code")).fill("TS-THODAN");
		label(vi("unit.name")).fill(name);
		label(vi("unit.levelName")).fill("Chi đoàn");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("action.save")).setExact(true)).click();

		assertThat(page.locator("#code-error")).hasText(vi("unit.error.codeTaken", "TS-THODAN"));
		assertThat(label(vi("unit.code"))).hasAttribute("aria-invalid", "true");
		assertThat(label(vi("unit.code"))).hasAttribute("aria-describedby", "code-error");
		assertThat(page.locator("h1")).hasText(vi("units.new"));
		// what was typed is kept, the other fields carry no error
		assertThat(label(vi("unit.name"))).hasValue(name);
		assertThat(label(vi("unit.parent"))).hasValue(String.valueOf(commune.id()));
		assertThat(page.locator("p.error")).hasCount(1);
		assertThat(units.list(SYSTEM, name, PageRequest.of(0, 5)).getTotalElements()).isZero();
		assertThat(units.findByCode("TS-THODAN").orElseThrow().name()).isEqualTo("Đoàn xã Thọ Dân");
	}

	@Test
	void aNameLongerThan200CharactersIsRefusedOnItsField() {
		UnitView commune = units.findByCode(COMMUNE).orElseThrow();
		String code = "DAI-" + System.nanoTime();
		String longName = ("Chi đoàn thôn Đồng Lạc " + "ơ".repeat(200)).substring(0, 201);
		assertThat(longName).hasSize(201);
		login("huyendoan.trieuson", DEMO_PASSWORD);
		page.navigate("/units/new?parent=" + commune.id());

		label(vi("unit.code")).fill(code);
		label(vi("unit.name")).fill(longName);
		label(vi("unit.levelName")).fill("Chi đoàn");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("action.save")).setExact(true)).click();

		assertThat(page.locator("#name-error")).hasText(vi("Size.name", "name", 200, 0));
		assertThat(label(vi("unit.name"))).hasAttribute("aria-invalid", "true");
		assertThat(page.locator("#code-error")).hasCount(0);
		assertThat(page.locator("h1")).hasText(vi("units.new"));
		assertThat(units.findByCode(code)).isEmpty();

		// shortened to 200 it is accepted
		label(vi("unit.name")).fill(longName.substring(0, 200));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("action.save")).setExact(true)).click();
		assertThat(page.getByRole(AriaRole.STATUS)).hasText(vi("unit.notice.created"));
		assertThat(units.findByCode(code).orElseThrow().name()).isEqualTo(longName.substring(0, 200));
	}

	@Test
	void aUnitCannotBeMovedUnderItselfOrItsDescendants() {
		UnitView commune = units.findByCode(COMMUNE).orElseThrow();
		long n = System.nanoTime();
		UnitView moved = create(commune.id(), "MV-" + n + "-P", "Chi đoàn chuyển đi " + n);
		UnitView child = create(moved.id(), "MV-" + n + "-C", "Tổ đoàn con " + n);
		UnitView grandchild = create(child.id(), "MV-" + n + "-G", "Nhóm cháu " + n);
		UnitView target = create(commune.id(), "MV-" + n + "-T", "Chi đoàn đích " + n);
		login("huyendoan.trieuson", DEMO_PASSWORD);
		page.navigate("/units/" + moved.id());

		page.locator("main .actions").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(vi("action.move")).setExact(true))
			.click();
		assertThat(page).hasURL(url("/units/" + moved.id() + "/move"));
		assertThat(page.locator("h1")).hasText(vi("units.move", moved.name()));
		Locator select = label(vi("units.newParent"));
		assertThat(select).hasValue(String.valueOf(commune.id()));
		List<String> offered = select.locator("option").all().stream().map(o -> o.getAttribute("value")).toList();
		assertThat(offered).contains(String.valueOf(commune.id()), String.valueOf(target.id()),
				String.valueOf(commune.parentId()));
		assertThat(offered).doesNotContain(String.valueOf(moved.id()), String.valueOf(child.id()),
				String.valueOf(grandchild.id()));

		// a forged choice (an option added by hand) is refused on the field, and nothing moves
		select.evaluate("(s, id) => s.add(new Option('forged', id))", String.valueOf(child.id()));
		select.selectOption(String.valueOf(child.id()));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("action.move")).setExact(true)).click();
		assertThat(page.locator("main .field.has-error .error")).hasText(vi("unit.error.moveUnderSelf"));
		assertThat(units.find(moved.id()).orElseThrow().parentId()).isEqualTo(commune.id());
		assertThat(units.find(grandchild.id()).orElseThrow().path()).isEqualTo(grandchild.path());

		// a real target works, and the subtree goes along
		label(vi("units.newParent")).selectOption(String.valueOf(target.id()));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("action.move")).setExact(true)).click();
		assertThat(page).hasURL(url("/units/" + moved.id()));
		assertThat(page.getByRole(AriaRole.STATUS)).hasText(vi("unit.notice.moved"));
		assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName(vi("units.breadcrumbs"))))
			.containsText(target.name());
		assertThat(units.find(grandchild.id()).orElseThrow().path()).startsWith(target.path());
	}

	private UnitView create(long parentId, String code, String name) {
		return units.create(SYSTEM, new CreateUnit(parentId, code, name, "Chi đoàn", UnitKind.OTHER, 0));
	}

	private Locator label(String text) {
		return page.getByLabel(text, new Page.GetByLabelOptions().setExact(true));
	}
}
