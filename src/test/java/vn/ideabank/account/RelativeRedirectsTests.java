package vn.ideabank.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** After sign-in the browser goes back to a path of this site, whatever host the saved request named. */
class RelativeRedirectsTests {

	@Test
	void absoluteAddressesLoseTheirHost() {
		assertThat(RelativeRedirects.sitePath("", "http://evil.example/ideas?continue")).isEqualTo("/ideas?continue");
		assertThat(RelativeRedirects.sitePath("", "https://evil.example")).isEqualTo("/");
		assertThat(RelativeRedirects.sitePath("/app", "http://evil.example/app/ideas")).isEqualTo("/app/ideas");
		assertThat(RelativeRedirects.sitePath("", "//evil.example/x")).isEqualTo("/x");
	}

	@Test
	void pathsStayOnTheSite() {
		assertThat(RelativeRedirects.sitePath("", "/")).isEqualTo("/");
		assertThat(RelativeRedirects.sitePath("/app", "/ideas/5")).isEqualTo("/app/ideas/5");
		assertThat(RelativeRedirects.sitePath("", "ideas")).isEqualTo("/ideas");
		assertThat(RelativeRedirects.sitePath("", "///evil.example")).isEqualTo("/evil.example");
		assertThat(RelativeRedirects.sitePath("", "/\\evil.example")).as("not a URI: home").isEqualTo("/");
	}
}
