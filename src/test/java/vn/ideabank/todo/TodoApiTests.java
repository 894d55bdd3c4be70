package vn.ideabank.todo;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;

import vn.ideabank.IntegrationTest;
import vn.ideabank.account.AccountCommands.CreateToken;
import vn.ideabank.account.AccountService;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/me/todo} (bearer token or session) and the home page show the same counts. */
class TodoApiTests extends IntegrationTest {

	private TodoWorld world;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private AccountService accounts;

	@Autowired
	private TodoService todos;

	@BeforeEach
	void world() {
		world = TodoWorld.shared(context, this::caller);
	}

	@Test
	void theApiAnswersTheOfficersCountsAndLinksWithABearerTokenOrASession() {
		String token = accounts.createToken(caller(world.a.officer()), new CreateToken("việc chờ " + System.nanoTime()));
		String endorse = "$.sections[0].items[?(@.kind == 'IDEAS_TO_ENDORSE')]";
		assertThat(mvc.get().uri("/api/v1/me/todo").header("Authorization", "Bearer " + token)).hasStatusOk()
			.bodyJson().satisfies(json -> {
				assertThat(json).extractingPath("$.sections[0].role").isEqualTo("UNIT_OFFICER");
				assertThat(json).extractingPath("$.sections[0].unitId").isEqualTo((int) world.a.commune().id());
				assertThat(json).extractingPath(endorse + ".count").isEqualTo(List.of(4));
				assertThat(json).extractingPath(endorse + ".link")
					.isEqualTo(List.of("/ideas?status=SUBMITTED&dup=HIDE&unit=" + world.a.commune().id()));
				assertThat(json).extractingPath("$.sections[0].items[?(@.kind == 'DRAFTS_TO_SEND')].count").isEqualTo(List.of(1));
			});
		assertThat(mvc.get().uri("/api/v1/me/todo").with(as(world.a.office()))).hasStatusOk().bodyJson()
			.extractingPath("$.sections[0].items[?(@.kind == 'IDEAS_TO_REVIEW')].count").isEqualTo(List.of(3));
		assertThat(mvc.get().uri("/api/v1/me/todo")).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void theContestAndCouncilLinksOpenListsOfExactlyTheCountedItems() throws Exception {
		var officer = todos.of(caller(world.a.officer())).sections().get(0);
		Todo.Item nominations = item(officer, Todo.Kind.NOMINATIONS_OPEN);
		assertThat(nominations.link()).isEqualTo("/contests?nominating=true");
		String contests = body(nominations.link(), world.a.officer());
		assertThat(rows(contests, "<tr>\\s*<td><a href=\"/contests/\\d+\"")).isEqualTo(nominations.count());
		assertThat(contests).doesNotContain("Hội thi chấm A").contains("Hội thi mở A0");

		var office = todos.of(caller(world.a.office())).sections().get(0);
		Todo.Item councils = item(office, Todo.Kind.COUNCILS_IN_PROGRESS);
		String page = body(councils.link(), world.a.office());
		assertThat(rows(page, "<a href=\"/reviews/councils/\\d+\"")).isEqualTo(councils.count()).isEqualTo(1);
		assertThat(page).contains("Hội đồng A").doesNotContain("Hội đồng đã đóng A");
	}

	/**
	 * The idea lines of the to-do open the idea list filtered to exactly the counted ideas: as many rows as the count
	 * (the unit officer's paper drafts leave out the member's own draft of the same commune; the member's lines are
	 * their own ideas by status).
	 */
	@Test
	void theIdeaLinksOpenListsWithAsManyRowsAsTheCountShows() throws Exception {
		var officer = todos.of(caller(world.b.officer())).sections().get(0);
		for (Todo.Kind kind : List.of(Todo.Kind.IDEAS_TO_ENDORSE, Todo.Kind.DRAFTS_TO_SEND)) {
			Todo.Item line = item(officer, kind);
			assertThat(line.link()).as(kind.name()).contains("unit=" + world.b.commune().id());
			assertThat(rows(body(line.link() + "&size=100", world.b.officer()), "<td><a href=\"/ideas/\\d+\""))
				.as(kind.name()).isEqualTo(line.count()).isPositive();
		}
		String drafts = body(item(officer, Todo.Kind.DRAFTS_TO_SEND).link(), world.b.officer());
		assertThat(drafts).contains("Nháp B0").doesNotContain("Của tôi nháp B");
		var member = todos.of(caller(world.b.member())).sections().get(0);
		assertThat(member.items()).isNotEmpty();
		for (Todo.Item line : member.items()) {
			assertThat(rows(body(line.link() + "&size=100", world.b.member()), "<td><a href=\"/ideas/\\d+\""))
				.as(line.status().name()).isEqualTo(line.count());
		}
	}

	private String body(String link, String username) throws java.io.UnsupportedEncodingException {
		var result = mvc.get().uri(link).with(as(username)).exchange();
		assertThat(result).hasStatusOk();
		return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	private static long rows(String html, String regex) {
		return java.util.regex.Pattern.compile(regex).matcher(html).results().count();
	}

	private static Todo.Item item(Todo.Section section, Todo.Kind kind) {
		return section.items().stream().filter(i -> i.kind() == kind).findFirst().orElseThrow();
	}

	@Test
	void theApiIsDocumentedWithTheOtherApiCalls() {
		assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk().bodyJson().extractingPath("$.paths['/api/v1/me/todo'].get.summary")
			.isEqualTo("What waits for me");
	}

	@Test
	void theHomePageListsEachRolesWorkAndSaysSoWhenNothingWaits() {
		assertThat(mvc.get().uri("/").with(as(world.a.officer()))).hasStatusOk().bodyText()
			.contains("4 ý tưởng chờ xác nhận", "1 ý tưởng nhập hộ (phiếu giấy) còn là bản nháp, chưa gửi", "1 báo cáo bị trả lại cần sửa")
			.contains("/ideas?status=SUBMITTED&amp;dup=HIDE&amp;unit=" + world.a.commune().id());
		assertThat(mvc.get().uri("/").with(as(world.a.member()))).hasStatusOk().bodyText()
			.contains("Gửi ý tưởng", "1 ý tưởng cần bổ sung: chờ bạn sửa và gửi lại", "2 ý tưởng đã gửi: chờ đơn vị xác nhận");
		assertThat(mvc.get().uri("/").with(as(world.memberC))).hasStatusOk().bodyText()
			.contains("Gửi ý tưởng", "Không có việc nào đang chờ");
	}
}
