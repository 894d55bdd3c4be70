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
				assertThat(json).extractingPath("$.sections[0].items[?(@.kind == 'DRAFTS_TO_SEND')].count").isEqualTo(List.of(2));
			});
		assertThat(mvc.get().uri("/api/v1/me/todo").with(as(world.a.office()))).hasStatusOk().bodyJson()
			.extractingPath("$.sections[0].items[?(@.kind == 'IDEAS_TO_REVIEW')].count").isEqualTo(List.of(3));
		assertThat(mvc.get().uri("/api/v1/me/todo")).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void theApiIsDocumentedWithTheOtherApiCalls() {
		assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk().bodyJson().extractingPath("$.paths['/api/v1/me/todo'].get.summary")
			.isEqualTo("What waits for me");
	}

	@Test
	void theHomePageListsEachRolesWorkAndSaysSoWhenNothingWaits() {
		assertThat(mvc.get().uri("/").with(as(world.a.officer()))).hasStatusOk().bodyText()
			.contains("4 ý tưởng chờ xác nhận", "2 bản nháp chưa gửi", "1 báo cáo bị trả lại cần sửa")
			.contains("/ideas?status=SUBMITTED&amp;dup=HIDE&amp;unit=" + world.a.commune().id());
		assertThat(mvc.get().uri("/").with(as(world.a.member()))).hasStatusOk().bodyText()
			.contains("Gửi ý tưởng", "1 ý tưởng cần bổ sung: chờ bạn sửa và gửi lại", "2 ý tưởng đã gửi: chờ đơn vị xác nhận");
		assertThat(mvc.get().uri("/").with(as(world.memberC))).hasStatusOk().bodyText()
			.contains("Gửi ý tưởng", "Không có việc nào đang chờ");
	}
}
