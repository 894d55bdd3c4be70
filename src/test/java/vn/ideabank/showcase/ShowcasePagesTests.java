package vn.ideabank.showcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
import vn.ideabank.contest.AwardTier;
import vn.ideabank.contest.ContestCommands.Award;
import vn.ideabank.contest.ContestCommands.CreateContest;
import vn.ideabank.contest.ContestKind;
import vn.ideabank.contest.ContestService;
import vn.ideabank.contest.NominationService;
import vn.ideabank.contest.ContestView;
import vn.ideabank.contest.NominationView;
import vn.ideabank.idea.IdeaCommands.AddComment;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.org.UnitService;
import vn.ideabank.programme.ClubKind;
import vn.ideabank.programme.ProgrammeCommands.SaveClub;
import vn.ideabank.programme.ProgrammeCommands.SaveStartup;
import vn.ideabank.programme.ClubService;
import vn.ideabank.programme.FundService;
import vn.ideabank.programme.IpRegistrationService;
import vn.ideabank.programme.StartupService;
import vn.ideabank.programme.ProgrammeShowcase;
import vn.ideabank.programme.StartupStage;

class ShowcasePagesTests extends IntegrationTest {

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ContestService contests;

	@Autowired
	NominationService nominationService;

	@Autowired
	StartupService startups;

	@Autowired
	ClubService clubs;

	@Autowired
	FundService funds;

	@Autowired
	IpRegistrationService registrations;

	@Autowired
	ProgrammeShowcase programmeShowcase;

	@Autowired
	PublishedContests publishedContests;

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

	/** Every showcase page a visitor can reach: the home page and every page of each list. */
	private List<String> allShowcasePages() {
		List<String> pages = new ArrayList<>();
		pages.add(html("/public"));
		for (String list : List.of("/public/models", "/public/clubs", "/public/winners")) {
			pages.addAll(everyPage(list));
		}
		return pages;
	}

	private List<String> everyPage(String list) {
		List<String> pages = new ArrayList<>();
		for (int page = 0;; page++) {
			String html = html(list + "?page=" + page);
			pages.add(html);
			if (Jsoup.parse(html).select("a[rel=next]").isEmpty()) {
				return pages;
			}
		}
	}

	/** A contest organised by the district office, with the given ideas nominated and awarded FIRST, SECOND…; published or not. */
	private ContestView contest(Caller office, String name, boolean publish, long... ideaIds) {
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
		ContestView c = contests.create(office, new CreateContest(units.findByCode("TS").orElseThrow().id(), ContestKind.OTHER,
				name, today.getYear(), Set.of(), null, null, Set.of(), today.minusDays(1), today.plusDays(5), 10));
		c = contests.advance(office, c.id(), c.version());
		List<NominationView> entries = new ArrayList<>();
		for (long idea : ideaIds) {
			entries.add(nominationService.nominate(office, c.id(), idea));
		}
		c = contests.advance(office, c.id(), c.version());
		for (int i = 0; i < entries.size(); i++) {
			nominationService.award(office, entries.get(i).id(), new Award(AwardTier.values()[i], null), entries.get(i).version());
		}
		return publish ? contests.advance(office, c.id(), c.version()) : c;
	}

