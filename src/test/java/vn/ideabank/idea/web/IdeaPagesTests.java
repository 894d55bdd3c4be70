package vn.ideabank.idea.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.net.URI;
import java.text.Normalizer;
import java.time.Year;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import vn.ideabank.IntegrationTest;
import vn.ideabank.account.AccountKind;
import vn.ideabank.account.AccountService;
import vn.ideabank.common.security.Role;
import vn.ideabank.idea.ApplicationArea;
import vn.ideabank.idea.Benefit;
import vn.ideabank.idea.IdeaCommands.AddComment;
import vn.ideabank.idea.IdeaCommands.AuthorRef;
import vn.ideabank.idea.IdeaCommands.IdeaContent;
import vn.ideabank.idea.IdeaCommands.SaveIdea;
import vn.ideabank.idea.IdeaCommands.TakeStep;
import vn.ideabank.idea.IdeaKind;
import vn.ideabank.idea.IdeaService;
import vn.ideabank.idea.IdeaStatus;
import vn.ideabank.idea.IdeaStep;
import vn.ideabank.idea.IdeaView;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;
import vn.ideabank.org.UnitService;

/** The idea pages through MockMvc, as officers, members and the district office meet them. */
class IdeaPagesTests extends IntegrationTest {

	private static final int YEAR = Year.now(ZoneId.of("Asia/Ho_Chi_Minh")).getValue();

	@Autowired
	IdeaService ideas;

	@Autowired
	UnitService units;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	private long t1;

	private long thoDan;

	@BeforeEach
	void units() {
		t1 = units.findByCode("TS-THODAN-T1").orElseThrow().id();
		thoDan = units.findByCode("TS-THODAN").orElseThrow().id();
	}

	/** A title no other test uses, so lists and counts can be checked in the shared database. */
	private static String unique(String title) {
		return title + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	private static IdeaContent complete(String title) {
		return new IdeaContent(YEAR, IdeaKind.INITIATIVE, title,
				"Dùng cảm biến độ ẩm giá rẻ để tưới nhỏ giọt tự động cho vườn rau của đoàn viên.",
				"Mùa khô, các hộ trồng rau ở xã phải tưới tay hai lần mỗi ngày, tốn công và nước.",
				"Lắp cảm biến độ ẩm đất nối với van điện từ; khi đất khô thì van mở, đủ ẩm thì đóng.",
				"Chi phí dưới 500.000 đồng mỗi vườn, thấp hơn nhiều so với bộ tưới thương mại.",
				EnumSet.of(Benefit.SAVING, Benefit.LOWER_COST), null, "Các xã thuần nông của huyện Triệu Sơn",
				"Mùa khô, từ tháng 3 đến tháng 7", "Có điện lưới và nguồn nước giếng khoan", ApplicationArea.PRODUCTION,
				SectorField.AGRICULTURE, TargetGroup.RURAL_YOUTH, null, false);
	}

	/** A complete idea of the member nguyen.van.an, brought to the given status by the right people. */
	private IdeaView idea(String title, IdeaStatus target) {
		var author = caller("nguyen.van.an");
		IdeaView idea = ideas.create(author, new SaveIdea(t1, complete(title), List.of(new AuthorRef(null, "Nguyễn Văn An"))));
		if (target == IdeaStatus.DRAFT) {
			return idea;
		}
		idea = ideas.step(author, idea.id(), TakeStep.of(IdeaStep.SUBMIT, idea.version(), null));
		if (target == IdeaStatus.SUBMITTED) {
			return idea;
		}
		idea = ideas.step(caller("doan.thodan"), idea.id(), TakeStep.of(IdeaStep.ENDORSE, idea.version(), null));
		if (target == IdeaStatus.ENDORSED) {
			return idea;
		}
		idea = ideas.step(caller("huyendoan.trieuson"), idea.id(), TakeStep.of(IdeaStep.START_REVIEW, idea.version(), null));
		assertThat(idea.status()).isEqualTo(target);
		return idea;
	}

	private Map<String, Object> row(long id) {
		return jdbc.sql("select code, title, status, version from idea where id = :id").param("id", id).query().singleRow();
	}

	private long ideaCount() {
		return jdbc.sql("select count(*) from idea").query(Long.class).single();
	}

	private static MultiValueMap<String, String> form(long unitId, String title) {
		MultiValueMap<String, String> f = new LinkedMultiValueMap<>();
		f.add("unitId", String.valueOf(unitId));
		f.add("year", String.valueOf(YEAR));
		f.add("kind", "INITIATIVE");
		if (title != null) {
			f.add("title", title);
		}
		f.add("authors", "Nguyễn Văn An");
		f.add("action", "DRAFT");
		return f;
	}

	private static long idFromRedirect(MvcTestResult result) {
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).matches("/ideas/\\d+");
		return Long.parseLong(location.substring("/ideas/".length()));
	}

