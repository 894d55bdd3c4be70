package vn.ideabank.showcase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.IntegrationTest;
import vn.ideabank.common.security.Caller;
import vn.ideabank.idea.IdeaCommands.AddComment;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.org.UnitService;

class ShowcasePagesTests extends IntegrationTest {

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	private String html(String uri) {
		var result = mvc.get().uri(uri).exchange();
		assertThat(result).as(uri).hasStatusOk();
		try {
			return result.getResponse().getContentAsString();
		}
		catch (java.io.UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Every showcase page a visitor can reach: the home page and every page of the models list. */
	private List<String> allShowcasePages() {
		List<String> pages = new ArrayList<>();
		pages.add(html("/public"));
		for (int page = 0;; page++) {
			String html = html("/public/models?page=" + page);
			pages.add(html);
			if (Jsoup.parse(html).select("a[rel=next]").isEmpty()) {
				break;
			}
		}
		return pages;
	}

	@Test
	void noShowcasePageShowsAnythingPrivate() {
		Caller office = caller("huyendoan.trieuson");
		long unit = units.findByCode("TS-THODAN").orElseThrow().id();
		String marker = UUID.randomUUID().toString().substring(0, 8);
		IdeaView shown = ShowcaseFixtures.applied(ideas, office, unit, "Mô hình công khai " + marker, false);
		ideas.comment(office, shown.id(), new AddComment("Ghi chú nội bộ bí mật " + marker, true));
		ShowcaseFixtures.applied(ideas, office, unit, "Tác giả không công bố " + marker, true);
		ShowcaseFixtures.draft(ideas, office, unit, "Bản nháp riêng " + marker, false);

		// the private fields of the whole shared database: contacts, birth dates, internal notes, drafts' titles
		Set<String> publicTitles = new LinkedHashSet<>(jdbc.sql(
				"select title from idea where status in ('ACCEPTED','APPLIED','RECOGNISED') and not public_opt_out")
			.query(String.class).list());
		Set<String> secrets = new LinkedHashSet<>();
		secrets.addAll(jdbc.sql("select email from account where email is not null").query(String.class).list());
		secrets.addAll(jdbc.sql("select email from member where email is not null").query(String.class).list());
		secrets.addAll(jdbc.sql("select phone from member where phone is not null").query(String.class).list());
		for (LocalDate born : jdbc.sql("select date_of_birth from member where date_of_birth is not null")
			.query(LocalDate.class).list()) {
			secrets.add(born.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
			secrets.add(born.toString());
		}
		secrets.addAll(jdbc.sql("select body from idea_comment where internal").query(String.class).list());
		jdbc.sql("select title from idea where status not in ('ACCEPTED','APPLIED','RECOGNISED') or public_opt_out")
			.query(String.class).list().stream().filter(t -> !publicTitles.contains(t)).forEach(secrets::add);
		secrets.removeIf(s -> s.isBlank() || s.length() < 5);
		assertThat(secrets).contains("Ghi chú nội bộ bí mật " + marker, "Bản nháp riêng " + marker,
				"Tác giả không công bố " + marker);

		List<String> pages = allShowcasePages();
		String all = String.join("\n", pages);
		assertThat(all).as("the page shows public work at all").contains("Mô hình công khai " + marker);
		for (String page : pages) {
			String text = Jsoup.parse(page).text();
			for (String secret : secrets) {
				assertThat(page).doesNotContain(secret);
				assertThat(text).doesNotContain(secret);
			}
		}
	}

	@Test
	void theHomePageShowsLiveTotalsAndCarriesOpenGraphTagsAndAQrCode() {
		Caller office = caller("huyendoan.trieuson");
		long unit = units.findByCode("TS-THODAN").orElseThrow().id();
		int year = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
		long appliedBefore = ideas.publicTotals(year).applied();
		ShowcaseFixtures.applied(ideas, office, unit, "Mô hình được đếm " + UUID.randomUUID(), false);
		assertThat(ideas.publicTotals(year).applied()).isEqualTo(appliedBefore + 1);

		Document home = Jsoup.parse(html("/public"));
		assertThat(home.select(".totals h2").text()).as("a year is not a grouped number").endsWith(" " + year);
		assertThat(home.select(".total strong").eachText()).hasSize(2)
			.contains(String.format(java.util.Locale.GERMANY, "%,d", appliedBefore + 1));
		assertThat(home.select("meta[property=og:title]").attr("content")).isNotBlank();
		assertThat(home.select("meta[property=og:description]").attr("content")).isNotBlank();
		assertThat(home.select("meta[property=og:url]").attr("content")).endsWith("/public");
		assertThat(home.select("meta[property=og:image]").attr("content")).endsWith("/img/og-default.png");
		assertThat(home.select("meta[property=og:locale]").attr("content")).isEqualTo("vi_VN");
		String qr = home.select("img.qr").attr("src");
		assertThat(qr).isEqualTo("/public/qr.svg?path=/public");

		var svg = mvc.get().uri(qr).exchange();
		assertThat(svg).hasStatusOk().hasContentTypeCompatibleWith("image/svg+xml").bodyText().startsWith("<svg");
		assertThat(mvc.get().uri("/public/qr.svg?path=https://evil.example/")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.get().uri("/public/qr.svg?path=/ideas/1")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.get().uri("/img/og-default.png")).hasStatusOk();

		Document models = Jsoup.parse(html("/public/models"));
		assertThat(models.select("meta[property=og:url]").attr("content")).endsWith("/public/models");
	}

	@Test
	void visitorsStartOnTheShowcaseAndSignedInPeopleOnTheirHomePage() {
		assertThat(mvc.get().uri("/")).hasRedirectedUrl("/public");
		assertThat(mvc.get().uri("/").with(as("nguyen.van.an"))).hasStatusOk().bodyText().contains("href=\"/ideas\"");
		assertThat(mvc.get().uri("/public").with(as("nguyen.van.an"))).hasStatusOk();
	}
}