	/** Clubs and a published contest for the showcase, with private details that must not reach it. */
	private void programmeFixtures(Caller office, long unit, String marker) {
		clubs.createClub(office, new SaveClub(unit, "CLB Em yêu khoa học công khai " + marker, ClubKind.SCIENCE_LOVERS,
				"Trường THCS Thọ Dân", LocalDate.of(2024, 9, 5), "5-QĐ/" + marker, "Thành viên bí mật " + marker, 25, true));
		clubs.createClub(office, new SaveClub(unit, "CLB đã giải thể " + marker, ClubKind.OTHER, null,
				LocalDate.of(2020, 1, 1), null, null, 0, false));
		startups.createStartup(office, new SaveStartup(unit, "Dự án khởi nghiệp " + marker, "Nuôi ong", true,
				StartupStage.IDEA, "Đội ngũ bí mật " + marker, "0912 345 " + marker, null, null, false, List.of()));
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
		programmeFixtures(office, unit, marker);
		IdeaView awardedHidden = ShowcaseFixtures.applied(ideas, office, unit, "Giải nhưng không công bố " + marker, true);
		ContestView published = contest(office, "Hội thi đã công bố " + marker, true, shown.id(), awardedHidden.id());
		contest(office, "Hội thi chưa công bố " + marker, false, shown.id());
		// the showcase hears of the publication after the commit, asynchronously
		await().atMost(Duration.ofSeconds(10)).until(() -> published.id() == jdbc.sql(
				"select coalesce(max(contest_id), 0) from showcase_contest where contest_id = :c").param("c", published.id())
			.query(Long.class).single());

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
		secrets.addAll(jdbc.sql("select members from programme_club where members is not null").query(String.class).list());
		secrets.addAll(jdbc.sql("select decision_no from programme_club where decision_no is not null").query(String.class).list());
		secrets.addAll(jdbc.sql("select contact from programme_startup where contact is not null").query(String.class).list());
		secrets.addAll(jdbc.sql("select team from programme_startup where team is not null").query(String.class).list());
		jdbc.sql("select title from idea where status not in ('ACCEPTED','APPLIED','RECOGNISED') or public_opt_out")
			.query(String.class).list().stream().filter(t -> !publicTitles.contains(t)).forEach(secrets::add);
		// short texts (the hostile-input test leaves titles such as "100%_") also occur in public records by chance
		secrets.removeIf(s -> s.isBlank() || s.strip().length() < 8);
		// the hostile-input test writes the same texts into public and private records: not secrets of anyone
		secrets.removeAll(vn.ideabank.HostileValues.texts());
		assertThat(secrets).contains("Ghi chú nội bộ bí mật " + marker, "Bản nháp riêng " + marker,
				"Tác giả không công bố " + marker, "Giải nhưng không công bố " + marker, "Thành viên bí mật " + marker,
				"0912 345 " + marker, "Đội ngũ bí mật " + marker);

		List<String> pages = allShowcasePages();
		String all = String.join("\n", pages);
		assertThat(all).as("the page shows public work at all").contains("Mô hình công khai " + marker,
				"CLB Em yêu khoa học công khai " + marker, "Hội thi đã công bố " + marker);
		// only active clubs and published contests are listed
		assertThat(all).doesNotContain("CLB đã giải thể " + marker, "Hội thi chưa công bố " + marker);
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
		assertThat(home.select(".total strong").eachText()).hasSize(4)
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
	void theClubAndWinnerPagesShowWhatIsPublicWithOpenGraphTagsAndAQrCode() {
		Caller office = caller("huyendoan.trieuson");
		long unit = units.findByCode("TS-THODAN").orElseThrow().id();
		String marker = UUID.randomUUID().toString().substring(0, 8);
		int year = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
		long clubsBefore = programmeShowcase.activeClubCount();
		programmeFixtures(office, unit, marker);
		assertThat(programmeShowcase.activeClubCount()).isEqualTo(clubsBefore + 1);
		IdeaView idea = ShowcaseFixtures.applied(ideas, office, unit, "Máy bóc vỏ lạc " + marker, false);
		ContestView contest = contest(office, "Hội thi Tuổi trẻ sáng tạo " + marker, true, idea.id());
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from showcase_contest where contest_id = :c")
			.param("c", contest.id()).query(Long.class).single() == 1);

		Document home = Jsoup.parse(html("/public"));
		assertThat(home.select(".total strong").eachText()).hasSize(4)
			.contains(String.format(java.util.Locale.GERMANY, "%,d", publishedContests.count(year)),
					String.format(java.util.Locale.GERMANY, "%,d", programmeShowcase.activeClubCount()));
		assertThat(home.select(".total a").eachAttr("href")).containsExactly("/public/winners", "/public/clubs");

		for (String path : List.of("/public/clubs", "/public/winners")) {
			Document page = Jsoup.parse(html(path));
			assertThat(page.select("meta[property=og:url]").attr("content")).endsWith(path);
			assertThat(page.select("meta[property=og:title]").attr("content")).isNotBlank();
			assertThat(page.select("img.qr").attr("src")).isEqualTo("/public/qr.svg?path=" + path);
			assertThat(mvc.get().uri("/public/qr.svg?path=" + path)).hasStatusOk();
		}
		String clubs = String.join("\n", everyPage("/public/clubs").stream().map(h -> Jsoup.parse(h).text()).toList());
		assertThat(clubs).contains("CLB Em yêu khoa học công khai " + marker, "Em yêu khoa học", "Thành lập năm 2024",
				"Trường THCS Thọ Dân");
		String winners = String.join("\n", everyPage("/public/winners").stream().map(h -> Jsoup.parse(h).text()).toList());
		assertThat(winners).contains("Hội thi Tuổi trẻ sáng tạo " + marker, "Máy bóc vỏ lạc " + marker, "Giải Nhất");
	}

	@Test
	void visitorsStartOnTheShowcaseAndSignedInPeopleOnTheirHomePage() {
		assertThat(mvc.get().uri("/")).hasRedirectedUrl("/public");
		assertThat(mvc.get().uri("/").with(as("nguyen.van.an"))).hasStatusOk().bodyText().contains("href=\"/ideas\"");
		assertThat(mvc.get().uri("/public").with(as("nguyen.van.an"))).hasStatusOk();
	}
}
