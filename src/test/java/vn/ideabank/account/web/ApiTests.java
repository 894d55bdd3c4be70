package vn.ideabank.account.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.IntegrationTest;
import vn.ideabank.account.AccountCommands.CreateToken;
import vn.ideabank.account.AccountKind;
import vn.ideabank.account.AccountService;
import vn.ideabank.common.security.Caller;
import vn.ideabank.common.security.Role;
import vn.ideabank.org.UnitService;

/** The REST API: tokens, scope, and RFC 9457 problem details in the caller's language. */
class ApiTests extends IntegrationTest {

	@Autowired
	AccountService accounts;

	@Autowired
	UnitService units;

	@Autowired
	JdbcClient jdbc;

	private static final String LAST_TOKEN_USE = "select last_used_at from api_token where account_id = "
			+ "(select id from account where username = 'doan.thodan') order by id desc limit 1";

	private String tokenFor(String username) {
		long id = jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).single();
		var caller = new Caller(id, username, username, List.of());
		return accounts.createToken(caller, new CreateToken("kiểm thử " + System.nanoTime()));
	}

	@Test
	void withoutCredentialsTheApiAnswersAProblemInVietnameseOrEnglish() {
		assertThat(mvc.get().uri("/api/v1/units")).hasStatus(HttpStatus.UNAUTHORIZED)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson().extractingPath("$.detail").isEqualTo("Cần đăng nhập hoặc mã truy cập API.");
		assertThat(mvc.get().uri("/api/v1/units").header("Accept-Language", "en")).hasStatus(HttpStatus.UNAUTHORIZED)
			.bodyJson().extractingPath("$.detail").isEqualTo("Sign in or use an API token.");
	}

	@Test
	void aPersonalTokenSignsTheCallInWithTheAccountsScope() {
		String token = tokenFor("doan.thodan");
		assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + token)).hasStatusOk()
			.bodyJson().extractingPath("$.account.username").isEqualTo("doan.thodan");
		assertThat(mvc.get().uri("/api/v1/units").header("Authorization", "Bearer " + token)).hasStatusOk()
			.bodyJson().extractingPath("$.totalItems").isEqualTo(4);
		long thoTan = units.findByCode("TS-THOTAN").orElseThrow().id();
		assertThat(mvc.get().uri("/api/v1/units/{id}", thoTan).header("Authorization", "Bearer " + token))
			.hasStatus(HttpStatus.FORBIDDEN).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson().extractingPath("$.detail").isEqualTo("Bạn không có quyền truy cập nội dung này.");
	}

	@Test
	void aTokenCallIsStatelessAndItsUseIsRecordedAtMostOnceAMinute() throws Exception {
		String token = tokenFor("doan.thodan");
		HttpClient http = HttpClient.newHttpClient();
		int sessionsBefore = jdbc.sql("select count(*) from spring_session").query(Integer.class).single();
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
				.header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("IDEABANK_SESSION"));
		}
		assertThat(jdbc.sql("select count(*) from spring_session").query(Integer.class).single()).isEqualTo(sessionsBefore);
		var firstUse = jdbc.sql(LAST_TOKEN_USE).query(java.sql.Timestamp.class).single();
		assertThat(firstUse).isNotNull();
		// the next calls within the minute leave the row alone
		mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + token).exchange();
		assertThat(jdbc.sql(LAST_TOKEN_USE).query(java.sql.Timestamp.class).single()).isEqualTo(firstUse);
	}

	@Test
	void aTokenDoesNotSignInPagesOrFormPostsOutsideTheApi() {
		String token = tokenFor("huyendoan.trieuson");
		assertThat(mvc.get().uri("/units").header("Authorization", "Bearer " + token)).hasStatus3xxRedirection();
		// a form post with a valid CSRF token and the office's bearer token creates nothing: pages need a session
		long parent = units.findByCode("TS-THODAN").orElseThrow().id();
		String code = "TS-TOKEN-" + System.nanoTime() % 100_000;
		assertThat(mvc.post().uri("/units").with(csrf()).header("Authorization", "Bearer " + token)
			.param("parentId", String.valueOf(parent)).param("code", code).param("name", "Chi đoàn qua mã API")
			.param("levelName", "Chi đoàn").param("kind", "COMMUNE")).hasStatus3xxRedirection()
			.redirectedUrl().contains("/login");
		assertThat(units.findByCode(code)).isEmpty();
	}

	@Test
	void anUnknownOrRevokedTokenIsRefused() {
		assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer ib_not-a-real-token"))
			.hasStatus(HttpStatus.UNAUTHORIZED).bodyJson().extractingPath("$.detail")
			.isEqualTo("Mã truy cập API không hợp lệ hoặc đã bị thu hồi.");
		String token = tokenFor("doan.thotan");
		long tokenId = jdbc.sql("select id from api_token order by id desc limit 1").query(Long.class).single();
		long account = jdbc.sql("select id from account where username = 'doan.thotan'").query(Long.class).single();
		accounts.revokeToken(new Caller(account, "doan.thotan", "x", List.of()), tokenId);
		assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + token)).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	/** Changes made elsewhere (another node, a script) count on the very next request: nothing about a token is cached. */
	@Test
	void aWithdrawnRoleOrADisabledAccountStopsATokenOnTheNextRequest() {
		String username = "api.office." + System.nanoTime() % 1_000_000;
		accounts.createBySystem(username, "Cán bộ thử mã API", AccountKind.PERSON, "TS-THODAN", Role.UNIT_OFFICER, "x-password-123");
		String token = tokenFor(username);
		long thoDan = units.findByCode("TS-THODAN").orElseThrow().id();
		assertThat(mvc.get().uri("/api/v1/units/{id}", thoDan).header("Authorization", "Bearer " + token)).hasStatusOk();
		jdbc.sql("delete from role_binding where account_id = (select id from account where username = :u)").param("u", username)
			.update();
		assertThat(mvc.get().uri("/api/v1/units/{id}", thoDan).header("Authorization", "Bearer " + token))
			.hasStatus(HttpStatus.FORBIDDEN);
		jdbc.sql("update account set enabled = false where username = :u").param("u", username).update();
		assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + token)).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void invalidInputGetsFieldMessagesAndCreatesNothing() {
		String token = tokenFor("admin");
		long before = jdbc.sql("select count(*) from org_unit").query(Long.class).single();
		long th = units.findByCode("TH").orElseThrow().id();
		String body = """
				{"parentId": %d, "code": "có dấu", "name": "", "levelName": "Chi đoàn", "kind": "OTHER", "memberCount": -5}
				""".formatted(th);
		var result = mvc.post().uri("/api/v1/units").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).content(body);
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors.name").isEqualTo("Không được để trống.");
		assertThat(result).bodyJson().extractingPath("$.errors.memberCount").isEqualTo("Giá trị nhỏ nhất là 0.");
		assertThat(result).bodyJson().extractingPath("$.errors.code").asString().startsWith("Chỉ dùng chữ không dấu");
		assertThat(mvc.post().uri("/api/v1/units").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).content("{not json")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.detail").isEqualTo("Không đọc được dữ liệu gửi lên.");
		assertThat(jdbc.sql("select count(*) from org_unit").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void createdUnitsAreNormalisedAndAStaleVersionIsAConflict() {
		String token = tokenFor("admin");
		long th = units.findByCode("TH").orElseThrow().id();
		String nfd = Normalizer.normalize("Đoàn trường THCS Nguyễn Du", Normalizer.Form.NFD);
		String body = """
				{"parentId": %d, "code": "th-api-%d", "name": " %s ", "levelName": "Đoàn cơ sở", "kind": "SCHOOL", "memberCount": 40}
				""".formatted(th, System.nanoTime() % 100000, nfd);
		var created = mvc.post().uri("/api/v1/units").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).content(body).exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		assertThat(created).bodyJson().extractingPath("$.name").isEqualTo("Đoàn trường THCS Nguyễn Du");
		String location = created.getResponse().getHeader("Location");
		assertThat(mvc.put().uri(location).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name": "Tên mới", "levelName": "Đoàn cơ sở", "kind": "SCHOOL", "memberCount": 41, "version": 99}
					""")).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.detail")
			.isEqualTo("Dữ liệu vừa được người khác thay đổi. Hãy tải lại trang và thử lại.");
	}
}