	private static String nfd(String s) {
		return Normalizer.normalize(s, Normalizer.Form.NFD);
	}

	// --- entering ------------------------------------------------------------------------------

	@Test
	void anOfficerEntersAMembersIdeaTypedInDecomposedVietnameseAndGetsAReadableCode() {
		String title = unique("Máy sấy nông sản bằng năng lượng mặt trời");
		MultiValueMap<String, String> f = form(t1, nfd(title));
		f.set("authors", nfd("Lê Thị Hồng Nhung") + "\n\n" + nfd("Trịnh Đình Khôi") + "\n");
		f.add("summary", nfd("Tủ sấy dùng kính và quạt nhỏ chạy bằng pin mặt trời."));
		f.add("benefits", "SAVING");
		f.add("benefits", "ENVIRONMENT_FRIENDLY");
		var result = mvc.post().uri("/ideas").with(as("doan.thodan")).with(csrf()).params(f).exchange();
		assertThat(result).hasStatus(HttpStatus.FOUND);
		long id = idFromRedirect(result);
		Map<String, Object> row = row(id);
		assertThat((String) row.get("code")).matches("TS-" + YEAR + "-\\d{6}");
		assertThat((String) row.get("title")).isEqualTo(Normalizer.normalize(title, Normalizer.Form.NFC));
		assertThat(row.get("status")).isEqualTo("DRAFT");
		List<String> authors = jdbc.sql("select full_name from idea_author where idea_id = :id order by id").param("id", id)
			.query(String.class).list();
		assertThat(authors).containsExactly("Lê Thị Hồng Nhung", "Trịnh Đình Khôi");
		assertThat(authors).allMatch(a -> Normalizer.isNormalized(a, Normalizer.Form.NFC));

		assertThat(mvc.get().uri("/ideas/{id}", id).with(as("doan.thodan"))).hasStatusOk().bodyText()
			.contains((String) row.get("code"), title, "Chi đoàn thôn 1", "Lê Thị Hồng Nhung", "Thân thiện với môi trường",
					"Tạo ý tưởng");
	}

	@Test
	void theFormOffersOnlyUnitsWhereTheCallerMayEnterIdeasAndPreselectsASingleOne() {
		Document member = page(mvc.get().uri("/ideas/new").with(as("nguyen.van.an")).exchange());
		assertThat(member.select("#unitId option")).hasSize(1);
		assertThat(member.select("#unitId option[selected]").attr("value")).isEqualTo(String.valueOf(t1));
		assertThat(member.select("#authors").text()).isEqualTo("Nguyễn Văn An");
		assertThat(member.select("#year").val()).isEqualTo(String.valueOf(YEAR));
		assertThat(member.select("button[value=NEXT]")).isEmpty();
		Document officer = page(mvc.get().uri("/ideas/new").with(as("doan.thodan")).exchange());
		assertThat(officer.select("#unitId option").eachAttr("value")).contains(String.valueOf(thoDan), String.valueOf(t1))
			.doesNotContain(String.valueOf(units.findByCode("TS-THOTAN").orElseThrow().id()));
		assertThat(officer.select("button[value=NEXT]")).hasSize(1);
	}

