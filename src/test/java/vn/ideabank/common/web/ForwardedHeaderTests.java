package vn.ideabank.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.UUID;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ideabank.IntegrationTest;

/**
 * With no trusted proxy configured (the default, and the suite's), forwarded headers change nothing:
 * not the address the sign-in throttle counts, not where the browser is sent after signing in, not
 * the public page's {@code og:url}.
 */
class ForwardedHeaderTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aForwardedForHeaderDoesNotChangeTheAddressTheThrottleCounts() {
		String peer = "10.81." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
		String claimed = "198.51.100." + (int) (Math.random() * 250);
		var result = mvc.post().uri("/login").param("username", "nobody." + UUID.randomUUID()).param("password", "x")
			.header("X-Forwarded-For", claimed).header("Forwarded", "for=" + claimed).with(csrf()).with(request -> {
				request.setRemoteAddr(peer);
				return request;
			}).exchange();
		assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login?error=bad");
		assertThat(failures("a:" + peer)).isEqualTo(1);
		assertThat(failures("a:" + claimed)).isZero();
	}

	@Test
	void aForwardedHostDoesNotChooseWhereTheSignInSendsTheBrowser() {
		// sessions live in the database (Spring Session): the cookie carries the saved request
		var asked = mvc.get().uri("/ideas").header("Accept", "text/html")
			.header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https").exchange();
		assertThat(asked.getResponse().getStatus()).isEqualTo(302);
		assertThat(asked.getResponse().getRedirectedUrl()).isEqualTo("/login");
		var session = asked.getResponse().getCookie("IDEABANK_SESSION");
		assertThat(session).isNotNull();

		var signedIn = mvc.post().uri("/login").cookie(session).param("username", "doan.thodan")
			.param("password", DEMO_PASSWORD).header("X-Forwarded-Host", "evil.example").with(csrf()).with(request -> {
				request.setRemoteAddr("10.82.0." + (int) (Math.random() * 250));
				return request;
			}).exchange();
		assertThat(signedIn.getResponse().getStatus()).isEqualTo(302);
		assertThat(signedIn.getResponse().getRedirectedUrl()).startsWith("/ideas").doesNotContain("evil");
	}

	@Test
	void aForwardedHostDoesNotReachThePublicPagesLinks() throws Exception {
		String html = mvc.get().uri("/public").header("X-Forwarded-Host", "evil.example")
			.header("Forwarded", "host=evil.example;proto=https").exchange().getResponse().getContentAsString(
					java.nio.charset.StandardCharsets.UTF_8);
		var page = Jsoup.parse(html);
		assertThat(page.select("meta[property=og:url]").attr("content")).isEqualTo("http://localhost/public");
		assertThat(page.select("meta[property=og:image]").attr("content")).doesNotContain("evil");
	}

	/**
	 * The QR code (cached publicly for a day) encodes the same address whatever an untrusted client forwards;
	 * it does follow the address the request itself was made to, so the comparison can see a change.
	 */
	@Test
	void aForwardedHostDoesNotReachTheQrCode() throws Exception {
		String plain = mvc.get().uri("/public/qr.svg?path=/public").exchange().getResponse().getContentAsString();
		String forwarded = mvc.get().uri("/public/qr.svg?path=/public").header("X-Forwarded-Host", "evil.example")
			.header("X-Forwarded-Proto", "https").header("Forwarded", "host=evil.example;proto=https").exchange().getResponse()
			.getContentAsString();
		assertThat(forwarded).startsWith("<svg").isEqualTo(plain);
		String otherHost = mvc.get().uri("http://other.example/public/qr.svg?path=/public").exchange().getResponse()
			.getContentAsString();
		assertThat(otherHost).as("a QR code of another address").isNotEqualTo(plain);
	}

	private long failures(String key) {
		return jdbc.sql("select coalesce(sum(failures), 0) from login_throttle where throttle_key = :k").param("k", key)
			.query(Long.class).single();
	}
}
