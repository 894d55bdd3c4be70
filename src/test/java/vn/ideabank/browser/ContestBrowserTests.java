package vn.ideabank.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static vn.ideabank.browser.Texts.vi;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.idea.ApplicationArea;
import vn.ideabank.idea.Benefit;
import vn.ideabank.idea.IdeaCommands.AuthorRef;
import vn.ideabank.idea.IdeaCommands.IdeaContent;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;
import vn.ideabank.org.UnitService;

/**
 * The district office organises a contest and opens it, a commune's officer nominates an accepted idea,
 * the office awards it the first prize and publishes the results; the public page shows the award and
 * the certificate's verification page confirms it.
 */
class ContestBrowserTests extends BrowserTest {

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	@Test
	void officeOrganisesOfficerNominatesOfficeAwardsAndPublishes() {
		String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		String title = "Máy tách hạt ngô cầm tay " + run;
		long thoDan = units.findByCode("TS-THODAN").orElseThrow().id();
		IdeaContent content = new IdeaContent(today.getYear(), IdeaKind.INITIATIVE, title, "Tóm tắt", "Vấn đề", "Giải pháp",
				"Điểm mới", EnumSet.of(Benefit.SAVING), null, "Xã Thọ Dân", "Cả năm", "Không", ApplicationArea.PRODUCTION,
				SectorField.AGRICULTURE, TargetGroup.RURAL_YOUTH, null, false);
		long ideaId = ideas.create(caller("admin"), new SaveIdea(thoDan, content, List.of(new AuthorRef(null, "Lê Văn Hùng")))).id();
		jdbc.sql("update idea set status = 'ACCEPTED' where id = :id").param("id", ideaId).update();
		String name = "Hội thi Sáng tạo trẻ huyện Triệu Sơn " + run;

		login("huyendoan.trieuson", DEMO_PASSWORD);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(vi("contest.nav")).setExact(true)).click();
		page.locator("#new-contest").click();
		page.locator("#name").fill(name);
		page.locator("#year").fill(String.valueOf(today.getYear()));
		page.locator("#nominationOpens").fill(today.minusDays(1).toString());
		page.locator("#nominationCloses").fill(today.plusDays(7).toString());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("contest.create"))).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText(vi("contest.notice.created"));
		String contestUrl = page.url();
		page.locator("#advance").click();
		page.locator("#confirm-yes").click();
		assertThat(page.locator("#contest-status")).hasText(vi("contest.status.OPEN"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("nav.logout"))).click();

		login("doan.thodan", DEMO_PASSWORD);
		page.navigate(contestUrl);
		// the idea picker takes the code shown on the idea, typed in lower case as a hurried officer would
		String ideaCode = jdbc.sql("select code from idea where id = :id").param("id", ideaId).query(String.class).single();
		page.locator("#ideaId").fill(ideaCode.toLowerCase(java.util.Locale.ROOT));
		page.locator("#nominate").click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText(vi("contest.notice.nominated"));
		assertThat(page.locator("table.contest-entries")).containsText(title);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(vi("nav.logout"))).click();

		login("huyendoan.trieuson", DEMO_PASSWORD);
		page.navigate(contestUrl);
		page.locator("#advance").click();
		page.locator("#confirm-yes").click();
		assertThat(page.locator("#contest-status")).hasText(vi("contest.status.JUDGING"));
		Locator row = page.locator("table.contest-entries tr", new Page.LocatorOptions().setHasText(title));
		row.locator("select[name=tier]").selectOption("FIRST");
		row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(vi("contest.award.save"))).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText(vi("contest.notice.awarded"));
		page.locator("#advance").click();
		assertThat(page.locator(".confirm-sentence")).containsText("không sửa hay thu hồi được");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(vi("confirm.no"))).click();
		assertThat(page.locator("#contest-status")).hasText(vi("contest.status.JUDGING"));
		page.locator("#advance").click();
		page.locator("#confirm-yes").click();
		assertThat(page.locator("#contest-status")).hasText(vi("contest.status.PUBLISHED"));
		String pdfHref = page.locator("table.contest-entries tr", new Page.LocatorOptions().setHasText(title))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(vi("contest.cert.download"))).getAttribute("href");
		String code = pdfHref.replaceAll(".*/public/certificates/([A-Z0-9]+)/pdf$", "$1");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(vi("contest.publicLink"))).click();
		assertThat(page).hasURL(Pattern.compile("/public/contests/\\d+$"));
		assertThat(page.locator("table.contest-results")).containsText(vi("contest.award.FIRST"));
		assertThat(page.locator("table.contest-results")).containsText("Lê Văn Hùng");
		page.navigate("/public/certificates/" + code);
		assertThat(page.locator("#verify-result")).hasText(vi("contest.verify.valid", "Huyện đoàn Triệu Sơn"));
	}
}
