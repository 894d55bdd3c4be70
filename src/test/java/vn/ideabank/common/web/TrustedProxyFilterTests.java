package vn.ideabank.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Which forwarded headers are believed, and who the client then is (no Spring context: fast). */
class TrustedProxyFilterTests {

	/** What the application behind the filter sees. */
	private static HttpServletRequest through(List<String> trusted, MockHttpServletRequest request) throws Exception {
		AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
		new TrustedProxyFilter(TrustedProxies.of(trusted)).doFilter(request, new MockHttpServletResponse(),
				(req, res) -> seen.set((HttpServletRequest) req));
		return seen.get();
	}

	private static MockHttpServletRequest from(String peer) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login");
		request.setRemoteAddr(peer);
		request.setServerName("ideabank.local");
		request.setServerPort(80);
		return request;
	}

	@Test
	void withoutTrustedProxiesForwardedHeadersAreRemovedAndThePeerIsTheClient() throws Exception {
		MockHttpServletRequest request = from("203.0.113.9");
		request.addHeader("X-Forwarded-For", "198.51.100.1");
		request.addHeader("X-Forwarded-Host", "evil.example");
		request.addHeader("X-Forwarded-Proto", "https");
		request.addHeader("Forwarded", "for=198.51.100.2;host=evil.example;proto=https");
		HttpServletRequest seen = through(List.of(), request);
		assertThat(seen.getRemoteAddr()).isEqualTo("203.0.113.9");
		assertThat(seen.getServerName()).isEqualTo("ideabank.local");
		assertThat(seen.getScheme()).isEqualTo("http");
		assertThat(seen.getHeader("X-Forwarded-For")).isNull();
		assertThat(seen.getHeader("X-Forwarded-Host")).isNull();
		assertThat(seen.getHeader("Forwarded")).isNull();
	}

	@Test
	void aPeerOutsideTheTrustedRangesIsNotBelievedEither() throws Exception {
		MockHttpServletRequest request = from("192.0.2.50");
		request.addHeader("X-Forwarded-For", "198.51.100.1");
		request.addHeader("X-Forwarded-Host", "evil.example");
		HttpServletRequest seen = through(List.of("10.0.0.0/8", "192.0.2.10"), request);
		assertThat(seen.getRemoteAddr()).isEqualTo("192.0.2.50");
		assertThat(seen.getServerName()).isEqualTo("ideabank.local");
	}

	@Test
	void fromATrustedProxyTheNearestUntrustedHopIsTheClientAndHostAndSchemeAreBelieved() throws Exception {
		MockHttpServletRequest request = from("10.0.0.2");
		// the client wrote 6.6.6.6 itself; the proxy appended the address it saw
		request.addHeader("X-Forwarded-For", "6.6.6.6, 203.0.113.9");
		request.addHeader("X-Forwarded-Host", "ideabank.thanhhoa.example");
		request.addHeader("X-Forwarded-Proto", "https");
		HttpServletRequest seen = through(List.of("10.0.0.0/8"), request);
		assertThat(seen.getRemoteAddr()).isEqualTo("203.0.113.9");
		assertThat(seen.getServerName()).isEqualTo("ideabank.thanhhoa.example");
		assertThat(seen.getScheme()).isEqualTo("https");
		assertThat(seen.isSecure()).isTrue();
	}

	@Test
	void chainedTrustedProxiesAreSkippedAndTheStandardHeaderIsRead() throws Exception {
		MockHttpServletRequest chained = from("10.0.0.2");
		chained.addHeader("X-Forwarded-For", "198.51.100.7");
		chained.addHeader("X-Forwarded-For", "10.0.0.9");
		assertThat(through(List.of("10.0.0.0/8"), chained).getRemoteAddr()).isEqualTo("198.51.100.7");

		MockHttpServletRequest standard = from("fd00::5");
		standard.addHeader("Forwarded", "for=\"[2001:db8::1]:4711\";proto=https, for=fd00::7");
		assertThat(through(List.of("fd00::/8"), standard).getRemoteAddr()).isEqualTo("2001:db8::1");

		MockHttpServletRequest none = from("10.0.0.2");
		assertThat(through(List.of("10.0.0.0/8"), none).getRemoteAddr()).isEqualTo("10.0.0.2");
	}

	@Test
	void onlyLiteralAddressesAreSettingsAndNamesInHeadersAreNeverTrusted() {
		assertThatThrownBy(() -> TrustedProxies.of(List.of("proxy.internal"))).hasMessageContaining("proxy.internal");
		assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/40"))).hasMessageContaining("10.0.0.0/40");
		TrustedProxies trusted = TrustedProxies.of(List.of(" 10.0.0.0/8 ", "", "::1"));
		assertThat(trusted.entries()).containsExactly("10.0.0.0/8", "::1");
		assertThat(trusted.contains("10.200.1.1")).isTrue();
		assertThat(trusted.contains("[::1]:8080")).isTrue();
		assertThat(trusted.contains("11.0.0.1")).isFalse();
		assertThat(trusted.contains("localhost")).isFalse();
		assertThat(trusted.contains("unknown")).isFalse();
		assertThat(TrustedProxies.of(List.of()).contains("127.0.0.1")).isFalse();
	}

	@Test
	void thePublicAddressWhenSetIsTheOnlyOne() {
		var links = new PublicLinks("https://ideabank.example.vn/", "", "", 8080);
		assertThat(links.base()).isEqualTo("https://ideabank.example.vn");
		assertThat(links.absolute("/public")).isEqualTo("https://ideabank.example.vn/public");
		assertThat(links.forMessages("/ideas/1")).isEqualTo("https://ideabank.example.vn/ideas/1");
		// the older contest setting still works alone
		assertThat(new PublicLinks("", "https://old.example.vn", "", 8080).base()).isEqualTo("https://old.example.vn");
		assertThat(new PublicLinks("", "", "", 9090).forMessages("/x")).isEqualTo("http://localhost:9090/x");
		assertThatThrownBy(() -> new PublicLinks("javascript:alert(1)", "", "", 8080)).hasMessageContaining("http(s)");
	}

	@Test
	void aConfiguredPublicAddressIgnoresTheRequestsHostAndForwardedHeaders() {
		var request = new org.springframework.mock.web.MockHttpServletRequest("GET", "/public");
		request.setServerName("evil.example");
		request.addHeader("Host", "evil.example");
		request.addHeader("X-Forwarded-Host", "evil.example");
		org.springframework.web.context.request.RequestContextHolder
			.setRequestAttributes(new org.springframework.web.context.request.ServletRequestAttributes(request));
		try {
			assertThat(new PublicLinks("https://ideabank.example.vn", "", "", 8080).absolute("/public"))
				.isEqualTo("https://ideabank.example.vn/public");
			assertThat(new PublicLinks("", "", "", 8080).base()).as("not configured: the request's own address")
				.isEqualTo("http://evil.example");
		}
		finally {
			org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
		}
	}
}