	@Test
	void fastEntryOpensANewFormKeepingUnitYearKindAndFields() {
		MultiValueMap<String, String> f = form(t1, unique("Ý tưởng giấy số 1"));
		f.set("kind", "MODEL");
		f.set("year", String.valueOf(YEAR - 1));
		f.add("sectorField", "AGRICULTURE");
		f.add("applicationArea", "PRODUCTION");
		f.add("targetGroup", "RURAL_YOUTH");
		f.set("action", "NEXT");
		var result = mvc.post().uri("/ideas").with(as("doan.thodan")).with(csrf()).params(f).exchange();
		assertThat(result).hasStatus(HttpStatus.FOUND);
		String next = result.getResponse().getRedirectedUrl();
		assertThat(next).isEqualTo("/ideas/new?unitId=" + t1 + "&year=" + (YEAR - 1)
				+ "&kind=MODEL&sectorField=AGRICULTURE&applicationArea=PRODUCTION&targetGroup=RURAL_YOUTH");
		String code = (String) result.getMvcResult().getFlashMap().get("ideaNoticeArg");
		assertThat(code).matches("TS-" + (YEAR - 1) + "-\\d{6}");

		// follow the redirect in the same session, as the browser does: the notice names the saved idea
		var session = result.getResponse().getCookie("IDEABANK_SESSION");
		assertThat(session).as("session cookie").isNotNull();
		Document form = page(mvc.get().uri(URI.create(next)).with(as("doan.thodan")).cookie(session).exchange());
		assertThat(form.select(".notice.ok").text()).isEqualTo("Đã lưu ý tưởng " + code + ".");
		assertThat(form.select("#unitId option[selected]").attr("value")).isEqualTo(String.valueOf(t1));
		assertThat(form.select("#year").val()).isEqualTo(String.valueOf(YEAR - 1));
		assertThat(form.select("#kind option[selected]").attr("value")).isEqualTo("MODEL");
		assertThat(form.select("#sectorField option[selected]").attr("value")).isEqualTo("AGRICULTURE");
		assertThat(form.select("#applicationArea option[selected]").attr("value")).isEqualTo("PRODUCTION");
		assertThat(form.select("#targetGroup option[selected]").attr("value")).isEqualTo("RURAL_YOUTH");
		assertThat(form.select("#title").val()).isEmpty();
	}

