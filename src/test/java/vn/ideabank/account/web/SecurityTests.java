package vn.ideabank.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import vn.ideabank.IntegrationTest;
import vn.ideabank.account.AccountKind;
import vn.ideabank.account.AccountService;
import vn.ideabank.common.security.Role;

/** Sign-in, throttling, sessions, CSRF and headers over real HTTP against the running server. */
class SecurityTests extends IntegrationTest {

	@Autowired
	AccountService accounts;

	/** A browser-like client: keeps cookies, does not follow redirects. */
	private final class Client {

		final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return http.send(HttpRequest.newBuilder(url(path)).header("Accept", "text/html").GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
			return http.send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
					HttpResponse.BodyHandlers.ofString());
		}

		/** Loads the login page, then posts the credentials with its CSRF token. */
		HttpResponse<String> login(String username, String password) throws IOException, InterruptedException {
			String token = csrf(get("/login").body());
			return post("/login", "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token));
		}

		private URI url(String path) {
			return URI.create("http://localhost:" + port + path);
		}
	}

	private static String csrf(String html) {
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(m.find()).as("page carries a CSRF token").isTrue();
		return m.group(1);
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	@Test
	void signInLandsOnTheHomePageAndSignOutEndsTheSession() throws Exception {
		Client client = new Client();
		HttpResponse<String> login = client.login("doan.thodan", DEMO_PASSWORD);
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
		HttpResponse<String> home = client.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Xin chào, Đoàn xã Thọ Dân", "Cán bộ Đoàn cơ sở");
		assertThat(client.post("/logout", "_csrf=" + enc(csrf(home.body()))).statusCode()).isEqualTo(302);
		assertThat(client.get("/units").headers().firstValue("Location").orElse("")).contains("/login");
	}

	@Test
	void actuatorMetricsAreForAdministratorsOnlyHealthForEveryone() throws Exception {
		assertThat(new Client().http.send(HttpRequest.newBuilder(new Client().url("/actuator/health")).GET().build(),
				HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
		Client officer = new Client();
		officer.login("huyendoan.trieuson", DEMO_PASSWORD);
		assertThat(officer.http.send(HttpRequest.newBuilder(officer.url("/actuator/metrics/process.cpu.usage"))
			.header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
		Client admin = new Client();
		admin.login("admin", ADMIN_PASSWORD);
		HttpResponse<String> cpu = admin.http.send(HttpRequest.newBuilder(admin.url("/actuator/metrics/process.cpu.usage"))
			.header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(cpu.statusCode()).isEqualTo(200);
		assertThat(cpu.body()).contains("\"name\":\"process.cpu.usage\"");
	}

	@Test
	void wrongPasswordAndUnknownUserReadTheSame() throws Exception {
		HttpResponse<String> wrong = new Client().login("doan.thodan", "not-the-password");
		HttpResponse<String> unknown = new Client().login("nobody.here", "whatever-password");
		assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error=bad"));
		assertThat(unknown.headers().firstValue("Location")).isEqualTo(wrong.headers().firstValue("Location"));
		assertThat(new Client().get("/login?error=bad").body()).contains("Tên đăng nhập hoặc mật khẩu không đúng.");
	}

	@Test
	void repeatedFailuresLockTheUsernameEvenForTheRightPassword() throws Exception {
		accounts.createBySystem("khoa.thu", "Khóa Thử", AccountKind.PERSON, "TS-THOTAN", Role.MEMBER, "right-password-1");
		for (int i = 0; i < 5; i++) {
			new Client().login("khoa.thu", "wrong-" + i);
		}
		HttpResponse<String> locked = new Client().login("khoa.thu", "right-password-1");
		String location = locked.headers().firstValue("Location").orElse("");
		assertThat(location).contains("/login?error=locked&minutes=");
		assertThat(new Client().get(location.replaceFirst("^https?://[^/]+", "")).body())
			.contains("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau");
	}

	@Test
	void anExpiredSessionSendsThePersonBackToSignIn() throws Exception {
		Client client = new Client();
		client.http.cookieHandler().orElseThrow();
		HttpResponse<String> response = client.http.send(HttpRequest.newBuilder(client.url("/units"))
			.header("Cookie", "IDEABANK_SESSION=ZmFrZS1zZXNzaW9uLWlk").header("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login?expired");
		assertThat(new Client().get("/login?expired").body()).contains("Phiên làm việc đã hết hạn");
	}

	@Test
	void aFormPostedWithoutItsTokenShowsAClearMessage() throws Exception {
		Client client = new Client();
		client.login("huyendoan.trieuson", DEMO_PASSWORD);
		assertThat(client.get("/units/new").statusCode()).isEqualTo(200);
		HttpResponse<String> refused = client.post("/units",
				"code=TS-NOTOKEN&name=" + enc("Không có token") + "&levelName=X&kind=COMMUNE&memberCount=1");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("Biểu mẫu đã hết hạn hoặc không hợp lệ");
	}

	@Test
	void pagesCarryTheSecurityHeaders() throws Exception {
		HttpResponse<String> login = new Client().get("/login");
		assertThat(login.headers().firstValue("Content-Security-Policy").orElse(""))
			.contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
		assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
		assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("IDEABANK_SESSION", "HttpOnly", "SameSite=Lax"));
	}
}