	@Test
	void aMissingTitleIsRefusedOnTheFieldAndNothingIsSaved() {
		long before = ideaCount();
		Document page = page(mvc.post().uri("/ideas").with(as("doan.thodan")).with(csrf()).params(form(t1, null)).exchange(),
				HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(page.select("#title-error").text()).isEqualTo("Không được để trống.");
		assertThat(page.select("#title").attr("aria-invalid")).isEqualTo("true");
		assertThat(ideaCount()).isEqualTo(before);
	}

	@Test
	void aFutureYearIsRefusedOnTheYearField() {
		long before = ideaCount();
		MultiValueMap<String, String> f = form(t1, unique("Ý tưởng của năm sau"));
		f.set("year", String.valueOf(YEAR + 1));
		Document page = page(mvc.post().uri("/ideas").with(as("doan.thodan")).with(csrf()).params(f).exchange(),
				HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(page.select("#year-error").text()).isEqualTo("Năm không được ở tương lai.");
		assertThat(ideaCount()).isEqualTo(before);
	}

	@Test
	void saveAndSubmitOnAnIncompleteIdeaKeepsTheDraftAndNamesTheMissingField() {
		String title = unique("Ý tưởng còn thiếu tóm tắt");
		MultiValueMap<String, String> f = form(t1, title);
		f.set("action", "SUBMIT");
		Document page = page(mvc.post().uri("/ideas").with(as("nguyen.van.an")).with(csrf()).params(f).exchange(),
				HttpStatus.UNPROCESSABLE_CONTENT);
		Map<String, Object> row = jdbc.sql("select id, code, status, version from idea where title = :t").param("t", title)
			.query().singleRow();
		assertThat(row.get("status")).isEqualTo("DRAFT");
		assertThat(page.select("#summary-error").text()).isEqualTo("Cần điền “Tóm tắt” trước khi gửi.");
		assertThat(page.select(".notice.ok").text()).contains("Đã lưu nháp " + row.get("code"));
		// the page is now the draft's edit form, carrying its version
		assertThat(page.select("form.idea-form").attr("action")).isEqualTo("/ideas/" + row.get("id") + "/edit");
		assertThat(page.select("input[name=version]").val()).isEqualTo(String.valueOf(row.get("version")));
		assertThat(page.select("#unitId")).isEmpty();
	}

	// --- the lifecycle from the page -------------------------------------------------------------

	@Test
	void theOfficeStartsTheReviewAndAcceptsFromThePage() {
		String title = unique("Ý tưởng chờ thẩm định");
		IdeaView idea = idea(title, IdeaStatus.ENDORSED);
		Document before = page(mvc.get().uri("/ideas/{id}", idea.id()).with(as("huyendoan.trieuson")).exchange());
		assertThat(before.select("#step-START_REVIEW button").text()).isEqualTo("Đưa vào thẩm định");
		assertThat(before.select("#step-ACCEPT")).isEmpty();

		var started = mvc.post().uri("/ideas/{id}/steps", idea.id()).with(as("huyendoan.trieuson")).with(csrf())
			.param("step", "START_REVIEW").param("version", String.valueOf(idea.version())).exchange();
		assertThat(started).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/ideas/" + idea.id());
		Map<String, Object> row = row(idea.id());
		assertThat(row.get("status")).isEqualTo("UNDER_REVIEW");

		Document review = page(mvc.get().uri("/ideas/{id}", idea.id()).with(as("huyendoan.trieuson")).exchange());
		assertThat(review.select("#step-ACCEPT button").text()).isEqualTo("Chấp nhận");
		assertThat(review.select("#reason-REJECT").hasAttr("required")).isTrue();
		assertThat(review.select("#reason-ACCEPT").hasAttr("required")).isFalse();
		var accepted = mvc.post().uri("/ideas/{id}/steps", idea.id()).with(as("huyendoan.trieuson")).with(csrf())
			.param("step", "ACCEPT").param("version", review.select("#step-ACCEPT input[name=version]").val())
			.param("reason", "Ý tưởng thiết thực, chi phí thấp").exchange();
		assertThat(accepted).hasStatus(HttpStatus.FOUND);
		assertThat(row(idea.id()).get("status")).isEqualTo("ACCEPTED");

		Document after = page(mvc.get().uri("/ideas/{id}", idea.id()).with(as("huyendoan.trieuson")).exchange());
		List<String> history = after.select("#history-title + .table-wrap tbody tr").eachText();
		assertThat(history).hasSize(5);
		assertThat(history.get(4)).contains("Chấp nhận", "Đang thẩm định → Được chấp nhận", "Ý tưởng thiết thực, chi phí thấp")
			.matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2} .*");
		assertThat(after.select(".badge").first().text()).isEqualTo("Được chấp nhận");
		// a public idea can now be recorded as posted to the national portal
		assertThat(after.select("#portalCode")).hasSize(1);
		// the author sees the history but no steps of the office
		Document author = page(mvc.get().uri("/ideas/{id}", idea.id()).with(as("nguyen.van.an")).exchange());
		assertThat(author.select("form.step")).isEmpty();
		assertThat(author.select("#portalCode")).isEmpty();
	}

	@Test
	void rejectingWithoutAReasonIsRefusedAndChangesNothing() {
		IdeaView idea = idea(unique("Ý tưởng bị từ chối"), IdeaStatus.UNDER_REVIEW);
		Document page = page(mvc.post().uri("/ideas/{id}/steps", idea.id()).with(as("huyendoan.trieuson")).with(csrf())
			.param("step", "REJECT").param("version", String.valueOf(idea.version())).param("reason", "  \u200b ").exchange(),
				HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(page.select("#step-REJECT .error").text()).isEqualTo("Cần ghi lý do hoặc nhận xét.");
		assertThat(page.select("#step-ACCEPT .error")).isEmpty();
		Map<String, Object> row = row(idea.id());
		assertThat(row.get("status")).isEqualTo("UNDER_REVIEW");
		assertThat(row.get("version")).isEqualTo(idea.version());
	}

	@Test
	void aStaleVersionShowsTheConflictAndOverwritesNothing() {
		String title = unique("Ý tưởng sửa cùng lúc");
		IdeaView idea = idea(title, IdeaStatus.DRAFT);
		// someone else saves first
		IdeaView changed = ideas.update(caller("doan.thodan"), idea.id(),
				new SaveIdea(t1, complete(title + " (đã sửa)"), List.of(new AuthorRef(null, "Nguyễn Văn An"))), idea.version());

		MultiValueMap<String, String> f = form(t1, "Tên cũ ghi đè");
		f.add("version", String.valueOf(idea.version()));
		Document edit = page(mvc.post().uri("/ideas/{id}/edit", idea.id()).with(as("nguyen.van.an")).with(csrf()).params(f)
			.exchange(), HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(edit.select(".idea-form .notice.bad").text())
			.isEqualTo("Dữ liệu vừa được người khác thay đổi. Hãy tải lại trang và thử lại.");
		assertThat(row(idea.id()).get("title")).isEqualTo(title + " (đã sửa)");

		Document step = page(mvc.post().uri("/ideas/{id}/steps", idea.id()).with(as("nguyen.van.an")).with(csrf())
			.param("step", "SUBMIT").param("version", String.valueOf(idea.version())).exchange(),
				HttpStatus.CONFLICT);
		assertThat(step.select("#step-SUBMIT .notice.bad").text()).contains("Dữ liệu vừa được người khác thay đổi");
		assertThat(row(idea.id())).containsEntry("status", "DRAFT").containsEntry("version", changed.version());

		var delete = mvc.post().uri("/ideas/{id}/delete", idea.id()).with(as("nguyen.van.an")).with(csrf())
			.param("version", String.valueOf(idea.version())).exchange();
		assertThat(delete).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/ideas/" + idea.id());
		assertThat(delete.getMvcResult().getFlashMap().get("problem")).isEqualTo("error.conflict");
		assertThat(row(idea.id())).containsEntry("title", title + " (đã sửa)");
	}

	@Test
	void editingKeepsTheUnitAndSavesTheNewText() {
		String title = unique("Ý tưởng để sửa");
		IdeaView idea = idea(title, IdeaStatus.DRAFT);
		Document edit = page(mvc.get().uri("/ideas/{id}/edit", idea.id()).with(as("nguyen.van.an")).exchange());
		assertThat(edit.select("#title").val()).isEqualTo(title);
		assertThat(edit.select("#unitId")).isEmpty();
		assertThat(edit.select("input[name=benefits][checked]").eachAttr("value")).containsExactlyInAnyOrder("SAVING", "LOWER_COST");
		MultiValueMap<String, String> f = form(thoDan, title + " bản hai");
		f.add("version", String.valueOf(idea.version()));
		var saved = mvc.post().uri("/ideas/{id}/edit", idea.id()).with(as("nguyen.van.an")).with(csrf()).params(f).exchange();
		assertThat(saved).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/ideas/" + idea.id());
		assertThat(row(idea.id())).containsEntry("title", title + " bản hai");
		assertThat(jdbc.sql("select unit_id from idea where id = :id").param("id", idea.id()).query(Long.class).single())
			.isEqualTo(t1);
	}

	// --- nothing private leaks -------------------------------------------------------------------

	@Test
	void anotherCommunesOfficerIsRefusedAThoDanIdeaAndDoesNotListIt() {
		String title = unique("Ý tưởng riêng của Thọ Dân");
		IdeaView idea = idea(title, IdeaStatus.SUBMITTED);
		assertThat(mvc.get().uri("/ideas/{id}", idea.id()).with(as("doan.thotan"))).hasStatus(HttpStatus.FORBIDDEN)
			.bodyText().doesNotContain(title).doesNotContain(idea.code());
		assertThat(mvc.get().uri("/ideas/{id}/edit", idea.id()).with(as("doan.thotan"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/ideas/{id}/comments", idea.id()).with(as("doan.thotan")).with(csrf()).param("body", "xin chào"))
			.hasStatus(HttpStatus.FORBIDDEN);
		Document list = page(mvc.get().uri("/ideas").queryParam("q", title).with(as("doan.thotan")).exchange());
		assertThat(list.select("table.ideas")).isEmpty();
		assertThat(list.select("main").text()).contains("Chưa có ý tưởng nào phù hợp.");
		assertThat(mvc.get().uri("/ideas").with(as("doan.thotan"))).bodyText().doesNotContain(title);
		assertThat(mvc.get().uri("/ideas").queryParam("q", title).with(as("doan.thodan"))).hasStatusOk().bodyText()
			.contains(title, "Chi đoàn thôn 1");
	}

	@Test
	void aMemberSeesTheirOwnDraftUnderMyIdeasButNotAnotherMembersDraft() {
		accounts.createBySystem("thanh.vien.trang.ideas", "Lê Thu Trang", AccountKind.PERSON, "TS-THODAN-T1", Role.MEMBER,
				"mat-khau-thu-456");
		String mine = unique("Nháp của An");
		String theirs = unique("Nháp của Trang");
		idea(mine, IdeaStatus.DRAFT);
		IdeaView other = ideas.create(caller("thanh.vien.trang.ideas"),
				new SaveIdea(t1, complete(theirs), List.of(new AuthorRef(null, "Lê Thu Trang"))));

		Document page = page(mvc.get().uri("/ideas").queryParam("mine", "true").with(as("nguyen.van.an")).exchange());
		assertThat(page.select("h1").text()).isEqualTo("Ý tưởng của tôi");
		assertThat(page.select("table.ideas tbody").text()).contains(mine).doesNotContain(theirs);
		assertThat(mvc.get().uri("/ideas").with(as("nguyen.van.an"))).bodyText().doesNotContain(theirs);
		assertThat(mvc.get().uri("/ideas/{id}", other.id()).with(as("nguyen.van.an"))).hasStatus(HttpStatus.FORBIDDEN);
		// the unit's officer does see both drafts
		assertThat(mvc.get().uri("/ideas").queryParam("q", theirs).with(as("doan.thodan"))).bodyText().contains(theirs);
	}

	@Test
	void internalNotesNeverReachTheAuthorsPage() {
		IdeaView idea = idea(unique("Ý tưởng có ghi chú nội bộ"), IdeaStatus.SUBMITTED);
		assertThat(mvc.post().uri("/ideas/{id}/comments", idea.id()).with(as("doan.thodan")).with(csrf())
			.param("body", "Ghi chú kín: hồ sơ giống ý tưởng năm trước").param("internal", "true"))
			.hasStatus(HttpStatus.FOUND);
		ideas.comment(caller("doan.thodan"), idea.id(), new AddComment("Đề nghị bổ sung số liệu chi phí", false));

		Document staff = page(mvc.get().uri("/ideas/{id}", idea.id()).with(as("doan.thodan")).exchange());
		assertThat(staff.select(".comments li.internal").text()).contains("Ghi chú kín", "Nội bộ");
		assertThat(staff.select("input[type=checkbox][name=internal]")).hasSize(1);

		Document author = page(mvc.get().uri("/ideas/{id}", idea.id()).with(as("nguyen.van.an")).exchange());
		assertThat(author.html()).contains("Đề nghị bổ sung số liệu chi phí").doesNotContain("Ghi chú kín").doesNotContain("Nội bộ");
		assertThat(author.select("input[type=checkbox][name=internal]")).isEmpty();
		// and the author cannot post one by hand
		assertThat(mvc.post().uri("/ideas/{id}/comments", idea.id()).with(as("nguyen.van.an")).with(csrf())
			.param("body", "ghi chú tự đặt").param("internal", "true")).hasStatus(HttpStatus.FORBIDDEN);
	}

	// --- the list ----------------------------------------------------------------------------------

	@Test
	void listFiltersAndSortSurviveInPagerLinks() {
		String marker = unique("Bộ lọc");
		for (int i = 0; i < 3; i++) {
			idea(marker + " số " + i, IdeaStatus.DRAFT);
		}
		Document page = page(mvc.get().uri("/ideas").queryParam("q", marker).queryParam("year", String.valueOf(YEAR))
			.queryParam("field", "AGRICULTURE").queryParam("unit", String.valueOf(thoDan)).queryParam("sort", "title").queryParam("dir", "asc")
			.queryParam("size", "2").with(as("doan.thodan")).exchange());
		assertThat(page.select("table.ideas tbody tr")).hasSize(2);
		assertThat(page.select("table.ideas tbody tr a").eachText()).containsExactly(marker + " số 0", marker + " số 1");
		String next = page.select("nav.pager a[rel=next]").attr("href");
		assertThat(next).contains("q=", "year=" + YEAR, "field=AGRICULTURE", "unit=" + thoDan, "sort=title", "dir=asc",
				"size=2", "page=1");
		Document second = page(mvc.get().uri(URI.create(next)).with(as("doan.thodan")).exchange());
		assertThat(second.select("table.ideas tbody tr a").eachText()).containsExactly(marker + " số 2");
		// the filter form shows what is applied
		assertThat(second.select("#f-field option[selected]").attr("value")).isEqualTo("AGRICULTURE");
		assertThat(second.select("input#unit").attr("value")).as("the unit picker shows the unit's code").isEqualTo("TS-THODAN");
		// a sort link keeps the filters and goes back to the first page
		String byTitle = second.select("th[aria-sort] a").attr("href");
		assertThat(byTitle).contains("field=AGRICULTURE", "sort=title", "dir=desc").doesNotContain("page=");
		// another filter value leaves them out
		assertThat(mvc.get().uri("/ideas").queryParam("q", marker).queryParam("field", "HEALTH").with(as("doan.thodan"))).bodyText()
			.doesNotContain(marker + " số 0");
	}

	@Test
	void theNavigationLeadsEverySignedInPersonToIdeas() {
		assertThat(mvc.get().uri("/").with(as("nguyen.van.an"))).bodyText().contains("href=\"/ideas\"");
	}

	// --- helpers -------------------------------------------------------------------------------------

	private static Document page(MvcTestResult result) {
		return page(result, HttpStatus.OK);
	}

	private static Document page(MvcTestResult result, HttpStatus status) {
		assertThat(result).hasStatus(status);
		try {
			return Jsoup.parse(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (java.io.UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}
}
